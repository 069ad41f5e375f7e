import { ApiError } from '../../api/client';
import type { NewDefinitionBody } from '../../api/types';

// The new-definition form: the id rule (the server's, checked again there) and the server's refusals by field.

export const definitionIdPattern = /^[a-z][a-z0-9-]{0,63}$/;

export interface NewDefinitionInput {
  id: string;
  name: string;
  nameEn: string;
}

/** The request body: trimmed, an empty English name left out. */
export function newDefinitionBody(input: NewDefinitionInput): NewDefinitionBody {
  const nameEn = input.nameEn.trim();
  return { id: input.id.trim(), name: input.name.trim(), ...(nameEn ? { nameEn } : {}) };
}

/** Field (JSON name) → message, from a 400's field errors or a 409 naming its field; anything else under ''. */
export function fieldErrorsOf(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return { '': error instanceof Error ? error.message : String(error) };
  const entries = Object.entries(error.fieldErrors).map(([field, messages]): [string, string] => [field.charAt(0).toLowerCase() + field.slice(1), messages.join(' ')]);
  if (entries.length) return Object.fromEntries(entries);
  const message = error.problem.detail || error.message;
  return { [error.problem.field ?? '']: message };
}
