import { useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { ApiError, messageOf } from '../../api/client';
import { useReassign } from '../../api/mutations';
import { allOrgUnitsQuery, reassignTargetsQuery } from '../../api/queries';
import type { CaseDetail, UnitLevel } from '../../api/types';
import { useT } from '../../i18n/useT';
import { unitName } from './caseHistory';
import UnitSelect from './UnitSelect';

const levels: UnitLevel[] = ['Grid', 'Village', 'Township', 'County', 'City'];

// Manual reassignment (改派) by a dispatcher. The units offered are the server's own answer (its area, the centre
// above, nothing the no-push-down rule forbids at the case's floor); a refusal is still shown plainly.
export default function ReassignForm({ event, onDone }: { event: CaseDetail; onDone: (unit: string) => void }) {
  const t = useT();
  const reassign = useReassign();
  const targets = useQuery(reassignTargetsQuery(event.id));
  const allUnits = useQuery({ ...allOrgUnitsQuery(), staleTime: 10 * 60_000 }).data ?? [];
  const offered = targets.data ?? [];
  const offeredLevels = levels.filter((l) => offered.some((u) => u.level === l));
  const [level, setLevel] = useState<UnitLevel | ''>('');
  const units = level ? offered.filter((u) => u.level === level) : offered;
  const [filter, setFilter] = useState('');
  const [unitCode, setUnitCode] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [refusal, setRefusal] = useState<string | null>(null);

  const needle = filter.trim();
  const shown = (needle ? units.filter((u) => u.code.includes(needle) || u.name.includes(needle)) : units).slice(0, 500);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setErrors({});
    setRefusal(null);
    try {
      await reassign.mutateAsync({ eventId: event.id, body: { unitCode, reason } });
      const unit = offered.find((u) => u.code === unitCode);
      setUnitCode('');
      setReason('');
      onDone(unit ? `${unit.name}（${unit.code}）` : unitCode);
    } catch (err) {
      if (err instanceof ApiError && err.status === 409 && err.is('no-push-down')) {
        setRefusal(err.problem.detail || err.problem.title || '');
      } else if (err instanceof ApiError && Object.keys(err.fieldErrors).length) {
        setErrors(err.fieldErrors);
      } else {
        setErrors({ _form: [messageOf(err)] });
      }
    }
  };

  return (
    <form className="reassign-form" data-testid="reassign" onSubmit={(e) => void submit(e)}>
      <h4>{t('reassign')}</h4>
      <p className="muted small">{t('reassignHint')} · {t('responsibleUnit')}：<span title={event.responsibleUnit}>{unitName(allUnits, event.responsibleUnit)}</span></p>
      <p className="muted small">{t('reassignTargetsHint')}</p>
      {targets.error && <div className="error">{targets.error.message}</div>}
      <div className="reassign-row">
        <label className="field"><span>{t('level')}</span>
          <select name="reassignLevel" value={level} onChange={(e) => { setLevel(e.target.value as UnitLevel | ''); setUnitCode(''); }}>
            <option value="">{t('all')}</option>
            {offeredLevels.map((l) => <option key={l} value={l}>{t.term(l)}</option>)}
          </select>
        </label>
        <label className="field grow"><span>{t('searchUnit')}</span>
          <input name="unitFilter" value={filter} placeholder={t('searchUnitHint')} onChange={(e) => setFilter(e.target.value)} />
        </label>
      </div>
      <label className="field"><span>{t('targetUnit')}<em> *</em></span>
        <UnitSelect name="unitCode" units={shown} value={unitCode} onChange={setUnitCode} />
        {errors.unitCode && <span className="field-error" data-field-error="unitCode">{errors.unitCode.join(' ')}</span>}
      </label>
      <label className="field"><span>{t('reassignReason')}<em> *</em></span>
        <textarea name="reassignReason" rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />
        {errors.reason && <span className="field-error" data-field-error="reason">{errors.reason.join(' ')}</span>}
      </label>
      {refusal !== null && (
        <div className="error refusal" role="alert" data-testid="reassign-refusal">
          <b>{t('noPushDownTitle')}</b>
          <div>{t('noPushDownRule')}</div>
          {refusal && <div className="small">{t('apiSays')}：{refusal}</div>}
        </div>
      )}
      {errors._form && <div className="error" role="alert">{errors._form.join(' ')}</div>}
      <button type="submit" disabled={reassign.isPending || !unitCode}>{t('reassignSubmit')}</button>
    </form>
  );
}
