import type { KeyboardEvent } from 'react';
import type { QueueTask } from '../../api/types';
import { useT } from '../../i18n/useT';
import Countdown from './Countdown';
import { deadlineState } from './queueModel';

// The queue's rows: each one focusable; Enter or a click opens it, ↑ ↓ move between rows.
export default function QueueTable({ tasks, selectedId, fresh, now, stepTitles, categoryOf, onOpen }: {
  tasks: QueueTask[];
  selectedId: string | null;
  fresh: ReadonlySet<string>;
  now: number;
  stepTitles: Readonly<Record<string, string>>;
  categoryOf: (task: QueueTask) => { code: string; name: string | undefined };
  onOpen: (taskId: string) => void;
}) {
  const t = useT();
  const onKey = (e: KeyboardEvent<HTMLTableRowElement>, taskId: string) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onOpen(taskId);
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const row = e.key === 'ArrowDown' ? e.currentTarget.nextElementSibling : e.currentTarget.previousElementSibling;
      if (row instanceof HTMLElement) row.focus();
    }
  };

  return (
    <table className="grid-table queue-table" role="grid" aria-label={t('queueTitle')}>
      <thead>
        <tr><th>{t('caseNumber')}</th><th>{t('caseTitle')}</th><th>{t('node')}</th><th>{t('category')}</th><th>{t('dueAt')}</th><th>{t('countdown')}</th><th>{t('claimedBy')}</th></tr>
      </thead>
      <tbody>
        {tasks.map((task) => {
          const category = categoryOf(task);
          return (
            <tr key={task.id} data-task-id={task.id} data-case-number={task.event?.number} data-category={category.code}
              tabIndex={0} aria-selected={task.id === selectedId}
              className={`${task.id === selectedId ? 'selected' : ''} row-${deadlineState(task, now)}${fresh.has(task.id) ? ' row-new' : ''}`}
              onClick={() => onOpen(task.id)} onKeyDown={(e) => onKey(e, task.id)}>
              <td>{task.event?.number}</td>
              <td>{task.event?.title}{task.event?.underSupervision && <span className="badge supervised-mark"> {t('chip.supervised')}</span>}</td>
              <td title={task.nodeId}>{stepTitles[task.id] || task.form || task.nodeId}</td>
              <td title={task.event?.catalogueItemCode}>{category.name || task.event?.catalogueItemCode || '—'}</td>
              <td>{t.date(task.dueAt)}</td>
              <td><Countdown task={task} now={now} /></td>
              <td>{task.claimedBy || '—'}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
