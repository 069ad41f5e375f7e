import { useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { caseSearchQuery } from '../../api/queries';
import { useT } from '../../i18n/useT';

export default function CaseList() {
  const t = useT();
  const navigate = useNavigate();
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const { data, error } = useQuery({ ...caseSearchQuery(q, page), placeholderData: keepPreviousData });
  const cases = data?.items;
  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;
  return (
    <section className="card">
      <h2>{t('caseList')}</h2>
      <form className="replay-case-search" role="search" onSubmit={(e) => { e.preventDefault(); setQ(typed.trim()); setPage(1); }}>
        <input type="search" value={typed} onChange={(e) => setTyped(e.target.value)} placeholder={t('replayCaseSearch')} aria-label={t('replayCaseSearch')} />
        <button type="submit">{t('search')}</button>
      </form>
      {error && <div className="error">{error.message}</div>}
      {!cases ? <p>{t('loading')}</p> : cases.length === 0 ? <p className="muted">{t('none')}</p> : (
        <table className="grid-table">
          <thead><tr><th>{t('caseNumber')}</th><th>{t('caseTitle')}</th><th>{t('filterStatus')}</th><th>{t('responsibleUnit')}</th><th>{t('reportedAt')}</th><th /></tr></thead>
          <tbody>
            {cases.map((e) => (
              <tr key={e.id} data-case-number={e.number}>
                <td>{e.number}</td><td>{e.title}</td><td>{t.term(e.status)}</td><td>{e.responsibleUnit}</td><td>{t.date(e.reportedAt)}</td>
                <td><button type="button" onClick={() => void navigate(`/replay/${e.id}`)}>{t('open')}</button></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="pager toolbar">
        <button type="button" onClick={() => setPage(page - 1)} disabled={page <= 1}>{t('previousPage')}</button>
        <span data-testid="case-page">{t('replayPageOf', page, pages)}</span>
        <button type="button" onClick={() => setPage(page + 1)} disabled={page >= pages}>{t('nextPage')}</button>
      </div>
    </section>
  );
}
