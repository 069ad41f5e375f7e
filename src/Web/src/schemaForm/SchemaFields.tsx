import type { JsonSchema } from '../api/types';
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

// A properties form generated from an activity type's JSON Schema: one field per property; a field emptied is
// removed from the object.
export default function SchemaFields({ schema, value, onChange, readOnly, depth = 0, prefix = '' }: Props) {
  const required = new Set(schema?.required ?? []);
  return Object.entries(schema?.properties ?? {}).map(([key, prop]) => (
    <SchemaField key={key} name={`${prefix}${key}`} schema={prop} value={value[key]} required={required.has(key)} readOnly={readOnly} depth={depth} parent={value}
      onChange={(v) => {
        const next = { ...value };
        if (v === undefined) delete next[key]; else next[key] = v;
        onChange(next);
      }} />
  ));
}
