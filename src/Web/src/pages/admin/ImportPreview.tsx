import type { ImportReport } from '../../api/adminTypes';
import { useT } from '../../i18n/useT';
import { groupProblems } from './adminModel';

// A dry run's (or a refused apply's) report: the verdict, the counts, and the problems by line and field.
export default function ImportPreview({ report }: { report: ImportReport }) {
  const t = useT();
  const lines = groupProblems(report.problems);
  return (
    <div className="import-preview" data-testid="import-preview" data-valid={report.valid}>
      {report.dryRun && (report.valid
        ? <div className="notice">{t('dryRunValid', report.rows)}</div>
        : <div className="error">{t('dryRunInvalid', report.problems.length)}</div>)}
      <p className="muted small">
        {t('rows')}: {report.rows}
        {report.counts && Object.entries(report.counts).map(([level, count]) => ` · ${t.term(level)} ${count}`).join('')}
        {report.users && report.users.length > 0 && ` · ${t('users')} ${report.users.length}`}
      </p>
      {lines.length > 0 && (
        <table className="grid-table compact problems-table">
          <thead><tr><th>{t('line')}</th><th>{t('field')}</th><th>{t('message')}</th></tr></thead>
          <tbody>
            {lines.flatMap(({ line, problems }) => problems.map((p, i) => (
              <tr key={`${line}-${i}`} data-line={line} data-field={p.field}>
                {i === 0 && <td rowSpan={problems.length}>{line}</td>}
                <td>{p.field || t('wholeRow')}</td>
                <td className="wrap">{p.message}</td>
              </tr>
            )))}
          </tbody>
        </table>
      )}
    </div>
  );
}
