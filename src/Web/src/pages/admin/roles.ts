/** The roles an administrator gives, in the order the forms list them. */
export const roles = ['GridMember', 'Dispatcher', 'Handler', 'PolicyAdmin', 'Auditor', 'SystemAdmin'] as const;
