import { useState, type FormEvent } from 'react';
import { useRetireUnit } from '../../api/admin';
import type { AdminUnitDetail } from '../../api/adminTypes';
import { useT } from '../../i18n/useT';
import FieldError from './FieldError';
import { useFieldErrors } from './useFieldErrors';

// Retiring (撤销) needs a reason and a second click to confirm.
export default function RetireUnitForm({ unit, onRetired }: { unit: AdminUnitDetail; onRetired: () => void }) {
  const t = useT();
  const retire = useRetireUnit();
  const { errors, fail, clear } = useFieldErrors();
  const [reason, setReason] = useState('');
  const [confirming, setConfirming] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!confirming) { setConfirming(true); return; }
    clear();
    setConfirming(false);
    try {
      await retire.mutateAsync({ code: unit.code, reason: reason.trim() });
      onRetired();
    } catch (err) {
      fail(err);
    }
  };

  return (
    <form className="admin-form" data-testid="retire-unit" onSubmit={(e) => void submit(e)}>
      <h4>{t('retireUnit')}</h4>
      <label className="field"><span>{t('retireReason')}<em> *</em></span>
        <textarea name="retireReason" rows={2} value={reason} onChange={(e) => { setReason(e.target.value); setConfirming(false); }} />
        <FieldError errors={errors} field="reason" />
      </label>
      <FieldError errors={errors} field="_form" />
      {confirming && <div className="error" role="alert">{t('retireUnitConfirm', `${unit.name}（${unit.code}）`)}</div>}
      <button type="submit" className="danger" disabled={retire.isPending}>{confirming ? t('confirm') : t('retireUnit')}</button>
      {confirming && <button type="button" onClick={() => setConfirming(false)}>{t('cancel')}</button>}
    </form>
  );
}
