import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { batchesQuery, childUnitsQuery, rootUnitQuery } from '../../api/admin';
import { useT } from '../../i18n/useT';
import BatchRow from './BatchRow';
import ProposeBatchForm from './ProposeBatchForm';

// Catalogue batches (事项清单): a county's batches with their status, decided by another administrator than the
// proposer (the four-eyes refusal said plainly), and a new batch from pasted JSON.
export default function CatalogueSection() {
  const t = useT();
  const root = useQuery(rootUnitQuery()).data?.[0];
  const below = useQuery({ ...childUnitsQuery(root?.code ?? ''), enabled: root?.level === 'City' }).data;
  const counties = root?.level === 'County' ? [root] : (below ?? []).filter((u) => u.level === 'County' && !u.retiredAt);
  const [chosen, setChosen] = useState('');
  const county = chosen || counties[0]?.code || '';
  const batches = useQuery(batchesQuery(county));
  const [notice, setNotice] = useState<string | null>(null);

  return (
    <div className="catalogue-section">
      <section className="card">
        <div className="toolbar">
          <h3>{t('catalogueTitle')}</h3>
          <label>{t('county')}
            <select name="county" value={county} onChange={(e) => { setChosen(e.target.value); setNotice(null); }}>
              {counties.map((c) => <option key={c.code} value={c.code}>{c.name}（{c.code}）</option>)}
            </select>
          </label>
        </div>
        {batches.error && <div className="error">{batches.error.message}</div>}
        {notice && <div className="notice" role="status">{notice}</div>}
        {!batches.data ? <p>{county ? t('loading') : t('none')}</p> : batches.data.length === 0 ? <p className="muted">{t('none')}</p> : (
          <table className="grid-table" data-testid="batches">
            <thead>
              <tr><th>{t('proposedAt')}</th><th>{t('proposedBy')}</th><th>{t('note')}</th><th>{t('items')}</th><th>{t('batchStatus')}</th><th>{t('decidedBy')}</th><th>{t('actions')}</th></tr>
            </thead>
            <tbody>
              {batches.data.map((b) => <BatchRow key={b.id} county={county} batch={b} onDecided={setNotice} />)}
            </tbody>
          </table>
        )}
      </section>
      {county && (
        <section className="card">
          <ProposeBatchForm key={county} county={county} onProposed={() => setNotice(t('proposed'))} />
        </section>
      )}
    </div>
  );
}
