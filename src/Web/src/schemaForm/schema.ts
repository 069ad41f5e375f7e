import type { JsonSchema } from '../api/types';
import type { Lang } from '../i18n/translate';

// What the properties form derives from an activity type's JSON Schema, and the text forms of table cells.

export type Row = Record<string, unknown>;

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A value as text: plain values as they read, objects and lists as JSON. */
export function plainText(value: unknown): string {
  switch (typeof value) {
    case 'undefined': return '';
    case 'string': return value;
    case 'number': case 'boolean': case 'bigint': return String(value);
    default: return JSON.stringify(value) ?? '';
  }
}

/** What an input shows for a value: strings and numbers as they are, nothing for a missing value. */
export function inputValue(value: unknown): string | number {
  if (typeof value === 'string' || typeof value === 'number') return value;
  return value === null ? '' : plainText(value);
}

/** "中文 English" titles: the part in the user's language (a title without both parts stays whole). */
export function titleIn(title: string | undefined, lang: Lang): string {
  if (!title) return '';
  const match = /^([^A-Za-z]*[^\sA-Za-z])\s+([A-Za-z].*)$/.exec(title);
  if (!match) return title;
  return (lang === 'en' ? match[2] : match[1]) ?? title;
}

/** The values to choose from: a closed `enum`, or an open one (`anyOf` with an enum beside free text). */
export function enumOf(schema: JsonSchema | undefined): { values: unknown[]; open: boolean } | null {
  if (Array.isArray(schema?.enum)) return { values: schema.enum, open: false };
  const option = schema?.anyOf?.find((a) => Array.isArray(a.enum));
  return option?.enum ? { values: option.enum, open: true } : null;
}

export function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || value === '';
}

/** The key that tells a oneOf option apart: its first required key, else its first property. */
export function optionKey(option: JsonSchema): string | undefined {
  return (option.required ?? Object.keys(option.properties ?? {}))[0];
}

/** Which oneOf option a value matches: the first whose required keys (else properties) it has; -1 for none. */
export function optionIndex(options: readonly JsonSchema[], value: unknown): number {
  if (!isRecord(value)) return -1;
  return options.findIndex((o) => (o.required ?? Object.keys(o.properties ?? {})).every((k) => k in value));
}

/** The value a oneOf option starts with when it is picked: its key with the const, the first enum value or ''. */
export function startValueOf(option: JsonSchema): Row | undefined {
  const key = optionKey(option);
  if (key === undefined) return undefined;
  const prop = option.properties?.[key] ?? {};
  return { [key]: prop.const ?? prop.enum?.[0] ?? '' };
}

/** A plain cell value from text: numbers and true/false/null are typed, anything else stays text. */
export function plainOf(text: string): string | number | boolean | null {
  const s = text.trim();
  if (/^-?\d+(\.\d+)?$/.test(s)) return Number(s);
  if (s === 'true') return true;
  if (s === 'false') return false;
  if (s === 'null') return null;
  return s;
}

const parts = (text: string) => text.split(/[,，]/).map((s) => s.trim()).filter(Boolean);

/** Decision-table cell: "" = no cell (any), "a, b" = any of, otherwise one plain value ("*", "1..2", ">=3", "Grid", 4). */
export function cellText(value: unknown): string {
  if (value === undefined) return '';
  return Array.isArray(value) ? value.join(', ') : plainText(value);
}

export function cellOf(text: string): unknown {
  if (!text.trim()) return undefined;
  const list = parts(text);
  return list.length > 1 ? list.map(plainOf) : plainOf(list[0] ?? '');
}

export function listText(value: unknown): string {
  return Array.isArray(value) ? value.join(', ') : '';
}

export function listOf(text: string): string[] | undefined {
  const list = parts(text);
  return list.length ? list : undefined;
}

/** name=value pairs (variable assignments): "a=1, b=x". */
export function mapText(value: unknown): string {
  if (!isRecord(value)) return '';
  return Object.entries(value).map(([k, x]) => `${k}=${plainText(x)}`).join(', ');
}

export function mapOf(text: string): Row | undefined {
  const entries = parts(text).map((pair): [string, unknown] => {
    const at = pair.indexOf('=');
    return at < 0 ? [pair, null] : [pair.slice(0, at).trim(), plainOf(pair.slice(at + 1))];
  }).filter(([k]) => k);
  return entries.length ? Object.fromEntries(entries) : undefined;
}

// ── Editable tables for arrays of objects (decision conditions, decision-table rows, form fields) ──

export type Column =
  | { kind: 'cell'; key: string; title: string; map: string; entry: string }
  | { kind: 'map' | 'list' | 'number' | 'bool'; key: string; title: string }
  | { kind: 'enum'; key: string; title: string; values: unknown[] }
  | { kind: 'text'; key: string; title: string; wide: boolean };

/** Columns of a table from the item schema; a decision table's `when` gets one column per input of the parent. */
export function columnsOf(itemSchema: JsonSchema, parent: unknown, lang: Lang): Column[] {
  const columns: Column[] = [];
  const inputs = isRecord(parent) && Array.isArray(parent.inputs) ? parent.inputs.map(String) : [];
  Object.entries(itemSchema.properties ?? {}).forEach(([key, prop]) => {
    const title = titleIn(prop.title, lang) || key;
    if (prop.type === 'object' && prop.additionalProperties) {
      if (key === 'when' && inputs.length) {
        inputs.forEach((input) => columns.push({ key: `${key}.${input}`, title: input, kind: 'cell', map: key, entry: input }));
      } else {
        columns.push({ key, title, kind: 'map' });
      }
    } else if (Array.isArray(prop.enum)) {
      columns.push({ key, title, kind: 'enum', values: prop.enum });
    } else if (prop.type === 'array') {
      columns.push({ key, title, kind: 'list' });
    } else if (prop.type === 'number' || prop.type === 'integer') {
      columns.push({ key, title, kind: 'number' });
    } else if (prop.type === 'boolean') {
      columns.push({ key, title, kind: 'bool' });
    } else {
      columns.push({ key, title, kind: 'text', wide: (prop.maxLength ?? 0) > 100 });
    }
  });
  return columns;
}

/** The value a cell shows. */
export function cellValue(row: Row, column: Column): unknown {
  if (column.kind === 'cell') {
    const map = row[column.map];
    return isRecord(map) ? map[column.entry] : undefined;
  }
  return row[column.key];
}

/** The rows with one cell set; an empty value removes the key (and an emptied `when` map goes too). */
export function withCell(rows: readonly Row[], index: number, column: Column, value: unknown): Row[] {
  const row = { ...rows[index] };
  if (column.kind === 'cell') {
    const old = row[column.map];
    const map: Row = isRecord(old) ? { ...old } : {};
    if (value === undefined) delete map[column.entry]; else map[column.entry] = value;
    if (Object.keys(map).length) row[column.map] = map; else delete row[column.map];
  } else if (value === undefined || value === '') {
    delete row[column.key];
  } else {
    row[column.key] = value;
  }
  return rows.map((r, k) => (k === index ? row : r));
}

/** The rows with row `index` swapped with its neighbour `by` (-1 up, 1 down); unchanged at either end. */
export function moveRow(rows: readonly Row[], index: number, by: -1 | 1): Row[] {
  const next = [...rows];
  const other = index + by;
  const a = next[index];
  const b = next[other];
  if (a === undefined || b === undefined) return next;
  next[index] = b;
  next[other] = a;
  return next;
}

/** A new row; when items have an `id`, the first free `row-N` from N = rows + 1. */
export function newRow(rows: readonly Row[], itemSchema: JsonSchema): Row {
  if (!itemSchema.properties?.id) return {};
  const ids = new Set(rows.map((r) => r.id));
  let k = rows.length + 1;
  while (ids.has(`row-${k}`)) k += 1;
  return { id: `row-${k}` };
}
