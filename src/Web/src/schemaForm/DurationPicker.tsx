import { useState } from 'react';
import { useT } from '../i18n/useT';
import { amountIn, timeUnits, withAmount, type Amount, type TimeUnit } from './duration';
import type { Row } from './schema';

interface Props {
  /** The field names' prefix (`deadline.` inside a deadline). */
  prefix: string;
  value: Row;
  /** Whether the amount may come from the catalogue (deadlines) besides working and calendar time. */
  catalogue: boolean;
  onChange: (value: Row) => void;
  readOnly: boolean;
}

// An amount of time as a number and a unit (working hours or days, calendar days, hours, minutes, seconds, or the
// catalogue's time limit) instead of workingHours / duration / fromCatalogue typed by hand.
export default function DurationPicker({ prefix, value, catalogue, onChange, readOnly }: Props) {
  const t = useT();
  // The unit last chosen: 16 working hours typed stay 16 working hours (not 2 working days) while the form is open.
  const [chosen, setChosen] = useState<TimeUnit | null>(null);
  const amount = amountIn(value, chosen);
  const units: Amount['unit'][] = catalogue ? [...timeUnits, 'fromCatalogue'] : [...timeUnits];
  const number = amount && amount.unit !== 'fromCatalogue' ? amount.amount : '';
  const setUnit = (unit: string) => {
    if (!unit) { onChange(withAmount(value, null)); return; }
    if (unit === 'fromCatalogue') { onChange(withAmount(value, { unit })); return; }
    const timeUnit = unit as TimeUnit;
    setChosen(timeUnit);
    onChange(withAmount(value, { unit: timeUnit, amount: typeof number === 'number' ? number : 1 }));
  };
  // What is being typed: an emptied or unfinished number stays on screen and changes nothing until it is a number above zero.
  const [typed, setTyped] = useState<string | null>(null);
  const setNumber = (text: string) => {
    setTyped(text);
    if (!amount || amount.unit === 'fromCatalogue' || !(Number(text) > 0)) return;
    onChange(withAmount(value, { unit: amount.unit, amount: Number(text) }));
  };
  return (
    <div className="field duration-picker" data-testid={`${prefix}duration-picker`}>
      <span>{t('durationLabel')}</span>
      <span className="duration-inputs">
        <input type="number" name={`${prefix}amount`} aria-label={t('durationAmount')} min={0} step="any" value={typed ?? number} readOnly={readOnly}
          disabled={!amount || amount.unit === 'fromCatalogue'} onChange={(e) => setNumber(e.target.value)} onBlur={() => setTyped(null)} />
        <select name={`${prefix}amountUnit`} aria-label={t('durationUnit')} value={amount?.unit ?? ''} disabled={readOnly} onChange={(e) => { setTyped(null); setUnit(e.target.value); }}>
          <option value="">—</option>
          {units.map((u) => <option key={u} value={u}>{t(`timeUnit.${u}`)}</option>)}
        </select>
      </span>
    </div>
  );
}
