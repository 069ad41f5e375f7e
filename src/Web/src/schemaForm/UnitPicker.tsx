import { useQuery } from '@tanstack/react-query';
import { allOrgUnitsQuery } from '../api/queries';
import { useT } from '../i18n/useT';
import { unitGroups } from './unitOptions';

interface Props {
  name: string;
  label: string;
  value: string;
  onChange: (code: string) => void;
  readOnly: boolean;
}

// A fixed unit chosen by name from the organisation (areas by level, then departments) instead of a code typed by hand.
export default function UnitPicker({ name, label, value, onChange, readOnly }: Props) {
  const t = useT();
  const units = useQuery({ ...allOrgUnitsQuery(), staleTime: 10 * 60_000 }).data ?? [];
  const groups = unitGroups(units);
  // A grid (or a unit no longer there) the document names still shows as it is.
  const listed = groups.some((g) => g.units.some((u) => u.code === value));
  return (
    <select name={name} aria-label={label} value={value} disabled={readOnly} onChange={(e) => onChange(e.target.value)} data-unit-picker>
      <option value="">—</option>
      {value && !listed && <option value={value}>{units.find((u) => u.code === value)?.name ?? value} ({value})</option>}
      {groups.map((g) => (
        <optgroup key={g.group} label={g.group === 'Department' ? t('departments') : t.term(g.group)}>
          {g.units.map((u) => <option key={u.code} value={u.code}>{u.name} ({u.code})</option>)}
        </optgroup>
      ))}
    </select>
  );
}
