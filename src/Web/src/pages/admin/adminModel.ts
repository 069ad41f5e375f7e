import type { AdminUnit, ImportProblem } from '../../api/adminTypes';
import type { ProblemDetails } from '../../api/types';

// The administration pages' pure logic: the unit tree, import reports, and forms as requests.

// ── The unit tree ──

export interface TreeRow {
  unit: AdminUnit;
  depth: number;
  expanded: boolean;
  /** Expanded, and its children not loaded yet. */
  loading: boolean;
}

/**
 * The rows of the tree as drawn: each root, and below each expanded unit its children (in code order), as far as
 * they are loaded. `childrenOf` answers undefined for children not loaded.
 */
export function flattenTree(roots: readonly AdminUnit[], childrenOf: (code: string) => readonly AdminUnit[] | undefined, expanded: ReadonlySet<string>): TreeRow[] {
  const rows: TreeRow[] = [];
  const visit = (unit: AdminUnit, depth: number) => {
    const open = expanded.has(unit.code) && unit.childCount > 0;
    const children = open ? childrenOf(unit.code) : undefined;
    rows.push({ unit, depth, expanded: open, loading: open && !children });
    [...(children ?? [])].sort((a, b) => compareCodes(a.code, b.code)).forEach((child) => visit(child, depth + 1));
  };
  roots.forEach((root) => visit(root, 0));
  return rows;
}

function compareCodes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The units above `code` within the tree under `root`, top down (the root itself left out): area codes nest by
 * prefix (county 6 digits, township 9, village 12, grid 15); a department's owner is its leading digits.
 */
export function ancestorsOf(code: string, root: string): string[] {
  const digits = /^\d*/.exec(code)?.[0] ?? '';
  const owners = [6, 9, 12, 15].filter((n) => n <= digits.length && n < code.length).map((n) => code.slice(0, n));
  if (digits.length < code.length && !owners.includes(digits) && digits.length > 0) owners.push(digits);
  return owners.filter((c) => c !== root && c.startsWith(root.slice(0, 4)) && c !== code);
}

/** The level of a new unit under a parent of `level` (a department may hang under any area). */
export const childLevel: Record<string, string | undefined> = { City: 'County', County: 'Township', Township: 'Village', Village: 'Grid' };

// ── Imports ──

export interface LineProblems {
  line: number;
  problems: { field: string; message: string }[];
}

/** Problems by line (in line order), each line's problems in the order given. */
export function groupProblems(problems: readonly ImportProblem[]): LineProblems[] {
  const byLine = new Map<number, LineProblems>();
  for (const { line, field, message } of problems) {
    const entry = byLine.get(line) ?? { line, problems: [] };
    entry.problems.push({ field, message });
    byLine.set(line, entry);
  }
  return [...byLine.values()].sort((a, b) => a.line - b.line);
}

/** How a file is sent: units may be JSON (an array or an object), anything else is CSV. */
export function importContentType(kind: 'units' | 'users', text: string): string {
  return kind === 'units' && /^\s*[[{]/.test(text) ? 'application/json' : 'text/csv';
}

/** The apply is offered only for exactly the text whose dry run found it valid. */
export function canApply(dryRun: { valid: boolean; text: string; kind: string } | null, text: string, kind: string): boolean {
  return !!dryRun && dryRun.valid && dryRun.text === text && dryRun.kind === kind && text.trim().length > 0;
}

// ── Forms as requests ──

export interface UserFilters {
  q: string;
  role: string;
  status: string;
}

/** The users list's query string: the filters given, and the page's `after`. */
export function usersSearch(filters: UserFilters, after: string | null, limit = 20): string {
  const params = new URLSearchParams();
  if (filters.q.trim()) params.set('q', filters.q.trim());
  if (filters.role) params.set('role', filters.role);
  if (filters.status) params.set('status', filters.status);
  if (after) params.set('after', after);
  params.set('limit', String(limit));
  return params.toString();
}

export interface UnitForm {
  code: string;
  name: string;
  gridType: string;
  population: string;
}

/** A new unit under `parentCode`: texts trimmed, the empty left out, a population as a number when it is one. */
export function createUnitBody(form: UnitForm, parentCode: string): Record<string, unknown> {
  const body: Record<string, unknown> = { code: form.code.trim(), name: form.name.trim(), parentCode };
  if (form.gridType) body.gridType = form.gridType;
  const population = form.population.trim();
  if (population) body.population = /^\d+$/.test(population) ? Number(population) : population;
  return body;
}

export interface UserForm {
  userName: string;
  displayName: string;
  role: string;
  unitCode: string;
  password: string;
}

export function createUserBody(form: UserForm): Record<string, unknown> {
  return {
    userName: form.userName.trim(),
    displayName: form.displayName.trim(),
    role: form.role,
    unitCode: form.unitCode.trim(),
    password: form.password,
  };
}

/** The field a refusal (409, 422) is about, by its problem type; 400s name their fields themselves. */
const fieldOfProblem: [string, string][] = [
  ['one-member-per-grid', 'unitCode'], ['user-exists', 'userName'], ['role-unit', 'role'], ['unit-retired', 'unitCode'],
  ['unit-unknown', 'unitCode'], ['org.duplicate-code', 'code'], ['org.parent-retired', 'parentCode'],
];

/** A failed request's messages by field (the first of each); what names no field goes under `_form`. */
export function fieldErrors(status: number, problem: ProblemDetails, fallback: string): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const [field, messages] of Object.entries(problem.errors ?? {})) {
    if (messages[0]) errors[field] = messages[0];
  }
  if (Object.keys(errors).length) return errors;
  const message = problem.detail || problem.title || fallback;
  const field = status === 400 ? undefined : fieldOfProblem.find(([code]) => (problem.type ?? '').endsWith(code))?.[1];
  return { [field ?? '_form']: message };
}

/** JSON text as a value, or the parser's complaint. */
export function parseJson(text: string): { value: unknown } | { error: string } {
  try {
    return { value: JSON.parse(text) as unknown };
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
}
