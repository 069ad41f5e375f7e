import type { MigrationResult } from '../../api/types';
import { useT } from '../../i18n/useT';

interface Props {
  result: MigrationResult;
  dryRun: boolean;
  busy: boolean;
  onMore: () => void;
}

// What a migration moved (or would move) and what it could not, with the reason; more pages on request.
export default function MigrationResultView({ result, dryRun, busy, onMore }: Props) {
  const t = useT();
  return (
    <div className="migration-result" data-testid="migration-result" data-dry-run={dryRun}>
      <h4>{dryRun ? t('dryRunResult') : t('migrationResult')}</h4>
      <p data-testid="moved-count"><b>{t(dryRun ? 'movedCount' : 'migratedCount', result.moved.length)}</b></p>
      {result.moved.length > 0 && (
        <table className="grid-table" data-testid="moved">
          <thead><tr><th>{t('caseNumber')}</th><th>{t('activeNodes')}</th></tr></thead>
          <tbody>
            {result.moved.map((c) => <tr key={c.caseId} data-case-id={c.caseId}><td>{c.number}</td><td>{c.activeNodes.join('、')}</td></tr>)}
          </tbody>
        </table>
      )}
      <p data-testid="blocked-count"><b>{t('blockedCount', result.blocked.length)}</b></p>
      {result.blocked.length > 0 && (
        <table className="grid-table" data-testid="blocked">
          <thead><tr><th>{t('caseNumber')}</th><th>{t('activeNodes')}</th><th>{t('blockReason')}</th></tr></thead>
          <tbody>
            {result.blocked.map((c) => (
              <tr key={c.caseId} data-case-id={c.caseId} data-code={c.code}><td>{c.number}</td><td>{c.activeNodes.join('、')}</td><td>{c.reason}</td></tr>
            ))}
          </tbody>
        </table>
      )}
      {result.next && <button type="button" disabled={busy} onClick={onMore}>{t('moreResults')}</button>}
    </div>
  );
}
