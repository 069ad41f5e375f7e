import { useT } from '../../i18n/useT';
import { valueText, type DiffMarks } from './editorView';

const shownChanges = ['added', 'removed', 'changed', 'moved'] as const;

// Counts per kind of change and the list of differing nodes (with the fields that differ).
export default function DiffLegend({ diff }: { diff: DiffMarks }) {
  const t = useT();
  const count = (change: string) => diff.nodes.filter((n) => n.change === change).length;
  return (
    <div className="diff-legend" data-testid="diff-legend">
      {shownChanges.map((c) => (
        <span key={c} className={`legend-item legend-${c}`} data-change={c}><i />{t(`change.${c}`)} {count(c)}</span>
      ))}
      {diff.fields.length > 0 && <span className="muted small">{diff.fields.map((f) => `${f.field}: ${valueText(f.from)} → ${valueText(f.to)}`).join('; ')}</span>}
      {diff.nodes.length === 0 && diff.connections.length === 0 && <span className="muted">{t('noDifferences')}</span>}
      <ul className="diff-list" tabIndex={0} aria-label={t('diff')}>
        {diff.nodes.map((n) => (
          <li key={n.id} className={`legend-${n.change}`}>
            <b>{t.text(`change.${n.change}`)}</b> {n.title || n.id} <small className="muted">({n.id})</small>
            {n.fields.length > 0 && (
              <ul className="diff-fields">
                {n.fields.map((f) => (
                  <li key={f.field} data-field={f.field}><code>{f.field}</code> <del>{valueText(f.from)}</del> → <ins>{valueText(f.to)}</ins></li>
                ))}
              </ul>
            )}
          </li>
        ))}
        {diff.connections.map((c) => (
          <li key={`${c.change}:${c.from}:${c.outcome}->${c.to}`} className={`legend-${c.change}`} data-connection={`${c.from}:${c.outcome}->${c.to}`}>
            <b>{t.text(`change.${c.change}`)}{t('connectionWord')}</b> {c.from} —{c.outcome}→ {c.to}
          </li>
        ))}
      </ul>
    </div>
  );
}
