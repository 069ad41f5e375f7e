import { useState } from 'react';
import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useNavigate, useParams } from 'react-router';
import { queueQuery, taskQuery } from '../../api/queries';
import type { QueueTask } from '../../api/types';
import { useSignedIn } from '../../app/useSession';
import { useT } from '../../i18n/useT';
import QueueTable from './QueueTable';
import QueueToolbar, { queueSearchId } from './QueueToolbar';
import TaskPanel from './TaskPanel';
import { categoryOfTask, newTaskIds } from './queueModel';
import { defaultFilters, movedSelection, stepOptions, taskPath, type QueueFilters } from './queueSearch';
import { useCatalogue } from './useCatalogue';
import { useNow } from './useNow';
import { useQueueShortcuts } from './useQueueShortcuts';
import { useStepTitles } from './useStepTitles';
import { useTaskStream } from './useTaskStream';

// The user's queue: search and filters asked of the server, pages loaded on demand, the selected task in the address
// (/queue/{taskId}) and its panel.
export default function QueuePage() {
  const t = useT();
  const session = useSignedIn();
  const now = useNow();
  const navigate = useNavigate();
  const selectedId = useParams().taskId ?? null;
  const [filters, setFilters] = useState<QueueFilters>(defaultFilters);
  const [category, setCategory] = useState('');
  const catalogue = useCatalogue();
  // Changing a filter keeps the rows (and the open panel) until the new ones arrive.
  const queue = useInfiniteQuery({ ...queueQuery(filters), placeholderData: keepPreviousData });
  const tasks = queue.data?.pages.flatMap((page) => page.items);
  const total = queue.data?.pages[0]?.total ?? 0;
  const [notice, setNotice] = useState<string | null>(null);
  // The server pushes a signal whenever tasks change; the queue refetches by itself.
  useTaskStream();
  const [seenSince, setSeenSince] = useState(() => Date.now());
  const fresh = new Set(tasks ? newTaskIds(tasks, seenSince) : []);

  const shown = tasks && (category ? tasks.filter((task) => categoryOfTask(task, catalogue.categoryOf) === category) : tasks);
  // A task named in the address but not among the rows (another page, another filter, a link) is read on its own.
  const listed = tasks?.find((task) => task.id === selectedId);
  const single = useQuery({ ...taskQuery(selectedId ?? ''), enabled: selectedId !== null && tasks !== undefined && !listed });
  const selected: QueueTask | null = listed ?? (single.data?.id === selectedId ? single.data : null) ?? null;
  const stepTitles = useStepTitles(tasks);
  const categoryName = Object.fromEntries(catalogue.categories.map((c) => [c.code, c.name]));
  const categoryOf = (task: QueueTask) => {
    const code = categoryOfTask(task, catalogue.categoryOf) ?? '';
    return { code, name: code ? categoryName[code] : undefined };
  };

  const open = (taskId: string | null) => {
    setNotice(null);
    void navigate(taskPath(taskId));
  };
  useQueueShortcuts((shortcut) => {
    if (shortcut === 'search') document.getElementById(queueSearchId)?.focus();
    if (shortcut === 'next' || shortcut === 'previous') {
      const next = movedSelection((shown ?? []).map((task) => task.id), selectedId, shortcut === 'next' ? 1 : -1);
      if (next) {
        open(next);
        document.querySelector<HTMLElement>(`tr[data-task-id="${CSS.escape(next)}"]`)?.focus();
      }
    }
  });

  return (
    <div className="queue-page">
      <section className="card queue-list">
        <div className="toolbar">
          <h2>{t('queueTitle')}</h2>
          {catalogue.categories.length > 0 && (
            <label>{t('filterCategory')}
              <select name="category" value={category} onChange={(e) => setCategory(e.target.value)}>
                <option value="">{t('all')}</option>
                {catalogue.categories.map((c) => <option key={c.code} value={c.code}>{c.name}</option>)}
              </select>
            </label>
          )}
          <button type="button" onClick={() => void queue.refetch()}>{t('refresh')}</button>
          {fresh.size > 0 && (
            <button type="button" className="new-tasks-badge" data-testid="new-tasks" title={t('newTasksHint')} onClick={() => setSeenSince(Date.now())}>
              {t('newTasks', fresh.size)}
            </button>
          )}
        </div>
        <QueueToolbar filters={filters} steps={stepOptions(tasks ?? [], stepTitles, filters.step)} onChange={setFilters} />
        <p className="muted small queue-keys">{t('queueKeysHint')}</p>
        {queue.error && <div className="error">{queue.error.message}</div>}
        {notice && <div className="notice" role="status" data-testid="queue-notice">{notice}</div>}
        {!shown ? <p>{t('loading')}</p> : shown.length === 0 ? <p className="muted">{t('none')}</p> : (
          <QueueTable tasks={shown} selectedId={selectedId} fresh={fresh} now={now} stepTitles={stepTitles} categoryOf={categoryOf} onOpen={open} />
        )}
        {tasks && (
          <div className="queue-more">
            <span className="muted small" data-testid="queue-count">{t('shownOf', tasks.length, total)}</span>
            {queue.hasNextPage && (
              <button type="button" data-testid="load-more" disabled={queue.isFetchingNextPage} onClick={() => void queue.fetchNextPage()}>{t('loadMore')}</button>
            )}
          </div>
        )}
      </section>
      <section className="card task-panel">
        {selected ? <TaskPanel key={selected.id} task={selected} session={session} onNotice={setNotice} />
          : single.error ? <p className="error" role="alert">{t('taskNotFound')}</p>
          : <p className="muted">{t('selectTask')}</p>}
      </section>
    </div>
  );
}
