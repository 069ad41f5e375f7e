import type { Connection, JournalActor, JournalEntry } from '../../api/types';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A value as one short line: strings as they are, everything else as JSON. */
export function showValue(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

export interface EntryDetail {
  outcome?: string;
  /** The form fields of a completed task, in the order the form sent them. */
  form: [string, unknown][];
  variable?: { name: string; value: unknown };
}

/** What an entry decided: the outcome and form of a completed task, the variable a step set. */
export function entryDetail(entry: Pick<JournalEntry, 'kind' | 'data'>): EntryDetail {
  const data = isRecord(entry.data) ? entry.data : {};
  if (entry.kind === 'TaskCompleted') {
    const outcome = typeof data['outcome'] === 'string' ? data['outcome'] : undefined;
    const form = isRecord(data['data']) ? Object.entries(data['data']) : [];
    return outcome === undefined ? { form } : { outcome, form };
  }
  if (entry.kind === 'VariableSet' && typeof data['name'] === 'string') {
    return { form: [], variable: { name: data['name'], value: data['value'] } };
  }
  return { form: [] };
}

export interface PathTaken {
  nodes: string[];
  /** Ids of the edges between consecutive nodes entered (React Flow edge ids, `from:outcome->to`). */
  edges: string[];
}

/** The nodes entered up to and including `seq`, and the connections the case went along between them. */
export function pathTaken(entries: readonly Pick<JournalEntry, 'seq' | 'kind' | 'nodeId'>[], seq: number, connections: readonly Connection[]): PathTaken {
  const entered = entries.filter((e) => e.seq <= seq && e.kind === 'NodeEntered' && e.nodeId).map((e) => e.nodeId ?? '');
  const edges = new Set<string>();
  for (let i = 1; i < entered.length; i++) {
    const from = entered[i - 1];
    const to = entered[i];
    for (const c of connections) if (c.from === from && c.to === to) edges.add(`${c.from}:${c.outcome}->${c.to}`);
  }
  return { nodes: [...new Set(entered)], edges: [...edges] };
}

/** The index `delta` steps from `index` among the visible entries, kept within them. */
export function stepIndex(visible: readonly { seq: number }[], seq: number | null, delta: number): number | null {
  if (visible.length === 0) return null;
  let here = visible.findIndex((e) => e.seq === seq);
  if (here < 0) {
    // The current entry is hidden by the filter: start from the nearest visible one before it.
    const before = visible.filter((e) => seq !== null && e.seq < seq).length;
    here = delta > 0 ? before - 1 : before;
  }
  const next = Math.max(0, Math.min(visible.length - 1, here + delta));
  return visible[next]?.seq ?? null;
}

/** How a journal entry names its actor: the person's name, the system in words, or the bare id of a user no longer known. */
export function actorLabel(actor: JournalActor, systemWord: string): string {
  if (actor.name) return actor.name;
  return actor.userId === 'system' ? systemWord : actor.userId;
}
