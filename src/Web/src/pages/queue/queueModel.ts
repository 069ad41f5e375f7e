import type { Catalogue, QueueTask } from '../../api/types';

export type DeadlineState = 'ok' | 'warning' | 'overdue';

type Deadline = Pick<QueueTask, 'dueAt' | 'warnAt' | 'overdue' | 'warned'>;

/** Overdue once the server says so or the due time has come; warning likewise from the warning time. */
export function deadlineState(task: Deadline, now: number): DeadlineState {
  if (task.overdue || (task.dueAt && new Date(task.dueAt).getTime() <= now)) return 'overdue';
  if (task.warned || (task.warnAt && new Date(task.warnAt).getTime() <= now)) return 'warning';
  return 'ok';
}

export interface CatalogueView {
  categories: Catalogue['categories'];
  /** Item code → its category's code. */
  categoryOf: Record<string, string>;
}

export const emptyCatalogue: CatalogueView = { categories: [], categoryOf: {} };

export function catalogueView(catalogue: Catalogue | null): CatalogueView {
  const categoryOf: Record<string, string> = {};
  (catalogue?.categories ?? []).forEach((category) => (category.items ?? []).forEach((item) => { categoryOf[item.code] = category.code; }));
  return { categories: catalogue?.categories ?? [], categoryOf };
}

/** A case's category: from the catalogue, else the item code's prefix (QS-01-001 → QS-01); null without an item. */
export function categoryOfTask(task: Pick<QueueTask, 'event'>, categoryOf: Record<string, string>): string | null {
  const code = task.event?.catalogueItemCode;
  if (!code) return null;
  return categoryOf[code] || code.split('-').slice(0, -1).join('-');
}

/** The tasks opened after the person last looked (page opened or the 新任务 badge pressed): the badge's count. */
export function newTaskIds(tasks: readonly Pick<QueueTask, 'id' | 'openedAt'>[], seenSince: number): string[] {
  return tasks.filter((task) => Date.parse(task.openedAt) > seenSince).map((task) => task.id);
}
