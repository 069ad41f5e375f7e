import type { JsonSchema } from '../api/types';
import { useT } from '../i18n/useT';
import JsonBox from './JsonBox';
import ObjectTable from './ObjectTable';
import SchemaFields from './SchemaFields';
import UnitChoice from './UnitChoice';
import { isUnitProperty } from './unitOptions';
import UnitPicker from './UnitPicker';
import { enumOf, inputValue, isEmpty, isRecord, titleIn } from './schema';

interface Props {
  name: string;
  schema: JsonSchema;
  value: unknown;
  onChange: (value: unknown) => void;
  readOnly: boolean;
  required?: boolean;
  depth?: number;
  /** The object this field belongs to (a decision table's rows read its inputs). */
  parent?: unknown;
}

// One property from its schema: strings, numbers, booleans, enums, unit choices (oneOf objects), nested objects,
// string lists and editable tables for lists of objects; anything else gets a small JSON box.
export default function SchemaField({ name, schema, value, onChange, readOnly, required = false, depth = 0, parent }: Props) {
  const t = useT();
  const title = titleIn(schema.title, t.lang) || name;
  const label = (
    <span>{title} <small className="muted">{name}</small>{required && <em> *</em>}</span>
  );
  const choices = enumOf(schema);
  const set = (v: unknown) => onChange(isEmpty(v) ? undefined : v);

  if (schema.oneOf?.every((o) => o.properties)) {
    return <div className="field">{label}<UnitChoice name={name} label={title} options={schema.oneOf} value={value} onChange={set} readOnly={readOnly} /></div>;
  }
  if (choices && !choices.open) {
    return (
      <label className="field">{label}
        <select name={name} value={inputValue(value)} disabled={readOnly} onChange={(e) => set(e.target.value)}>
          <option value="">—</option>
          {choices.values.map((v) => <option key={String(v)} value={String(v)}>{t.term(String(v))}</option>)}
        </select>
      </label>
    );
  }
  if (schema.type === 'boolean') {
    return (
      <label className="inline field-check">
        <input type="checkbox" name={name} checked={value === true} disabled={readOnly} onChange={(e) => set(e.target.checked || undefined)} />
        {label}
      </label>
    );
  }
  if (schema.type === 'number' || schema.type === 'integer') {
    return (
      <label className="field">{label}
        <input type="number" name={name} value={inputValue(value)} readOnly={readOnly} min={schema.minimum} max={schema.maximum}
          step={schema.type === 'integer' ? 1 : 'any'} onChange={(e) => set(e.target.value === '' ? undefined : Number(e.target.value))} />
      </label>
    );
  }
  if (isUnitProperty(name, schema)) {
    return (
      <label className="field">{label}
        <UnitPicker name={name} label={title} value={String(inputValue(value))} readOnly={readOnly} onChange={set} />
      </label>
    );
  }
  if (schema.type === 'string') {
    const listId = choices ? `choices-${name}` : undefined;
    return (
      <label className="field">{label}
        {(schema.maxLength ?? 0) > 100 ? (
          <textarea name={name} rows={2} value={inputValue(value)} readOnly={readOnly} maxLength={schema.maxLength} onChange={(e) => set(e.target.value)} />
        ) : (
          <input name={name} list={listId} value={inputValue(value)} readOnly={readOnly} maxLength={schema.maxLength} onChange={(e) => set(e.target.value)} />
        )}
        {choices && <datalist id={listId}>{choices.values.map((v) => <option key={String(v)} value={String(v)}>{t.term(String(v))}</option>)}</datalist>}
      </label>
    );
  }
  if (schema.type === 'array' && schema.items?.type === 'string') {
    return (
      <label className="field">{label}
        <input name={name} value={Array.isArray(value) ? value.join(', ') : ''} readOnly={readOnly} placeholder="a, b, c"
          onChange={(e) => set(e.target.value.split(/[,，]/).map((s) => s.trim()).filter(Boolean))} />
      </label>
    );
  }
  if (schema.type === 'array' && schema.items?.type === 'object' && schema.items.properties) {
    return <ObjectTable name={name} schema={schema} itemSchema={schema.items} value={value} onChange={set} readOnly={readOnly} parent={parent} />;
  }
  if (schema.type === 'object' && schema.properties && depth < 1) {
    return (
      <fieldset className="schema-group">
        <legend>{label}</legend>
        <SchemaFields schema={schema} value={isRecord(value) ? value : {}} readOnly={readOnly} depth={depth + 1} prefix={`${name}.`}
          onChange={(v) => set(Object.keys(v).length ? v : undefined)} />
      </fieldset>
    );
  }
  return (
    <div className="field">{label}
      <JsonBox key={JSON.stringify(value)} name={name} label={title} value={value} onChange={set} readOnly={readOnly} />
    </div>
  );
}
