import { useState } from 'react';
import { useT } from './i18n.jsx';

// A properties form generated from an activity type's JSON Schema: strings, numbers, booleans, enums, unit
// choices (oneOf objects), nested objects and string lists; anything else gets a small JSON box.

// "中文 English" titles: show the part in the user's language.
export function titleIn(title, lang) {
  if (!title) return '';
  const match = title.match(/^([^A-Za-z]*[^\sA-Za-z])\s+([A-Za-z].*)$/);
  if (!match) return title;
  return lang === 'en' ? match[2] : match[1];
}

function enumOf(schema) {
  if (Array.isArray(schema?.enum)) return { values: schema.enum, open: false };
  const option = schema?.anyOf?.find((a) => Array.isArray(a.enum));
  return option ? { values: option.enum, open: true } : null;
}

function isEmpty(value) {
  return value === undefined || value === null || value === '';
}

// Which oneOf option a value matches: the one whose required keys it has.
function optionIndex(options, value) {
  if (!value || typeof value !== 'object') return -1;
  return options.findIndex((o) => (o.required || Object.keys(o.properties || {})).every((k) => k in value));
}

function UnitChoice({ name, schema, value, onChange, readOnly }) {
  const t = useT();
  const options = schema.oneOf;
  const index = optionIndex(options, value);
  const pick = (i) => {
    if (i < 0) { onChange(undefined); return; }
    const option = options[i];
    const key = (option.required || Object.keys(option.properties || {}))[0];
    const prop = option.properties?.[key] || {};
    onChange({ [key]: prop.const ?? prop.enum?.[0] ?? '' });
  };
  const option = options[index];
  const key = option && (option.required || Object.keys(option.properties || {}))[0];
  const prop = option?.properties?.[key];
  return (
    <div className="unit-choice">
      <select name={`${name}.kind`} value={index} disabled={readOnly} onChange={(e) => pick(Number(e.target.value))}>
        <option value={-1}>—</option>
        {options.map((o, i) => <option key={i} value={i}>{titleIn(o.title, t.lang)}</option>)}
      </select>
      {prop && prop.const === undefined && (prop.enum ? (
        <select name={`${name}.${key}`} value={value[key] ?? ''} disabled={readOnly} onChange={(e) => onChange({ [key]: e.target.value })}>
          {prop.enum.map((v) => <option key={v} value={v}>{t.term(v)}</option>)}
        </select>
      ) : (
        <input name={`${name}.${key}`} value={value[key] ?? ''} readOnly={readOnly} placeholder={prop.pattern ? '140521GA' : ''}
          onChange={(e) => onChange({ [key]: e.target.value })} />
      ))}
    </div>
  );
}

function JsonBox({ name, value, onChange, readOnly }) {
  const t = useT();
  const [text, setText] = useState(value === undefined ? '' : JSON.stringify(value, null, 1));
  const [bad, setBad] = useState(false);
  const commit = () => {
    if (!text.trim()) { setBad(false); onChange(undefined); return; }
    try {
      onChange(JSON.parse(text));
      setBad(false);
    } catch {
      setBad(true);
    }
  };
  return (
    <>
      <textarea name={name} rows={Math.min(8, Math.max(2, text.split('\n').length))} value={text} readOnly={readOnly} spellCheck={false}
        onChange={(e) => setText(e.target.value)} onBlur={commit} />
      {bad && <span className="field-error">{t('invalidJson')}</span>}
    </>
  );
}

export function SchemaField({ name, schema, value, onChange, readOnly, required, depth = 0 }) {
  const t = useT();
  const label = (
    <span>{titleIn(schema.title, t.lang) || name} <small className="muted">{name}</small>{required && <em> *</em>}</span>
  );
  const choices = enumOf(schema);
  const set = (v) => onChange(isEmpty(v) ? undefined : v);

  if (schema.oneOf && schema.oneOf.every((o) => o.properties)) {
    return <div className="field">{label}<UnitChoice name={name} schema={schema} value={value} onChange={set} readOnly={readOnly} /></div>;
  }
  if (choices && !choices.open) {
    return (
      <label className="field">{label}
        <select name={name} value={value ?? ''} disabled={readOnly} onChange={(e) => set(e.target.value)}>
          <option value="">—</option>
          {choices.values.map((v) => <option key={String(v)} value={v}>{t.term(String(v))}</option>)}
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
        <input type="number" name={name} value={value ?? ''} readOnly={readOnly} min={schema.minimum} max={schema.maximum}
          step={schema.type === 'integer' ? 1 : 'any'} onChange={(e) => set(e.target.value === '' ? undefined : Number(e.target.value))} />
      </label>
    );
  }
  if (schema.type === 'string') {
    const listId = choices ? `choices-${name}` : undefined;
    return (
      <label className="field">{label}
        {schema.maxLength > 100 ? (
          <textarea name={name} rows={2} value={value ?? ''} readOnly={readOnly} maxLength={schema.maxLength} onChange={(e) => set(e.target.value)} />
        ) : (
          <input name={name} list={listId} value={value ?? ''} readOnly={readOnly} maxLength={schema.maxLength} onChange={(e) => set(e.target.value)} />
        )}
        {choices && <datalist id={listId}>{choices.values.map((v) => <option key={v} value={v}>{t.term(v)}</option>)}</datalist>}
      </label>
    );
  }
  if (schema.type === 'array' && schema.items?.type === 'string') {
    return (
      <label className="field">{label}
        <input name={name} value={(value || []).join(', ')} readOnly={readOnly} placeholder="a, b, c"
          onChange={(e) => set(e.target.value.split(/[,，]/).map((s) => s.trim()).filter(Boolean))} />
      </label>
    );
  }
  if (schema.type === 'object' && schema.properties && depth < 1) {
    return (
      <fieldset className="schema-group">
        <legend>{label}</legend>
        <SchemaFields schema={schema} value={value || {}} readOnly={readOnly} depth={depth + 1} prefix={`${name}.`}
          onChange={(v) => set(Object.keys(v).length ? v : undefined)} />
      </fieldset>
    );
  }
  return (
    <div className="field">{label}
      <JsonBox key={JSON.stringify(value)} name={name} value={value} onChange={set} readOnly={readOnly} />
    </div>
  );
}

export function SchemaFields({ schema, value, onChange, readOnly, depth = 0, prefix = '' }) {
  const required = new Set(schema?.required || []);
  return Object.entries(schema?.properties || {}).map(([key, prop]) => (
    <SchemaField key={key} name={`${prefix}${key}`} schema={prop} value={value?.[key]} required={required.has(key)} readOnly={readOnly} depth={depth}
      onChange={(v) => {
        const next = { ...(value || {}) };
        if (v === undefined) delete next[key]; else next[key] = v;
        onChange(next);
      }} />
  ));
}
