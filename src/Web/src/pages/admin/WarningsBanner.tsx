import { useQuery } from '@tanstack/react-query';
import { warningsQuery } from '../../api/admin';
import { useT } from '../../i18n/useT';

// What administrators must act on (e.g. next year's holiday schedule missing), above every section.
export default function WarningsBanner() {
  const t = useT();
  const warnings = useQuery(warningsQuery()).data ?? [];
  if (warnings.length === 0) return null;
  return (
    <div className="admin-warnings" role="alert" data-testid="admin-warnings">
      <b>{t('adminWarnings')}</b>
      <ul>{warnings.map((w) => <li key={w.message} data-code={w.code}>{w.message}</li>)}</ul>
    </div>
  );
}
