import { useState } from 'react';
import { useT } from './i18n.jsx';

// A properties form generated from an activity type's JSON Schema: strings, numbers, booleans, enums, unit
// choices (oneOf objects), nested objects, string lists and editable tables for lists of objects; anything else
// gets a small JSON box.

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

export function SchemaField({ name, schema, value, onChange, readOnly, required, depth = 0, parent }) {
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
  if (schema.type === 'array' && schema.items?.type === 'object' && schema.items.properties) {
    return <ObjectTable name={name} schema={schema} value={value} onChange={set} readOnly={readOnly} parent={parent} />;
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
    <SchemaField key={key} name={`${prefix}${key}`} schema={prop} value={value?.[key]} required={required.has(key)} readOnly={readOnly} depth={depth} parent={value}
      onChange={(v) => {
        const next = { ...(value || {}) };
        if (v === undefined) delete next[key]; else next[key] = v;
        onChange(next);
      }} />
  ));
}

// ── Editable tables for arrays of objects (decision conditions, decision-table rows, form fields) ──

// A plain cell value from text: numbers and true/false are typed, anything else stays text.
function plainOf(text) {
  const s = text.trim();
  if (/^-?\d+(\.\d+)?$/.test(s)) return Number(s);
  if (s === 'true') return true;
  if (s === 'false') return false;
  if (s === 'null') return null;
  return s;
}

// Decision-table cell: "" = no cell (any), "a, b" = any of, otherwise one plain value ("*", "1..2", ">=3", "Grid", 4).
const cellText = (v) => (v === undefined ? '' : Array.isArray(v) ? v.join(', ') : String(v));
function cellOf(text) {
  if (!text.trim()) return undefined;
  const parts = text.split(/[,，]/).map((s) => s.trim()).filter(Boolean);
  return parts.length > 1 ? parts.map(plainOf) : plainOf(parts[0] ?? '');
}
const listText = (v) => (Array.isArray(v) ? v.join(', ') : '');
function listOf(text) {
  const parts = text.split(/[,，]/).map((s) => s.trim()).filter(Boolean);
  return parts.length ? parts : undefined;
}
const mapText = (v) => (v && typeof v === 'object' ? Object.entries(v).map(([k, x]) => `${k}=${x === null ? 'null' : x}`).join(', ') : '');
function mapOf(text) {
  const entries = text.split(/[,，]/).map((s) => s.trim()).filter(Boolean).map((pair) => {
    const at = pair.indexOf('=');
    return at < 0 ? [pair, null] : [pair.slice(0, at).trim(), plainOf(pair.slice(at + 1))];
  }).filter(([k]) => k);
  return entries.length ? Object.fromEntries(entries) : undefined;
}

// Text that is parsed when the cell loses focus (lists and maps would lose their separators while typing).
function TextCell({ name, value, format, parse, onChange, readOnly, placeholder }) {
  const [text, setText] = useState(format(value));
  return (
    <input name={name} value={text} readOnly={readOnly} placeholder={placeholder} title={placeholder}
      onChange={(e) => setText(e.target.value)} onBlur={() => { if (text !== format(value)) onChange(parse(text)); }}
      onKeyDown={(e) => { if (e.key === 'Enter') e.currentTarget.blur(); }} />
  );
}

// Columns of a table from the item schema; a decision table's cells get one column per input.
function columnsOf(itemSchema, parent, lang) {
  const columns = [];
  Object.entries(itemSchema.properties || {}).forEach(([key, prop]) => {
    const title = titleIn(prop.title, lang) || key;
    if (prop.type === 'object' && prop.additionalProperties) {
      if (key === 'when' && Array.isArray(parent?.inputs) && parent.inputs.length) {
        parent.inputs.forEach((input) => columns.push({ key: `${key}.${input}`, title: input, kind: 'cell', map: key, entry: input }));
      } else {
        columns.push({ key, title, kind: 'map' });
      }
    } else if (Array.isArray(prop.enum)) {
      columns.push({ key, title, kind: 'enum', values: prop.enum });
    } else if (prop.type === 'array') {
      columns.push({ key, title, kind: 'list' });
    } else if (prop.type === 'number' || prop.type === 'integer') {
      columns.push({ key, title, kind: 'number' });
    } else if (prop.type === 'boolean') {
      columns.push({ key, title, kind: 'bool' });
    } else {
      columns.push({ key, title, kind: 'text', wide: prop.maxLength > 100 });
    }
  });
  return columns;
}

function ObjectTable({ name, schema, value, onChange, readOnly, parent }) {
  const t = useT();
  const rows = Array.isArray(value) ? value : [];
  const required = new Set(schema.items.required || []);
  const columns = columnsOf(schema.items, parent, t.lang);
  const setRows = (next) => onChange(next.length ? next : undefined);
  const setCell = (i, column, v) => {
    const row = { ...rows[i] };
    if (column.map) {
      const map = { ...(row[column.map] || {}) };
      if (v === undefined) delete map[column.entry]; else map[column.entry] = v;
      if (Object.keys(map).length) row[column.map] = map; else delete row[column.map];
    } else if (v === undefined || v === '') {
      delete row[column.key];
    } else {
      row[column.key] = v;
    }
    setRows(rows.map((r, k) => (k === i ? row : r)));
  };
  const move = (i, by) => {
    const next = [...rows];
    [next[i], next[i + by]] = [next[i + by], next[i]];
    setRows(next);
  };
  const addRow = () => {
    const row = {};
    if (schema.items.properties?.id) {
      const ids = new Set(rows.map((r) => r.id));
      let k = rows.length + 1;
      while (ids.has(`row-${k}`)) k += 1;
      row.id = `row-${k}`;
    }
    setRows([...rows, row]);
  };
  const cell = (row, i, column) => {
    const cellName = `${name}[${i}].${column.key}`;
    const current = column.map ? row[column.map]?.[column.entry] : row[column.key];
    const set = (v) => setCell(i, column, v);
    switch (column.kind) {
      case 'enum':
        return (
          <select name={cellName} value={current ?? ''} disabled={readOnly} onChange={(e) => set(e.target.value || undefined)}>
            <option value="">—</option>
            {column.values.map((v) => <option key={v} value={v}>{v}</option>)}
          </select>
        );
      case 'number':
        return <input type="number" name={cellName} value={current ?? ''} readOnly={readOnly} step="any"
          onChange={(e) => set(e.target.value === '' ? undefined : Number(e.target.value))} />;
      case 'bool':
        return <input type="checkbox" name={cellName} checked={current === true} disabled={readOnly} onChange={(e) => set(e.target.checked || undefined)} />;
      case 'cell':
        return <TextCell key={JSON.stringify(current ?? null)} name={cellName} value={current} format={cellText} parse={cellOf} onChange={set} readOnly={readOnly} placeholder={t('cellHint')} />;
      case 'list':
        return <TextCell key={JSON.stringify(current ?? null)} name={cellName} value={current} format={listText} parse={listOf} onChange={set} readOnly={readOnly} placeholder="a, b" />;
      case 'map':
        return <TextCell key={JSON.stringify(current ?? null)} name={cellName} value={current} format={mapText} parse={mapOf} onChange={set} readOnly={readOnly} placeholder="name=value" />;
      default:
        return <input name={cellName} className={column.wide ? 'wide' : ''} value={current ?? ''} readOnly={readOnly} onChange={(e) => set(e.target.value)} />;
    }
  };
  return (
    <div className="field object-table" data-testid={`table-${name}`}>
      <span>{titleIn(schema.title, t.lang) || name} <small className="muted">{name}</small></span>
      <div className="table-scroll">
        <table className="grid-table compact edit-table">
          <thead>
            <tr>
              <th>#</th>
              {columns.map((c) => <th key={c.key} title={c.key}>{c.title}{required.has(c.key) && <em> *</em>}</th>)}
              {!readOnly && <th />}
            </tr>
          </thead>
          <tbody>
            {rows.map((row, i) => (
              <tr key={i} data-row={i}>
                <td className="muted">{i + 1}</td>
                {columns.map((c) => <td key={c.key}>{cell(row, i, c)}</td>)}
                {!readOnly && (
                  <td className="row-actions">
                    <button type="button" className="icon" title={t('moveUp')} aria-label={t('moveUp')} disabled={i === 0} onClick={() => move(i, -1)}>↑</button>
                    <button type="button" className="icon" title={t('moveDown')} aria-label={t('moveDown')} disabled={i === rows.length - 1} onClick={() => move(i, 1)}>↓</button>
                    <button type="button" className="icon" title={t('deleteRow')} aria-label={t('deleteRow')} onClick={() => setRows(rows.filter((_, k) => k !== i))}>✕</button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {!readOnly && <button type="button" className="link" name={`${name}.add`} onClick={addRow}>＋ {t('addRow')}</button>}
    </div>
  );
}
