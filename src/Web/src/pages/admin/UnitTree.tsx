import { useT } from '../../i18n/useT';
import type { TreeRow } from './adminModel';

interface Props {
  rows: TreeRow[];
  selected: string | null;
  onToggle: (code: string) => void;
  onSelect: (code: string) => void;
}

// The tree as indented rows: a toggle for units with children, the unit's name and code, retired units struck through.
export default function UnitTree({ rows, selected, onToggle, onSelect }: Props) {
  const t = useT();
  return (
    <ul className="unit-tree" role="tree">
      {rows.map(({ unit, depth, expanded, loading }) => (
        <li key={unit.code} role="treeitem" aria-expanded={unit.childCount > 0 ? expanded : undefined} aria-selected={unit.code === selected}
          data-code={unit.code} style={{ paddingLeft: depth * 16 }} className={unit.retiredAt ? 'retired' : ''}>
          {unit.childCount > 0
            ? <button type="button" className="link toggle" aria-label={expanded ? t('collapse') : t('expand')} onClick={() => onToggle(unit.code)}>{expanded ? '▾' : '▸'}</button>
            : <span className="toggle" />}
          <button type="button" className={`link unit-name ${unit.code === selected ? 'current' : ''}`} onClick={() => onSelect(unit.code)}>
            {unit.name} <span className="muted small">{unit.code}</span>
          </button>
          {loading && <span className="muted small"> {t('loading')}</span>}
        </li>
      ))}
    </ul>
  );
}
