/** A new key for one attempt at a command; the API answers a repeat of the same key with the first answer. */
export function newIdempotencyKey(scope: string): string {
  // randomUUID exists only in secure contexts (https, localhost).
  return typeof crypto.randomUUID === 'function' ? crypto.randomUUID() : `${scope}-${Date.now()}-${Math.random().toString(36).slice(2)}`;
}
