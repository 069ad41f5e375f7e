import type { JsonSchema } from '../api/types';
import { useT } from '../i18n/useT';
import { inputValue, isRecord, optionIndex, optionKey, startValueOf, titleIn } from './schema';
import { isUnitProperty } from './unitOptions';
import UnitPicker from './UnitPicker';

interface Props {
  name: string;
  /** The accessible name (the field's title). */
  label: string;
  options: JsonSchema[];
  value: unknown;
  onChange: (value: unknown) => void;
  readOnly: boolean;
}

// A unit ({"level":…}, {"unit":…}, {"responsible":true}, …): which kind, then its value when it has one.
export default function UnitChoice({ name, label, options, value, onChange, readOnly }: Props) {
  const t = useT();
  const index = optionIndex(options, value);
  const pick = (i: number) => {
    const option = options[i];
    onChange(option ? startValueOf(option) : undefined);
  };
  const option = options[index];
  const key = option && optionKey(option);
  const prop = key !== undefined ? option?.properties?.[key] : undefined;
  const current = isRecord(value) && key !== undefined ? value[key] : undefined;
  return (
    <div className="unit-choice">
      <select name={`${name}.kind`} aria-label={label} value={index} disabled={readOnly} onChange={(e) => pick(Number(e.target.value))}>
        <option value={-1}>—</option>
        {options.map((o, i) => <option key={i} value={i}>{titleIn(o.title, t.lang)}</option>)}
      </select>
      {key !== undefined && prop && prop.const === undefined && (prop.enum ? (
        <select name={`${name}.${key}`} aria-label={`${label} ${t.term(key)}`} value={inputValue(current)} disabled={readOnly} onChange={(e) => onChange({ [key]: e.target.value })}>
          {prop.enum.map((v) => <option key={String(v)} value={String(v)}>{t.term(String(v))}</option>)}
        </select>
      ) : isUnitProperty(key, prop) ? (
        <UnitPicker name={`${name}.${key}`} label={`${label} ${t.term(key)}`} value={String(inputValue(current))} readOnly={readOnly} onChange={(code) => onChange({ [key]: code })} />
      ) : (
        <input name={`${name}.${key}`} aria-label={`${label} ${t.term(key)}`} value={inputValue(current)} readOnly={readOnly} placeholder={prop.pattern ? '140521GA' : ''}
          onChange={(e) => onChange({ [key]: e.target.value })} />
      ))}
    </div>
  );
}
