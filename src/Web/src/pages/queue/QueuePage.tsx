import { useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { queueQuery } from '../../api/queries';
import { useSignedIn } from '../../app/useSession';
import { useT } from '../../i18n/useT';
import Countdown from './Countdown';
import TaskPanel from './TaskPanel';
import { categoryOfTask, deadlineState, newTaskIds } from './queueModel';
import { useCatalogue } from './useCatalogue';
import { useNow } from './useNow';
import { useStepTitles } from './useStepTitles';
import { useTaskStream } from './useTaskStream';

// The user's queue: filters, deadlines counting down, and the selected task's panel.
export default function QueuePage() {
  const t = useT();
  const session = useSignedIn();
  const now = useNow();
  const [status, setStatus] = useState('Open');
  const [overdueOnly, setOverdueOnly] = useState(false);
  const [category, setCategory] = useState('');
  const [sort, setSort] = useState('dueAt');
  const catalogue = useCatalogue();
  // Changing a filter keeps the rows (and the open panel) until the new ones arrive.
  const queue = useQuery({ ...queueQuery({ status, overdue: overdueOnly, sort }), placeholderData: keepPreviousData });
  const tasks = queue.data?.items;
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  // The server pushes a signal whenever tasks change; the queue refetches by itself.
  useTaskStream();
  const [seenSince, setSeenSince] = useState(() => Date.now());
  const fresh = new Set(tasks ? newTaskIds(tasks, seenSince) : []);

  const shown = tasks && (category ? tasks.filter((task) => categoryOfTask(task, catalogue.categoryOf) === category) : tasks);
  const selected = shown?.find((task) => task.id === selectedId) ?? null;
  const stepTitles = useStepTitles(tasks);
  const categoryName = Object.fromEntries(catalogue.categories.map((c) => [c.code, c.name]));
  const categoryNameOf = (code: string | null) => (code ? categoryName[code] : undefined);

  return (
    <div className="queue-page">
      <section className="card queue-list">
        <div className="toolbar">
          <h2>{t('queueTitle')}</h2>
          <label>{t('filterStatus')}
            <select value={status} onChange={(e) => setStatus(e.target.value)}>
              <option value="">{t('all')}</option>
              <option value="Open">{t('status.Open')}</option>
              <option value="Completed">{t('status.Completed')}</option>
            </select>
          </label>
          {catalogue.categories.length > 0 && (
            <label>{t('filterCategory')}
              <select name="category" value={category} onChange={(e) => setCategory(e.target.value)}>
                <option value="">{t('all')}</option>
                {catalogue.categories.map((c) => <option key={c.code} value={c.code}>{c.name}</option>)}
              </select>
            </label>
          )}
          <label>{t('sortBy')}
            <select name="sort" value={sort} onChange={(e) => setSort(e.target.value)}>
              <option value="dueAt">{t('sort.dueAt')}</option>
              <option value="openedAt">{t('sort.openedAt')}</option>
              <option value="-openedAt">{t('sort.-openedAt')}</option>
            </select>
          </label>
          <label className="inline"><input type="checkbox" checked={overdueOnly} onChange={(e) => setOverdueOnly(e.target.checked)} />{t('filterOverdue')}</label>
          <button type="button" onClick={() => void queue.refetch()}>{t('refresh')}</button>
          {fresh.size > 0 && (
            <button type="button" className="new-tasks-badge" data-testid="new-tasks" title={t('newTasksHint')} onClick={() => setSeenSince(Date.now())}>
              {t('newTasks', fresh.size)}
            </button>
          )}
        </div>
        {queue.error && <div className="error">{queue.error.message}</div>}
        {notice && <div className="notice" role="status">{notice}</div>}
        {!shown ? <p>{t('loading')}</p> : shown.length === 0 ? <p className="muted">{t('none')}</p> : (
          <table className="grid-table">
            <thead>
              <tr><th>{t('caseNumber')}</th><th>{t('caseTitle')}</th><th>{t('node')}</th><th>{t('category')}</th><th>{t('dueAt')}</th><th>{t('countdown')}</th><th>{t('claimedBy')}</th></tr>
            </thead>
            <tbody>
              {shown.map((task) => (
                <tr key={task.id} data-task-id={task.id} data-case-number={task.event?.number} data-category={categoryOfTask(task, catalogue.categoryOf) ?? ''}
                  className={`${task.id === selectedId ? 'selected' : ''} row-${deadlineState(task, now)}${fresh.has(task.id) ? ' row-new' : ''}`}
                  onClick={() => { setSelectedId(task.id); setNotice(null); }}>
                  <td>{task.event?.number}</td>
                  <td>{task.event?.title}</td>
                  <td title={task.nodeId}>{stepTitles[task.id] || task.form || task.nodeId}</td>
                  <td title={task.event?.catalogueItemCode}>{categoryNameOf(categoryOfTask(task, catalogue.categoryOf)) || task.event?.catalogueItemCode || '—'}</td>
                  <td>{t.date(task.dueAt)}</td>
                  <td><Countdown task={task} now={now} /></td>
                  <td>{task.claimedBy || '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section className="card task-panel">
        {selected ? <TaskPanel key={selected.id} task={selected} session={session} onNotice={setNotice} /> : <p className="muted">{t('selectTask')}</p>}
      </section>
    </div>
  );
}
