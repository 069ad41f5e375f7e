import type { OrgUnit } from '../../api/types';
import { useT } from '../../i18n/useT';

// A `unit` field: one unit, by name; the value sent is its code.
export default function UnitSelect({ name, units, value, onChange }: { name: string; units: OrgUnit[]; value: string; onChange: (code: string) => void }) {
  const t = useT();
  return (
    <select name={name} value={value} data-field-type="unit" onChange={(e) => onChange(e.target.value)}>
      <option value="">{t('chooseUnit')}</option>
      {units.map((u) => <option key={u.code} value={u.code}>{u.name}（{u.code}）</option>)}
    </select>
  );
}
