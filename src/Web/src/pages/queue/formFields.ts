import type { OrgUnit } from '../../api/types';

export type UnitKind = 'Department' | 'Area';

/** A field of a HumanTask's form (its `fields` prop). */
export interface FormField {
  name: string;
  type?: string;
  enum?: string[];
  min?: number;
  max?: number;
  maxLength?: number;
  requiredFor?: string[];
  /** `unit` and `units`: only units of this kind. */
  unitKind?: UnitKind;
  /** `units`: at most this many. */
  maxItems?: number;
}

/** What the form holds for a field: text, or the codes a `units` field has checked. */
export type FieldValue = string | string[];

export type FormData = Record<string, string | number | string[]>;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const strings = (value: unknown): string[] | undefined =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : undefined;
const number = (value: unknown): number | undefined => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);

/** The `fields` prop of a node as the form reads it; entries without a name are dropped, unknown keys ignored. */
export function parseFormFields(raw: unknown): FormField[] {
  if (!Array.isArray(raw)) return [];
  const fields: FormField[] = [];
  for (const entry of raw) {
    if (!isRecord(entry) || typeof entry.name !== 'string' || !entry.name) continue;
    const field: FormField = { name: entry.name };
    if (typeof entry.type === 'string') field.type = entry.type;
    // An enum of numbers is offered as text, as the select sends it.
    if (Array.isArray(entry.enum)) field.enum = entry.enum.filter((v) => typeof v === 'string' || typeof v === 'number').map(String);
    const min = number(entry.min);
    if (min !== undefined) field.min = min;
    const max = number(entry.max);
    if (max !== undefined) field.max = max;
    const maxLength = number(entry.maxLength);
    if (maxLength !== undefined) field.maxLength = maxLength;
    const requiredFor = strings(entry.requiredFor);
    if (requiredFor) field.requiredFor = requiredFor;
    if (entry.unitKind === 'Department' || entry.unitKind === 'Area') field.unitKind = entry.unitKind;
    const maxItems = number(entry.maxItems);
    if (maxItems !== undefined && maxItems >= 1) field.maxItems = Math.floor(maxItems);
    fields.push(field);
  }
  return fields;
}

export const isNumeric = (field: FormField) => field.type === 'int' || field.type === 'number';

/** The data sent with the outcome: empty fields left out, numbers as numbers, a `units` field as a list of codes. */
export function formData(fields: readonly FormField[], values: Record<string, FieldValue | undefined>): FormData {
  const data: FormData = {};
  for (const field of fields) {
    const value = values[field.name];
    if (value === undefined || value.length === 0) continue;
    if (field.type === 'units') data[field.name] = Array.isArray(value) ? [...value] : [value];
    else if (Array.isArray(value)) data[field.name] = value.join(',');
    else data[field.name] = isNumeric(field) ? Number(value) : value;
  }
  return data;
}

/** The area a unit belongs to: its leading digits (a department 140521GA belongs to the county 140521). */
export function areaOf(unitCode: string): string {
  return /^\d*/.exec(unitCode)?.[0] ?? '';
}

/** Units a `unit` or `units` field offers: under the user's area (the area itself included), of the field's kind. */
export function unitChoices(units: readonly OrgUnit[], field: Pick<FormField, 'unitKind'>, userUnit: string): OrgUnit[] {
  const area = areaOf(userUnit);
  return units.filter((u) => u.code.startsWith(area) && (!field.unitKind || u.kind === field.unitKind));
}

/** Checks or unchecks a unit; a check past `maxItems` is refused (the list is returned as it was). */
export function toggleUnit(selected: readonly string[], code: string, checked: boolean, maxItems?: number): string[] {
  if (!checked) return selected.filter((c) => c !== code);
  if (selected.includes(code) || (maxItems !== undefined && selected.length >= maxItems)) return [...selected];
  return [...selected, code];
}

/** Whether another unit may be checked. */
export const canCheckMore = (selected: readonly string[], maxItems?: number) => maxItems === undefined || selected.length < maxItems;
