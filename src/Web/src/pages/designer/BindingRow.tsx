import type { DefinitionSummary, OrgUnit, WorkflowBinding } from '../../api/types';
import { useT } from '../../i18n/useT';
import { titleIn } from '../../schemaForm/schema';
import { effectiveBinding } from './bindingsModel';

interface Props {
  unit: OrgUnit;
  /** The county a township belongs to; null for a county. */
  county: OrgUnit | null;
  bindings: WorkflowBinding[];
  definitions: DefinitionSummary[];
  depth: number;
  expanded?: boolean;
  onToggle?: () => void;
  onBind: (unit: OrgUnit, definitionId: string | null) => void;
}

// One unit of the bindings tree: the workflow it runs (its own, its county's or the default), switch or unbind.
export default function BindingRow({ unit, county, bindings, definitions, depth, expanded, onToggle, onBind }: Props) {
  const t = useT();
  const effective = effectiveBinding(unit.code, county?.code ?? null, bindings);
  const nameOf = (id: string) => titleIn(definitions.find((d) => d.id === id)?.name, t.lang) || id;
  const source = effective.source === 'own' ? t('bindingOwn')
    : effective.source === 'county' ? t('bindingInherited', county?.name ?? '') : t('bindingDefault');
  return (
    <tr data-unit={unit.code} data-runs={effective.definitionId} data-source={effective.source}>
      <td style={{ paddingLeft: `${0.5 + depth * 1.5}rem` }}>
        {onToggle ? (
          <button type="button" className="link tree-toggle" aria-expanded={expanded} onClick={onToggle}>{expanded ? '▾' : '▸'} {unit.name}</button>
        ) : unit.name}
        {' '}<small className="muted">{unit.code}</small>
      </td>
      <td><b>{nameOf(effective.definitionId)}</b> <small className={`tag binding-${effective.source}`}>{source}</small></td>
      <td>
        <select name={`bind-${unit.code}`} aria-label={`${unit.name} ${t('changeBinding')}`} value={effective.source === 'own' ? effective.definitionId : ''}
          onChange={(e) => { if (e.target.value) onBind(unit, e.target.value); }}>
          <option value="">{t('changeBinding')}…</option>
          {definitions.map((d) => <option key={d.id} value={d.id}>{titleIn(d.name, t.lang)} ({d.id})</option>)}
        </select>
        {effective.source === 'own' && <button type="button" className="link" onClick={() => onBind(unit, null)}>{t('unbind')}</button>}
      </td>
    </tr>
  );
}
