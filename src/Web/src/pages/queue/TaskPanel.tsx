import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { messageOf } from '../../api/client';
import { useDefinitionVersion } from '../../api/hooks';
import { useClaimTask, useReleaseTask } from '../../api/mutations';
import { caseQuery } from '../../api/queries';
import type { Session } from '../../api/session';
import type { QueueTask } from '../../api/types';
import { useT } from '../../i18n/useT';
import CaseActions from './CaseActions';
import CaseFacts from './CaseFacts';
import ReassignForm from './ReassignForm';
import SupervisedBadge from './SupervisedBadge';
import { parseFormFields } from './formFields';
import TaskForm from './TaskForm';
import { useQueueShortcuts } from './useQueueShortcuts';

// The selected task: its case, claim or release, reassignment for dispatchers, and the form once claimed.
export default function TaskPanel({ task, session, onNotice }: { task: QueueTask; session: Session; onNotice: (text: string) => void }) {
  const t = useT();
  const navigate = useNavigate();
  const detail = useQuery(caseQuery(task.eventId));
  const event = detail.data;
  const claim = useClaimTask();
  const release = useReleaseTask();
  const [error, setError] = useState<string | null>(null);
  const version = useDefinitionVersion(event?.workflow);
  const node = version?.nodes.find((n) => n.id === task.nodeId);
  const fields = parseFormFields(node?.props?.fields);

  const act = async (step: typeof claim) => {
    setError(null);
    try {
      await step.mutateAsync({ taskId: task.id, eventId: task.eventId });
    } catch (e) {
      setError(messageOf(e));
    }
  };

  const mine = task.claimedBy === session.username;
  const claimable = task.status === 'Open' && !task.claimedBy;
  useQueueShortcuts((shortcut) => {
    if (shortcut === 'claim' && claimable && !claim.isPending) void act(claim);
  });
  const shownError = error ?? (detail.error ? detail.error.message : null);
  return (
    <div>
      <h3>{task.event?.number} · {task.event?.title}</h3>
      {event && (
        <dl className="detail">
          <dt>{t('reportedAt')}</dt><dd>{t.date(event.reportedAt)}</dd>
          <dt>{t('channel')}</dt><dd>{t.term(event.channel)}</dd>
          <dt>{t('reporter')}</dt><dd>{event.reporter ? `${event.reporter.name || ''} ${event.reporter.phone || ''}` : '—'}</dd>
          <dt>{t('description')}</dt><dd>{event.description || '—'}</dd>
          <dt>{t('pinnedVersion')}</dt><dd>{event.workflow?.definitionId} v{event.workflow?.version}</dd>
        </dl>
      )}
      {event && <CaseFacts event={event} nodes={version?.nodes ?? []} />}
      {event?.supervisedBy && <SupervisedBadge unit={event.supervisedBy} />}
      <div className="toolbar">
        {claimable && (
          <><button type="button" className="primary" aria-keyshortcuts="c" onClick={() => void act(claim)}>{t('claim')}</button><kbd className="key-hint">C</kbd></>
        )}
        {task.status === 'Open' && mine && <button type="button" onClick={() => void act(release)}>{t('release')}</button>}
        <button type="button" className="link" onClick={() => void navigate(`/replay/${task.eventId}`)}>{t('openReplay')}</button>
      </div>
      {shownError && <div className="error" role="alert">{shownError}</div>}
      {session.role === 'Dispatcher' && event && task.status === 'Open' && (
        <ReassignForm event={event} onDone={(unit) => onNotice(`${task.event?.number} · ${t('reassignedNow', unit)}`)} />
      )}
      {session.role === 'Dispatcher' && event && !event.closedAt && <CaseActions event={event} onDone={onNotice} />}
      {task.status === 'Open' && (mine
        ? <TaskForm task={task} fields={fields} onDone={() => onNotice(`${task.event?.number} · ${t('completed')}`)} />
        : <p className="muted">{t('claimFirst')}</p>)}
    </div>
  );
}
