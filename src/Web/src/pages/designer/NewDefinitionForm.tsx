import { useState, type FormEvent } from 'react';
import { useCreateDefinition } from '../../api/mutations';
import { useT } from '../../i18n/useT';
import { definitionIdPattern, fieldErrorsOf, newDefinitionBody } from './newDefinition';

interface Props {
  onCreated: (id: string) => void;
  onCancel: () => void;
}

// A new workflow: its id and its name in Chinese and English; the server makes a draft that starts and ends.
export default function NewDefinitionForm({ onCreated, onCancel }: Props) {
  const t = useT();
  const create = useCreateDefinition();
  const [input, setInput] = useState({ id: '', name: '', nameEn: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const set = (field: keyof typeof input) => (e: { target: { value: string } }) => { setInput({ ...input, [field]: e.target.value }); setErrors({}); };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const body = newDefinitionBody(input);
    if (!definitionIdPattern.test(body.id)) { setErrors({ id: t('definitionIdHint') }); return; }
    try {
      const created = await create.mutateAsync(body);
      onCreated(created.id);
    } catch (error) {
      setErrors(fieldErrorsOf(error));
    }
  };
  const error = (field: string) => errors[field] && <span className="field-error" id={`new-definition-${field || 'form'}-error`}>{errors[field]}</span>;
  return (
    <form className="new-definition" data-testid="new-definition" onSubmit={(e) => void submit(e)}>
      <label className="field"><span>{t('definitionId')}</span>
        <input name="definitionId" value={input.id} onChange={set('id')} placeholder="shili-township" required aria-invalid={Boolean(errors.id)} />
        {error('id')}
      </label>
      <label className="field"><span>{t('definitionNameZh')}</span>
        <input name="definitionName" value={input.name} onChange={set('name')} required aria-invalid={Boolean(errors.name)} />
        {error('name')}
      </label>
      <label className="field"><span>{t('definitionNameEn')}</span>
        <input name="definitionNameEn" value={input.nameEn} onChange={set('nameEn')} lang="en" aria-invalid={Boolean(errors.nameEn)} />
        {error('nameEn')}
      </label>
      {error('')}
      <button type="submit" className="primary" disabled={create.isPending}>{t('create')}</button>
      <button type="button" onClick={onCancel}>{t('cancel')}</button>
    </form>
  );
}
