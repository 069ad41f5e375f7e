import type { JsonSchema } from '../api/types';
import { useT } from '../i18n/useT';
import TextCell from './TextCell';
import {
  cellOf, cellText, cellValue, columnsOf, inputValue, isRecord, listOf, listText, mapOf, mapText, moveRow, newRow, titleIn, withCell,
  type Column, type Row,
} from './schema';

interface Props {
  name: string;
  schema: JsonSchema;
  itemSchema: JsonSchema;
  value: unknown;
  onChange: (value: unknown) => void;
  readOnly: boolean;
  parent: unknown;
}

// A list of objects as an editable table: one column per item property, rows added, moved and deleted in place.
export default function ObjectTable({ name, schema, itemSchema, value, onChange, readOnly, parent }: Props) {
  const t = useT();
  const rows: Row[] = Array.isArray(value) ? value.filter(isRecord) : [];
  const required = new Set(itemSchema.required ?? []);
  const columns = columnsOf(itemSchema, parent, t.lang);
  const setRows = (next: Row[]) => onChange(next.length ? next : undefined);

  const cell = (row: Row, i: number, column: Column) => {
    const cellName = `${name}[${i}].${column.key}`;
    const current = cellValue(row, column);
    const set = (v: unknown) => setRows(withCell(rows, i, column, v));
    const label = `${column.title} ${i + 1}`;
    switch (column.kind) {
      case 'enum':
        return (
          <select name={cellName} aria-label={label} value={inputValue(current)} disabled={readOnly} onChange={(e) => set(e.target.value || undefined)}>
            <option value="">—</option>
            {column.values.map((v) => <option key={String(v)} value={String(v)}>{String(v)}</option>)}
          </select>
        );
      case 'number':
        return <input type="number" name={cellName} aria-label={label} value={inputValue(current)} readOnly={readOnly} step="any"
          onChange={(e) => set(e.target.value === '' ? undefined : Number(e.target.value))} />;
      case 'bool':
        return <input type="checkbox" name={cellName} aria-label={label} checked={current === true} disabled={readOnly} onChange={(e) => set(e.target.checked || undefined)} />;
      case 'cell':
        return <TextCell key={JSON.stringify(current ?? null)} name={cellName} label={label} value={current} format={cellText} parse={cellOf} onChange={set} readOnly={readOnly} placeholder={t('cellHint')} />;
      case 'list':
        return <TextCell key={JSON.stringify(current ?? null)} name={cellName} label={label} value={current} format={listText} parse={listOf} onChange={set} readOnly={readOnly} placeholder="a, b" />;
      case 'map':
        return <TextCell key={JSON.stringify(current ?? null)} name={cellName} label={label} value={current} format={mapText} parse={mapOf} onChange={set} readOnly={readOnly} placeholder="name=value" />;
      case 'text':
        return <input name={cellName} aria-label={label} className={column.wide ? 'wide' : ''} value={inputValue(current)} readOnly={readOnly} onChange={(e) => set(e.target.value)} />;
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
                    <button type="button" className="icon" title={t('moveUp')} aria-label={t('moveUp')} disabled={i === 0} onClick={() => setRows(moveRow(rows, i, -1))}>↑</button>
                    <button type="button" className="icon" title={t('moveDown')} aria-label={t('moveDown')} disabled={i === rows.length - 1} onClick={() => setRows(moveRow(rows, i, 1))}>↓</button>
                    <button type="button" className="icon" title={t('deleteRow')} aria-label={t('deleteRow')} onClick={() => setRows(rows.filter((_, k) => k !== i))}>✕</button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {!readOnly && <button type="button" className="link" name={`${name}.add`} onClick={() => setRows([...rows, newRow(rows, itemSchema)])}>＋ {t('addRow')}</button>}
    </div>
  );
}
