import { useState, type FormEvent } from 'react';
import { useChangeUnit } from '../../api/admin';
import type { AdminUnitDetail } from '../../api/adminTypes';
import { useT } from '../../i18n/useT';
import FieldError from './FieldError';
import { useFieldErrors } from './useFieldErrors';

export default function RenameUnitForm({ unit, onRenamed }: { unit: AdminUnitDetail; onRenamed: (name: string) => void }) {
  const t = useT();
  const change = useChangeUnit();
  const { errors, fail, clear } = useFieldErrors();
  const [name, setName] = useState(unit.name);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    clear();
    try {
      const changed = await change.mutateAsync({ code: unit.code, body: { name: name.trim() } });
      onRenamed(changed.name);
    } catch (err) {
      fail(err);
    }
  };

  return (
    <form className="admin-form" data-testid="rename-unit" onSubmit={(e) => void submit(e)}>
      <h4>{t('rename')}</h4>
      <div className="form-row">
        <label className="field"><span>{t('name')}</span>
          <input name="newName" value={name} onChange={(e) => setName(e.target.value)} />
          <FieldError errors={errors} field="name" />
        </label>
      </div>
      <FieldError errors={errors} field="_form" />
      <button type="submit" disabled={change.isPending || name.trim() === unit.name}>{t('rename')}</button>
    </form>
  );
}
