import { useState } from 'react';
import type { VersionSummary } from '../../api/types';
import { useT } from '../../i18n/useT';

interface Props {
  versions: VersionSummary[];
  onView: (version: number) => void;
  onRollback: (version: number) => void;
  onRetire: (version: number) => void;
}

// Published versions, newest first: view one, start a draft from it, or retire it (asked once more in place).
export default function VersionList({ versions, onView, onRollback, onRetire }: Props) {
  const t = useT();
  const [retiring, setRetiring] = useState<number | null>(null);
  return (
    <ul className="plain-list versions" data-testid="versions">
      {[...versions].reverse().map((v) => (
        <li key={v.version} data-version={v.version}>
          <b>v{v.version}</b> <small className={`version-status ${v.status.toLowerCase()}`} data-status={v.status}>{t(`versionStatus.${v.status}`)}</small><br />
          <small>{v.publishedBy} · {t.date(v.publishedAt)}</small><br />
          <small className="note">{v.changeNote}</small><br />
          <button type="button" className="link" onClick={() => onView(v.version)}>{t('view')}</button>
          <button type="button" className="link" onClick={() => onRollback(v.version)}>{t('rollback')}</button>
          {v.status === 'Published' && (retiring === v.version ? (
            <span className="retire-confirm">
              <button type="button" className="link danger" onClick={() => { setRetiring(null); onRetire(v.version); }}>{t('retireConfirm', v.version)}</button>
              <button type="button" className="link" onClick={() => setRetiring(null)}>{t('cancel')}</button>
            </span>
          ) : <button type="button" className="link" onClick={() => setRetiring(v.version)}>{t('retire')}</button>)}
        </li>
      ))}
    </ul>
  );
}
