import { useState, type FormEvent } from 'react';
import { ApiError } from '../../api/client';
import { useCompleteTask } from '../../api/mutations';
import type { QueueTask } from '../../api/types';
import { useT } from '../../i18n/useT';

/** A field of a HumanTask's form (its `fields` prop). */
export interface FormField {
  name: string;
  type?: string;
  enum?: string[];
  min?: number;
  max?: number;
  maxLength?: number;
  requiredFor?: string[];
}

function idempotencyKey(taskId: string): string {
  // randomUUID exists only in secure contexts (https, localhost).
  return typeof crypto.randomUUID === 'function' ? crypto.randomUUID() : `${taskId}-${Date.now()}`;
}

const isNumeric = (field: FormField) => field.type === 'int' || field.type === 'number';

// Complete a claimed task: an outcome and the fields it needs; the API's field errors show under the fields.
export default function TaskForm({ task, fields, onDone }: { task: QueueTask; fields: FormField[]; onDone: () => void }) {
  const t = useT();
  const complete = useCompleteTask();
  const [outcome, setOutcome] = useState('');
  const [values, setValues] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const visible = fields.filter((f) => !outcome || !f.requiredFor || f.requiredFor.includes(outcome));
  const setValue = (name: string, value: string) => setValues({ ...values, [name]: value });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const data: Record<string, string | number> = {};
    for (const field of visible) {
      const raw = values[field.name];
      if (raw === undefined || raw === '') continue;
      data[field.name] = isNumeric(field) ? Number(raw) : raw;
    }
    setErrors({});
    setFormError(null);
    try {
      await complete.mutateAsync({ taskId: task.id, eventId: task.eventId, body: { outcome, data }, idempotencyKey: idempotencyKey(task.id) });
      onDone();
    } catch (err) {
      if (err instanceof ApiError) {
        setErrors(err.fieldErrors);
        setFormError(Object.keys(err.fieldErrors).length ? null : err.problem.detail || err.message);
      }
    }
  };

  return (
    <form className="task-form" onSubmit={(e) => void submit(e)}>
      <fieldset>
        <legend>{t('outcome')}</legend>
        {task.outcomes.map((o) => (
          <label key={o} className="inline">
            <input type="radio" name="outcome" value={o} checked={outcome === o} onChange={() => setOutcome(o)} />{t.term(o)}
          </label>
        ))}
        {errors.outcome && <div className="field-error">{errors.outcome.join(' ')}</div>}
      </fieldset>
      {visible.map((field) => (
        <label key={field.name} className="field">
          <span>{t.term(field.name)}{field.requiredFor?.includes(outcome) && <em> *</em>}</span>
          {field.enum ? (
            <select name={field.name} value={values[field.name] ?? ''} onChange={(e) => setValue(field.name, e.target.value)}>
              <option value="">—</option>
              {field.enum.map((v) => <option key={v} value={v}>{t.term(v)}</option>)}
            </select>
          ) : isNumeric(field) ? (
            <input name={field.name} type="number" min={field.min} max={field.max} value={values[field.name] ?? ''}
              onChange={(e) => setValue(field.name, e.target.value)} />
          ) : (
            <textarea name={field.name} maxLength={field.maxLength} rows={2} value={values[field.name] ?? ''}
              onChange={(e) => setValue(field.name, e.target.value)} />
          )}
          {errors[field.name] && <span className="field-error" data-field-error={field.name}>{errors[field.name]?.join(' ')}</span>}
        </label>
      ))}
      {formError && <div className="error" role="alert">{formError}</div>}
      <button type="submit" className="primary" disabled={complete.isPending || !outcome}>{t('complete')}</button>
    </form>
  );
}
