import { useState, type FormEvent } from 'react';
import { ApiError } from '../../api/client';
import { newIdempotencyKey } from '../../api/idempotency';
import { useCompleteTask } from '../../api/mutations';
import type { QueueTask } from '../../api/types';
import { useT } from '../../i18n/useT';
import { formData, isNumeric, unitChoices, type FieldValue, type FormField } from './formFields';
import UnitCheckboxes from './UnitCheckboxes';
import UnitSelect from './UnitSelect';
import { isSubmitChord } from './queueSearch';
import { useAreaUnits } from './useAreaUnits';

// Complete a claimed task: an outcome and the fields it needs; the API's field errors show under the fields.
export default function TaskForm({ task, fields, onDone }: { task: QueueTask; fields: FormField[]; onDone: () => void }) {
  const t = useT();
  const complete = useCompleteTask();
  const [outcome, setOutcome] = useState('');
  const [values, setValues] = useState<Record<string, FieldValue>>({});
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const visible = fields.filter((f) => !outcome || !f.requiredFor || f.requiredFor.includes(outcome));
  const setValue = (name: string, value: FieldValue) => setValues({ ...values, [name]: value });
  const text = (name: string) => { const value = values[name]; return typeof value === 'string' ? value : ''; };
  const codes = (name: string) => { const value = values[name]; return Array.isArray(value) ? value : []; };
  const area = useAreaUnits(fields.some((f) => f.type === 'unit' || f.type === 'units'));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const data = formData(visible, values);
    setErrors({});
    setFormError(null);
    try {
      await complete.mutateAsync({ taskId: task.id, eventId: task.eventId, body: { outcome, data }, idempotencyKey: newIdempotencyKey(task.id) });
      onDone();
    } catch (err) {
      if (err instanceof ApiError) {
        setErrors(err.fieldErrors);
        setFormError(Object.keys(err.fieldErrors).length ? null : err.problem.detail || err.message);
      }
    }
  };

  return (
    <form className="task-form" onSubmit={(e) => void submit(e)}
      onKeyDown={(e) => { if (isSubmitChord(e)) { e.preventDefault(); e.currentTarget.requestSubmit(); } }}>
      <fieldset>
        <legend>{t('outcome')}</legend>
        {task.outcomes.map((o) => (
          <label key={o} className="inline">
            <input type="radio" name="outcome" value={o} checked={outcome === o} onChange={() => setOutcome(o)} />{t.term(o)}
          </label>
        ))}
        {errors.outcome && <div className="field-error">{errors.outcome.join(' ')}</div>}
      </fieldset>
      {area.error && <div className="error">{area.error.message}</div>}
      {visible.map((field) => {
        const label = <>{t.term(field.name)}{field.requiredFor?.includes(outcome) && <em> *</em>}</>;
        const error = errors[field.name] && <span className="field-error" data-field-error={field.name}>{errors[field.name]?.join(' ')}</span>;
        if (field.type === 'units') {
          return (
            <UnitCheckboxes key={field.name} name={field.name} legend={label} units={unitChoices(area.units, field, area.userUnit)}
              value={codes(field.name)} maxItems={field.maxItems} onChange={(value) => setValue(field.name, value)}>
              {error}
            </UnitCheckboxes>
          );
        }
        return (
          <label key={field.name} className="field">
            <span>{label}</span>
            {field.type === 'unit' ? (
              <UnitSelect name={field.name} units={unitChoices(area.units, field, area.userUnit)} value={text(field.name)} onChange={(value) => setValue(field.name, value)} />
            ) : field.enum ? (
              <select name={field.name} value={text(field.name)} onChange={(e) => setValue(field.name, e.target.value)}>
                <option value="">—</option>
                {field.enum.map((v) => <option key={v} value={v}>{t.term(v)}</option>)}
              </select>
            ) : isNumeric(field) ? (
              <input name={field.name} type="number" min={field.min} max={field.max} value={text(field.name)}
                onChange={(e) => setValue(field.name, e.target.value)} />
            ) : (
              <textarea name={field.name} maxLength={field.maxLength} rows={2} value={text(field.name)}
                onChange={(e) => setValue(field.name, e.target.value)} />
            )}
            {error}
          </label>
        );
      })}
      {formError && <div className="error" role="alert">{formError}</div>}
      <button type="submit" className="primary" aria-keyshortcuts="Control+Enter" disabled={complete.isPending || !outcome}>{t('complete')}</button>
      <kbd className="key-hint">Ctrl+Enter</kbd>
    </form>
  );
}
