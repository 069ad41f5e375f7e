import { useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { unitSearchQuery } from '../../api/admin';
import { useT } from '../../i18n/useT';

// Search by name or code prefix; a result opens the tree down to it.
export default function UnitSearch({ onPick }: { onPick: (code: string) => void }) {
  const t = useT();
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  const results = useQuery(unitSearchQuery(q));
  const submit = (e: FormEvent) => { e.preventDefault(); setQ(text.trim()); };
  return (
    <div className="unit-search">
      <form className="toolbar" onSubmit={submit}>
        <input name="unitSearch" aria-label={t('searchUnits')} placeholder={t('searchUnits')} value={text} onChange={(e) => setText(e.target.value)} />
        <button type="submit">{t('search')}</button>
      </form>
      {results.error && <div className="error">{results.error.message}</div>}
      {q && results.data && (
        <ul className="plain-list search-results" data-testid="unit-results" aria-label={t('searchResults')}>
          {results.data.items.length === 0 && <li className="muted">{t('none')}</li>}
          {results.data.items.map((u) => (
            <li key={u.code} data-code={u.code}>
              <button type="button" className="link" onClick={() => onPick(u.code)}>{u.name}</button>
              <span className="muted small"> {u.code} · {t.term(u.level)}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
