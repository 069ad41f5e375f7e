// The queue's server query (search, filter chips, sort, cursor) and its keyboard: pure, so Vitest covers them.

export type QueueChip = 'mine' | 'unclaimed' | 'overdue' | 'supervised';

export const queueChips: readonly QueueChip[] = ['mine', 'unclaimed', 'overdue', 'supervised'];

export interface QueueFilters {
  /** Case number (whole, or part of one within the queue), words of the title or address, a grid code. */
  q: string;
  /** A node id, or '' for every step. */
  step: string;
  status: string;
  sort: string;
  chips: readonly QueueChip[];
}

export const defaultFilters: QueueFilters = { q: '', step: '', status: 'Open', sort: 'dueAt', chips: [] };

export const queuePageSize = 50;

/** The query string of GET /api/tasks for these filters, from the start or after a cursor. */
export function queueSearchParams(filters: QueueFilters, cursor?: string | null, pageSize = queuePageSize): string {
  const params = new URLSearchParams({ sort: filters.sort, pageSize: String(pageSize) });
  if (filters.status) params.set('status', filters.status);
  const q = filters.q.trim();
  if (q) params.set('q', q);
  if (filters.step) params.set('step', filters.step);
  for (const chip of queueChips) if (filters.chips.includes(chip)) params.set(chip, 'true');
  if (cursor) params.set('cursor', cursor);
  return params.toString();
}

/** Turns a chip on or off. 我的 and 未认领 exclude each other, so choosing one drops the other. */
export function toggleChip(chips: readonly QueueChip[], chip: QueueChip): QueueChip[] {
  if (chips.includes(chip)) return chips.filter((c) => c !== chip);
  const other: QueueChip | null = chip === 'mine' ? 'unclaimed' : chip === 'unclaimed' ? 'mine' : null;
  return [...chips.filter((c) => c !== other), chip];
}

/** The queue's address with a task selected: `/queue/{taskId}`. */
export function taskPath(taskId: string | null): string {
  return taskId ? `/queue/${encodeURIComponent(taskId)}` : '/queue';
}

interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  target: EventTarget | null;
}

/** True while the person is typing (an input, a text area, a list box, editable text): shortcuts stay quiet then. */
export function isTyping(target: EventTarget | null): boolean {
  if (!target || typeof target !== 'object' || !('tagName' in target)) return false;
  const element = target as { tagName: string; isContentEditable?: boolean };
  return ['INPUT', 'TEXTAREA', 'SELECT'].includes(element.tagName.toUpperCase()) || element.isContentEditable === true;
}

export type QueueShortcut = 'claim' | 'search' | 'next' | 'previous';

/**
 * The page's single-key shortcuts: `c` claims the selected task, `/` jumps to the search box, `j`/`k` move the
 * selection. None fires while typing or with Ctrl/Alt/⌘ (those belong to the browser and to Ctrl+Enter in a form).
 */
export function queueShortcut(event: KeyLike): QueueShortcut | null {
  if (event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return null;
  switch (event.key) {
    case 'c': case 'C': return 'claim';
    case '/': return 'search';
    case 'j': return 'next';
    case 'k': return 'previous';
    default: return null;
  }
}

/** Ctrl+Enter (⌘+Enter on a Mac) submits the form being typed in, even from a text area. */
export function isSubmitChord(event: Pick<KeyLike, 'key' | 'ctrlKey' | 'metaKey'>): boolean {
  return event.key === 'Enter' && (event.ctrlKey || event.metaKey);
}

/** The row to select after moving by `delta` from `current` (clamped; the first row when nothing is selected). */
export function movedSelection(ids: readonly string[], current: string | null, delta: number): string | null {
  if (ids.length === 0) return null;
  const index = current ? ids.indexOf(current) : -1;
  if (index < 0) return ids[0] ?? null;
  return ids[Math.min(ids.length - 1, Math.max(0, index + delta))] ?? null;
}

/** The steps to filter by: those of the loaded rows (by title where known) and the chosen one, each once. */
export function stepOptions(
  tasks: readonly { id: string; nodeId: string }[], titles: Readonly<Record<string, string>>, selected: string,
): { id: string; title: string }[] {
  const byId = new Map<string, string>();
  for (const task of tasks) if (!byId.has(task.nodeId) || titles[task.id]) byId.set(task.nodeId, titles[task.id] || byId.get(task.nodeId) || task.nodeId);
  if (selected && !byId.has(selected)) byId.set(selected, selected);
  return [...byId].map(([id, title]) => ({ id, title })).sort((a, b) => a.id.localeCompare(b.id));
}
