import type { Lang } from '../../i18n/translate';
import type { JournalEntry } from '../../api/types';

// A label in both languages for every journal kind (JournalKinds in src/Workflows/Journal/JournalEntry.cs).
export const kindLabels: Record<string, { zh: string; en: string }> = {
  Reported: { zh: '上报', en: 'Reported' },
  TaskCompleted: { zh: '任务办结', en: 'Task completed' },
  TaskClaimed: { zh: '任务认领', en: 'Task claimed' },
  TaskReleased: { zh: '任务释放', en: 'Task released' },
  TimerFired: { zh: '计时到期', en: 'Timer fired' },
  Reassigned: { zh: '改派', en: 'Reassigned' },
  Urged: { zh: '催办', en: 'Urged' },
  Relocated: { zh: '改派网格', en: 'Moved to another grid' },
  Reclassified: { zh: '重新分类', en: 'Reclassified' },
  Migrated: { zh: '版本迁移', en: 'Migrated' },
  NodeEntered: { zh: '进入环节', en: 'Node entered' },
  NodeExited: { zh: '离开环节', en: 'Node left' },
  TaskOpened: { zh: '任务生成', en: 'Task opened' },
  TaskCancelled: { zh: '任务取消', en: 'Task cancelled' },
  TaskRequeued: { zh: '任务退回队列', en: 'Task requeued' },
  TimerScheduled: { zh: '设定计时', en: 'Timer scheduled' },
  TimerCancelled: { zh: '取消计时', en: 'Timer cancelled' },
  VariableSet: { zh: '变量赋值', en: 'Variable set' },
  Routed: { zh: '流转', en: 'Routed' },
  Escalated: { zh: '上报上级', en: 'Escalated' },
  EscalationBlocked: { zh: '上报受阻', en: 'Escalation blocked' },
  DeadlineWarning: { zh: '时限预警', en: 'Deadline warning' },
  DeadlineOverdue: { zh: '超时', en: 'Overdue' },
  DeadlineStopped: { zh: '时限停止', en: 'Deadline stopped' },
  DeadlineResumed: { zh: '时限恢复', en: 'Deadline resumed' },
  SupervisionFlagged: { zh: '督办', en: 'Supervision' },
  Notified: { zh: '通知', en: 'Notified' },
  JoinWaiting: { zh: '等待汇合', en: 'Waiting to join' },
  Closed: { zh: '结案', en: 'Closed' },
  Completed: { zh: '流程结束', en: 'Completed' },
  Faulted: { zh: '流程故障', en: 'Faulted' },
};

export function kindLabel(lang: Lang, kind: string): string {
  return kindLabels[kind]?.[lang] ?? kind;
}

const peopleKinds = new Set(['TaskCompleted', 'TaskClaimed', 'Reassigned', 'Urged', 'Relocated', 'Reclassified', 'Migrated']);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A person's action: completing, claiming, reassigning, urging, moving, reclassifying, migrating, or 督办 by hand. */
export function isPeopleAction(entry: Pick<JournalEntry, 'kind' | 'data'>): boolean {
  if (peopleKinds.has(entry.kind)) return true;
  return entry.kind === 'SupervisionFlagged' && isRecord(entry.data) && entry.data['issued'] === 'manual';
}
