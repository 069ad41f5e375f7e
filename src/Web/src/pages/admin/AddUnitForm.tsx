import { useState, type FormEvent } from 'react';
import { useCreateUnit } from '../../api/admin';
import type { AdminUnitDetail } from '../../api/adminTypes';
import { useT } from '../../i18n/useT';
import { childLevel, createUnitBody, type UnitForm } from './adminModel';
import FieldError from './FieldError';
import { useFieldErrors } from './useFieldErrors';

const empty: UnitForm = { code: '', name: '', gridType: '', population: '' };

// A new unit below `parent`; the server's problems next to their fields.
export default function AddUnitForm({ parent, onCreated }: { parent: AdminUnitDetail; onCreated: (name: string) => void }) {
  const t = useT();
  const create = useCreateUnit();
  const { errors, fail, clear } = useFieldErrors();
  const [form, setForm] = useState<UnitForm>({ ...empty, code: parent.code });
  const level = childLevel[parent.level];
  const set = (field: keyof UnitForm) => (value: string) => setForm((f) => ({ ...f, [field]: value }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    clear();
    try {
      const created = await create.mutateAsync(createUnitBody(form, parent.code));
      setForm({ ...empty, code: parent.code });
      onCreated(`${created.name}（${created.code}）`);
    } catch (err) {
      fail(err);
    }
  };

  return (
    <form className="admin-form" data-testid="add-unit" onSubmit={(e) => void submit(e)}>
      <h4>{t('addChild')}{level && <span className="muted small"> · {t.term(level)}</span>}</h4>
      <div className="form-row">
        <label className="field"><span>{t('code')}<em> *</em></span>
          <input name="code" value={form.code} onChange={(e) => set('code')(e.target.value)} />
          <FieldError errors={errors} field="code" />
        </label>
        <label className="field"><span>{t('name')}<em> *</em></span>
          <input name="name" value={form.name} onChange={(e) => set('name')(e.target.value)} />
          <FieldError errors={errors} field="name" />
        </label>
        {level === 'Grid' && (
          <label className="field"><span>{t('gridType')}</span>
            <select name="gridType" value={form.gridType} onChange={(e) => set('gridType')(e.target.value)}>
              <option value="">—</option>
              {['Urban', 'Rural', 'Dedicated'].map((g) => <option key={g} value={g}>{t.text(`gridType.${g}`)}</option>)}
            </select>
            <FieldError errors={errors} field="gridType" />
          </label>
        )}
        <label className="field"><span>{t('population')}</span>
          <input name="population" inputMode="numeric" value={form.population} onChange={(e) => set('population')(e.target.value)} />
          <FieldError errors={errors} field="population" />
        </label>
      </div>
      <FieldError errors={errors} field="parentCode" />
      <FieldError errors={errors} field="_form" />
      <button type="submit" className="primary" disabled={create.isPending}>{t('create')}</button>
    </form>
  );
}
