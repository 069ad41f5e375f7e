import type { JsonSchema } from '../api/types';
import DurationPicker from './DurationPicker';
import { amountKeys } from './duration';
import SchemaField from './SchemaField';
import type { Row } from './schema';

interface Props {
  schema: JsonSchema | null | undefined;
  value: Row;
  onChange: (value: Row) => void;
  readOnly: boolean;
  depth?: number;
  prefix?: string;
}

const isAmountKey = (key: string) => (amountKeys as readonly string[]).includes(key);

// A properties form generated from an activity type's JSON Schema: one field per property; a field emptied is
// removed from the object. An amount of time (a deadline's or a timer's workingHours / duration / fromCatalogue) is
// one duration picker in the place of the first of those keys.
export default function SchemaFields({ schema, value, onChange, readOnly, depth = 0, prefix = '' }: Props) {
  const required = new Set(schema?.required ?? []);
  const entries = Object.entries(schema?.properties ?? {});
  const amountProps = entries.filter(([key]) => isAmountKey(key));
  const picker = amountProps.length >= 2 ? amountProps[0]?.[0] : undefined;
  return entries.map(([key, prop]) => {
    if (picker && isAmountKey(key)) {
      return key === picker
        ? <DurationPicker key={key} prefix={prefix} value={value} catalogue={amountProps.some(([k]) => k === 'fromCatalogue')} onChange={onChange} readOnly={readOnly} />
        : null;
    }
    return (
      <SchemaField key={key} name={`${prefix}${key}`} schema={prop} value={value[key]} required={required.has(key)} readOnly={readOnly} depth={depth} parent={value}
        onChange={(v) => {
          const next = { ...value };
          if (v === undefined) delete next[key]; else next[key] = v;
          onChange(next);
        }} />
    );
  });
}
