import { ApiError, messageOf } from '../../api/client';
import type { OrgUnit } from '../../api/types';
import type { MessageKey } from '../../i18n/messages';
import { areaOf } from './formFields';

export type CaseAction = 'supervise' | 'urge' | 'relocate' | 'reclassify';

export const caseActions: readonly CaseAction[] = ['supervise', 'urge', 'relocate', 'reclassify'];

/** The 409 codes a case command answers, each shown as a sentence of our own rather than the server's text. */
export const refusalCodes = ['no-push-down', 'supervision-level', 'already-supervised', 'same-grid', 'same-item'] as const;

export type RefusalCode = (typeof refusalCodes)[number];

export const refusalKey = (code: RefusalCode): MessageKey => `refusal.${code}`;

/** What a failed command shows: messages under fields (400), a known refusal (409), or a line for the form. */
export interface CommandFailure {
  fields: Record<string, string[]>;
  refusal: RefusalCode | null;
  message: string | null;
}

export const noFailure: CommandFailure = { fields: {}, refusal: null, message: null };

export function commandFailure(error: unknown): CommandFailure {
  if (error instanceof ApiError) {
    const refusal = error.status === 409 ? refusalCodes.find((code) => error.is(code)) ?? null : null;
    if (refusal) return { fields: {}, refusal, message: null };
    if (Object.keys(error.fieldErrors).length) return { fields: error.fieldErrors, refusal: null, message: null };
  }
  return { fields: {}, refusal: null, message: messageOf(error) };
}

export const NOTE_MAX = 500;

/** A note or reason must have 1–500 characters (spaces alone do not count). */
export function noteProblem(note: string, empty: MessageKey = 'noteRequired'): MessageKey | null {
  if (!note.trim()) return empty;
  return note.length > NOTE_MAX ? 'noteTooLong' : null;
}

/** The grids a case may be moved to: grid areas under the user's area. */
export function gridChoices(units: readonly OrgUnit[], userUnit: string): OrgUnit[] {
  const area = areaOf(userUnit);
  return units.filter((u) => u.level === 'Grid' && u.kind === 'Area' && u.code.startsWith(area));
}

/** Units whose name or code contains the text (all of them for no text). */
export function matching(units: readonly OrgUnit[], text: string): OrgUnit[] {
  const needle = text.trim();
  return needle ? units.filter((u) => u.code.includes(needle) || u.name.includes(needle)) : [...units];
}
