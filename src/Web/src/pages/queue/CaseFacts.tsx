import { useQuery } from '@tanstack/react-query';
import { allOrgUnitsQuery, journalQuery } from '../../api/queries';
import type { CaseDetail, DefinitionNode } from '../../api/types';
import { useT } from '../../i18n/useT';
import { caseHistory, returnReasons, unitName } from './caseHistory';

// What the person needs to decide beyond the facts: the triage decision, the handler's resolution, return reasons
// and a short history of decisions, with unit names instead of codes.
export default function CaseFacts({ event, nodes }: { event: CaseDetail; nodes: readonly DefinitionNode[] }) {
  const t = useT();
  const journal = useQuery(journalQuery(event.id));
  const units = useQuery({ ...allOrgUnitsQuery(), staleTime: 10 * 60_000 }).data ?? [];
  const entries = journal.data ?? [];
  const history = caseHistory(entries);
  const reasons = returnReasons(entries);
  const titleOf = (nodeId: string | null) => (nodeId ? nodes.find((n) => n.id === nodeId)?.title || nodeId : '');

  return (
    <div className="case-facts">
      <dl className="detail">
        <dt>{t('address')}</dt><dd data-testid="case-address">{event.location?.address || '—'}</dd>
        <dt>{t('grid')}</dt><dd title={event.gridCode}>{unitName(units, event.gridCode)}</dd>
        <dt>{t('responsibleUnit')}</dt><dd title={event.responsibleUnit}>{unitName(units, event.responsibleUnit)}</dd>
        {(event.difficulty !== null || event.scope) && (
          <>
            <dt>{t('triageDecision')}</dt>
            <dd>{t.term('difficulty')} {event.difficulty ?? '—'} · {t.term('scope')} {event.scope ? t.term(event.scope) : '—'}</dd>
          </>
        )}
        <dt>{t.term('resolution')}</dt><dd data-testid="resolution-note">{event.resolutionNote || '—'}</dd>
        {reasons.length > 0 && (
          <>
            <dt>{t('returnReasons')}</dt>
            <dd data-testid="return-reasons">{reasons.map((reason, i) => <div key={i}>{reason}</div>)}</dd>
          </>
        )}
      </dl>
      {history.length > 0 && (
        <>
          <h4>{t('caseHistory')}</h4>
          <ol className="case-history" data-testid="case-history">
            {history.map((item) => (
              <li key={item.seq}>
                <span className="muted">{t.date(item.at)}</span>{' '}
                {item.kind === 'completed'
                  ? <>{titleOf(item.nodeId)} · {item.outcome ? t.term(item.outcome) : ''} · {unitName(units, item.unit)}</>
                  : <>{t('reassignedTo', unitName(units, item.unit))}</>}
                {item.note && <> — {item.note}</>}
              </li>
            ))}
          </ol>
        </>
      )}
    </div>
  );
}
