import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { unitQuery } from '../../api/admin';
import { useT } from '../../i18n/useT';
import AddUnitForm from './AddUnitForm';
import RenameUnitForm from './RenameUnitForm';
import RetireUnitForm from './RetireUnitForm';

// One unit: its details, and the forms to add a unit below it, rename it or retire it.
export default function UnitDetails({ code, onCreated }: { code: string; onCreated: (parent: string) => void }) {
  const t = useT();
  const unit = useQuery(unitQuery(code));
  const [notice, setNotice] = useState<string | null>(null);
  if (unit.error) return <div className="error">{unit.error.message}</div>;
  if (!unit.data) return <p className="muted">{t('loading')}</p>;
  const u = unit.data;
  return (
    <div className="unit-details" data-testid="unit-details" data-code={u.code}>
      <h3>{u.name}</h3>
      {notice && <div className="notice" role="status">{notice}</div>}
      <dl className="detail">
        <dt>{t('code')}</dt><dd>{u.code}</dd>
        <dt>{t('name')}</dt><dd>{u.name}</dd>
        <dt>{t('level')}</dt><dd>{t.term(u.level)}</dd>
        <dt>{t('gridType')}</dt><dd>{u.gridType ? t.text(`gridType.${u.gridType}`) : '—'}</dd>
        <dt>{t('population')}</dt><dd>{u.population ?? '—'}</dd>
        <dt>{t('childCount')}</dt><dd>{u.childCount}</dd>
        <dt>{t('status')}</dt><dd>{u.retiredAt ? `${t('retiredAt')} ${t.date(u.retiredAt)}` : t('active')}</dd>
      </dl>
      {!u.retiredAt && (
        <>
          <AddUnitForm parent={u} onCreated={(name) => { setNotice(t('created', name)); onCreated(u.code); }} />
          <RenameUnitForm unit={u} onRenamed={(name) => setNotice(t('renamed', name))} />
          <RetireUnitForm unit={u} onRetired={() => setNotice(t('unitRetired', u.name))} />
        </>
      )}
    </div>
  );
}
