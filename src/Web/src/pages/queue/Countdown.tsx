import type { QueueTask } from '../../api/types';
import { useT } from '../../i18n/useT';
import { deadlineState } from './queueModel';

export default function Countdown({ task, now }: { task: QueueTask; now: number }) {
  const t = useT();
  if (!task.dueAt) return <span>—</span>;
  const left = new Date(task.dueAt).getTime() - now;
  const state = deadlineState(task, now);
  return (
    <span className={`countdown ${state}`}>
      {state === 'overdue' ? `${t('overdue')} ${t.duration(left)}` : `${t('remaining')} ${t.duration(left)}`}
      {state === 'warning' && ` · ${t('warning')}`}
    </span>
  );
}
