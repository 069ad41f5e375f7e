import { useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { orgUnitsQuery } from '../../api/queries';
import type { CaseDetail } from '../../api/types';
import { useSignedIn } from '../../app/useSession';
import { useT } from '../../i18n/useT';
import { gridChoices, matching, NOTE_MAX, noteProblem } from './caseActionsModel';
import CommandFeedback from './CommandFeedback';
import FieldMessages from './FieldMessages';
import { useCaseCommandForm } from './useCaseCommandForm';

// 改派网格: the grid the case should have been filed under, from the grids under the dispatcher's area.
export default function RelocateForm({ event, onDone }: { event: CaseDetail; onDone: (text: string) => void }) {
  const t = useT();
  const session = useSignedIn();
  const form = useCaseCommandForm(event.id);
  const grids = useQuery(orgUnitsQuery('Grid'));
  const [filter, setFilter] = useState('');
  const [gridCode, setGridCode] = useState('');
  const [reason, setReason] = useState('');
  const shown = matching(gridChoices(grids.data ?? [], session.unit), filter).slice(0, 500);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const problem = noteProblem(reason, 'reasonRequired');
    if (!gridCode || problem) {
      form.invalid({ ...(gridCode ? {} : { gridCode: [t('chooseGrid')] }), ...(problem ? { reason: [t(problem)] } : {}) });
      return;
    }
    const done = await form.run({ path: 'relocate', body: { gridCode, reason: reason.trim() } });
    if (done) {
      const grid = shown.find((u) => u.code === gridCode);
      setGridCode('');
      setReason('');
      onDone(t('actionDone.relocate', grid ? `${grid.name}（${grid.code}）` : gridCode));
    }
  };

  return (
    <form className="case-action-form" data-action="relocate" onSubmit={(e) => void submit(e)}>
      {grids.error && <div className="error">{grids.error.message}</div>}
      <label className="field"><span>{t('searchUnit')}</span>
        <input name="gridFilter" value={filter} placeholder={t('searchUnitHint')} onChange={(e) => setFilter(e.target.value)} />
      </label>
      <label className="field"><span>{t('targetGrid')}<em> *</em></span>
        <select name="gridCode" value={gridCode} onChange={(e) => setGridCode(e.target.value)}>
          <option value="">{t('chooseGrid')}</option>
          {shown.map((u) => (
            <option key={u.code} value={u.code}>{u.name}（{u.code}）{u.code === event.gridCode ? t('currentMark') : ''}</option>
          ))}
        </select>
        <FieldMessages errors={form.failure.fields} field="gridCode" />
      </label>
      <label className="field"><span>{t('actionReason')}<em> *</em></span>
        <textarea name="reason" rows={2} maxLength={NOTE_MAX} value={reason} onChange={(e) => setReason(e.target.value)} />
        <FieldMessages errors={form.failure.fields} field="reason" />
      </label>
      <CommandFeedback failure={form.failure} />
      <button type="submit" className="primary" disabled={form.pending}>{t('caseAction.relocate')}</button>
    </form>
  );
}
