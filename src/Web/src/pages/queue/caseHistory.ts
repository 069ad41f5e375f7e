import type { JournalEntry, OrgUnit } from '../../api/types';

/** One line of a case's short history in the task panel. */
export interface HistoryItem {
  seq: number;
  at: string;
  kind: 'completed' | 'reassigned';
  nodeId: string | null;
  /** The outcome chosen (立案, 已办结, 退回 …) for a completed task. */
  outcome: string | null;
  /** A unit code: who acted for a completed task, where the case went for a reassignment. */
  unit: string | null;
  /** What the person wrote: a return reason, a resolution, an opinion. */
  note: string | null;
}

const noteFields = ['reason', 'resolution', 'opinion', 'explanation'];

function record(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
}

function noteOf(data: Record<string, unknown>): string | null {
  for (const field of noteFields) {
    const value = data[field];
    if (typeof value === 'string' && value.trim()) return value;
  }
  return null;
}

/** The decisions taken on a case (completed tasks and reassignments), newest first, at most `limit`. */
export function caseHistory(entries: readonly JournalEntry[], limit = 10): HistoryItem[] {
  const items: HistoryItem[] = [];
  for (const entry of entries) {
    const data = record(entry.data);
    if (entry.kind === 'TaskCompleted') {
      items.push({
        seq: entry.seq, at: entry.at, kind: 'completed', nodeId: entry.nodeId,
        outcome: typeof data.outcome === 'string' ? data.outcome : null, unit: entry.actor.unit ?? null, note: noteOf(record(data.data)),
      });
    } else if (entry.kind === 'Reassigned') {
      items.push({
        seq: entry.seq, at: entry.at, kind: 'reassigned', nodeId: null, outcome: null,
        unit: typeof data.unit === 'string' ? data.unit : null, note: typeof data.reason === 'string' ? data.reason : null,
      });
    }
  }
  return items.sort((a, b) => b.seq - a.seq).slice(0, limit);
}

/** The reasons given each time the case was sent back (outcome `returned`), oldest first. */
export function returnReasons(entries: readonly JournalEntry[]): string[] {
  return caseHistory(entries, Number.MAX_SAFE_INTEGER)
    .filter((item) => item.outcome === 'returned' && item.note)
    .map((item) => item.note as string)
    .reverse();
}

/** A unit's name, or its code when the unit is unknown (retired, out of the list). */
export function unitName(units: readonly OrgUnit[], code: string | null | undefined): string {
  if (!code) return '—';
  return units.find((unit) => unit.code === code)?.name ?? code;
}
