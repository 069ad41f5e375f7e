import type { ReactNode } from 'react';
import type { OrgUnit } from '../../api/types';
import { useT } from '../../i18n/useT';
import { canCheckMore, toggleUnit } from './formFields';

interface Props {
  name: string;
  legend: ReactNode;
  units: OrgUnit[];
  value: string[];
  maxItems?: number;
  onChange: (codes: string[]) => void;
  children?: ReactNode;
}

// A `units` field: a checkbox per unit; once `maxItems` are checked the others wait until one is unchecked.
export default function UnitCheckboxes({ name, legend, units, value, maxItems, onChange, children }: Props) {
  const t = useT();
  const more = canCheckMore(value, maxItems);
  return (
    <fieldset className="unit-checkboxes" data-field-type="units" data-field={name}>
      <legend>{legend}{maxItems !== undefined && <small className="muted"> {t('maxItems', value.length, maxItems)}</small>}</legend>
      {units.length === 0 && <p className="muted small">{t('noUnits')}</p>}
      {units.map((u) => {
        const checked = value.includes(u.code);
        return (
          <label key={u.code} className="inline">
            <input type="checkbox" name={name} value={u.code} checked={checked} disabled={!checked && !more}
              onChange={(e) => onChange(toggleUnit(value, u.code, e.target.checked, maxItems))} />
            {u.name}
          </label>
        );
      })}
      {children}
    </fieldset>
  );
}
