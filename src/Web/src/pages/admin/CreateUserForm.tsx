import { useState, type FormEvent } from 'react';
import { useCreateUser } from '../../api/admin';
import { ApiError } from '../../api/client';
import { useT } from '../../i18n/useT';
import { createUserBody, type UserForm } from './adminModel';
import FieldError from './FieldError';
import { useFieldErrors } from './useFieldErrors';
import { roles } from './roles';

const empty: UserForm = { userName: '', displayName: '', role: 'GridMember', unitCode: '', password: '' };

// A new user; a grid that already has its member (一格一员) is said plainly, naming that member.
export default function CreateUserForm({ onCreated }: { onCreated: (userName: string) => void }) {
  const t = useT();
  const create = useCreateUser();
  const { errors, fail, clear } = useFieldErrors();
  const [form, setForm] = useState<UserForm>(empty);
  const [gridTaken, setGridTaken] = useState<string | null>(null);
  const set = (field: keyof UserForm) => (value: string) => setForm((f) => ({ ...f, [field]: value }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    clear();
    setGridTaken(null);
    try {
      const created = await create.mutateAsync(createUserBody(form));
      setForm(empty);
      onCreated(created.userName);
    } catch (err) {
      const member = err instanceof ApiError && err.is('one-member-per-grid') ? err.problem.currentMember : undefined;
      if (member) setGridTaken(t('gridTaken', member.displayName, member.userName));
      else fail(err);
    }
  };

  const text = (field: keyof UserForm, label: string, type = 'text') => (
    <label className="field"><span>{label}<em> *</em></span>
      <input name={field} type={type} value={form[field]} onChange={(e) => set(field)(e.target.value)} />
      <FieldError errors={errors} field={field} />
    </label>
  );

  return (
    <form className="admin-form" data-testid="create-user" onSubmit={(e) => void submit(e)}>
      <h3>{t('createUser')}</h3>
      {text('userName', t('username'))}
      {text('displayName', t('displayName'))}
      <label className="field"><span>{t('role')}<em> *</em></span>
        <select name="role" value={form.role} onChange={(e) => set('role')(e.target.value)}>
          {roles.map((r) => <option key={r} value={r}>{t.text(`role.${r}`)}</option>)}
        </select>
        <FieldError errors={errors} field="role" />
      </label>
      {text('unitCode', t('unit'))}
      {gridTaken && <div className="error refusal" data-testid="grid-taken" role="alert">{gridTaken}</div>}
      {text('password', t('password'), 'password')}
      <FieldError errors={errors} field="_form" />
      <button type="submit" className="primary" disabled={create.isPending}>{t('create')}</button>
    </form>
  );
}
