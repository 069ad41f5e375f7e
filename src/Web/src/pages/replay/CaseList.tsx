import { useQuery } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { caseListQuery } from '../../api/queries';
import { useT } from '../../i18n/useT';

export default function CaseList() {
  const t = useT();
  const navigate = useNavigate();
  const { data, error } = useQuery(caseListQuery());
  const cases = data?.items;
  return (
    <section className="card">
      <h2>{t('caseList')}</h2>
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
    </section>
  );
}
