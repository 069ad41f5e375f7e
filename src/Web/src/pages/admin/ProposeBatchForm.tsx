import { useState, type FormEvent } from 'react';
import { useProposeBatch } from '../../api/admin';
import { ApiError, messageOf } from '../../api/client';
import { useT } from '../../i18n/useT';
import { parseJson } from './adminModel';

const example = JSON.stringify({
  note: '',
  categories: [],
  items: [{ code: '', name: '', categoryCode: '', owningDepartment: '', defaultLevel: 'Township', timeLimits: { simple: 24, ordinary: 72, complex: 120, major: 240 }, countsTowardClosureRate: true }],
}, null, 2);

// A new batch as JSON (note, categories, items); the server's problems listed by field (e.g. items[0].owningDepartment).
export default function ProposeBatchForm({ county, onProposed }: { county: string; onProposed: () => void }) {
  const t = useT();
  const propose = useProposeBatch(county);
  const [text, setText] = useState(example);
  const [problems, setProblems] = useState<string[]>([]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setProblems([]);
    const parsed = parseJson(text);
    if ('error' in parsed) { setProblems([`${t('invalidJson')}: ${parsed.error}`]); return; }
    try {
      await propose.mutateAsync(parsed.value);
      onProposed();
    } catch (err) {
      const fields = err instanceof ApiError ? Object.entries(err.fieldErrors) : [];
      setProblems(fields.length ? fields.map(([field, messages]) => `${field}: ${messages.join(' ')}`) : [messageOf(err)]);
    }
  };

  return (
    <form className="admin-form" data-testid="propose-batch" onSubmit={(e) => void submit(e)}>
      <h3>{t('proposeBatch')}</h3>
      <textarea name="batchJson" aria-label={t('proposeBatch')} rows={16} value={text} onChange={(e) => setText(e.target.value)} />
      {problems.length > 0 && <ul className="problems" role="alert">{problems.map((p) => <li key={p}>{p}</li>)}</ul>}
      <button type="submit" className="primary" disabled={propose.isPending}>{t('propose')}</button>
    </form>
  );
}
