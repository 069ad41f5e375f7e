import type { VersionSummary } from '../../api/types';
import { useT } from '../../i18n/useT';
import DiffLegend from './DiffLegend';
import type { DiffMarks } from './editorView';
import { nextVersion, runningCases } from './publishPreview';

interface Props {
  versions: VersionSummary[];
  /** The version compared with, and what differs; null for a definition's first version. */
  base: number | null;
  diff: DiffMarks | null;
  changeNote: string;
  onConfirm: () => void;
  onCancel: () => void;
}

// Before publishing: what changes against the current version, and how many open cases stay on each older version.
export default function PublishPreview({ versions, base, diff, changeNote, onConfirm, onCancel }: Props) {
  const t = useT();
  const next = nextVersion(versions);
  const running = runningCases(versions);
  return (
    <div className="confirm-dialog publish-preview" role="dialog" aria-modal="true" aria-label={t('publishPreview', next)} data-testid="publish-preview">
      <h3>{t('publishPreview', next)}</h3>
      <p className="muted small">{t('changeNote')}：{changeNote}</p>
      {base !== null && diff ? (
        <>
          <p>{t('publishPreviewDiff', base, next)}</p>
          <DiffLegend diff={diff} />
        </>
      ) : <p>{t('publishPreviewFirst')}</p>}
      <h4>{t('runningCasesTitle')}</h4>
      {running.rows.length > 0 ? (
        <ul className="plain-list running-cases" data-testid="running-cases">
          {running.rows.map((r) => (
            <li key={r.version} data-version={r.version} data-running={r.running}>{t('runningOnVersion', r.version, r.running)}</li>
          ))}
        </ul>
      ) : <p className="muted" data-testid="running-cases">{t('noRunningCases')}</p>}
      <p className="muted small">{t('publishPreviewNewCases', next)}</p>
      <button type="button" className="primary" onClick={onConfirm}>{t('publishConfirm', next)}</button>
      <button type="button" onClick={onCancel}>{t('cancel')}</button>
    </div>
  );
}
