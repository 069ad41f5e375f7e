import { useState, type FormEvent } from 'react';
import type { CaseDetail } from '../../api/types';
import { useT } from '../../i18n/useT';
import { NOTE_MAX, noteProblem } from './caseActionsModel';
import CommandFeedback from './CommandFeedback';
import FieldMessages from './FieldMessages';
import { useCaseCommandForm } from './useCaseCommandForm';
import { useCatalogue } from './useCatalogue';

// 重新分类: the catalogue item the case should have had, from the catalogue the queue loads.
export default function ReclassifyForm({ event, onDone }: { event: CaseDetail; onDone: (text: string) => void }) {
  const t = useT();
  const catalogue = useCatalogue();
  const form = useCaseCommandForm(event.id);
  const [itemCode, setItemCode] = useState('');
  const [reason, setReason] = useState('');

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const problem = noteProblem(reason, 'reasonRequired');
    if (!itemCode || problem) {
      form.invalid({ ...(itemCode ? {} : { catalogueItemCode: [t('chooseItem')] }), ...(problem ? { reason: [t(problem)] } : {}) });
      return;
    }
    const done = await form.run({ path: 'reclassify', body: { catalogueItemCode: itemCode, reason: reason.trim() } });
    if (done) {
      const item = catalogue.categories.flatMap((c) => c.items).find((i) => i.code === itemCode);
      setItemCode('');
      setReason('');
      onDone(t('actionDone.reclassify', item ? `${item.name}（${item.code}）` : itemCode));
    }
  };

  return (
    <form className="case-action-form" data-action="reclassify" onSubmit={(e) => void submit(e)}>
      <label className="field"><span>{t('targetItem')}<em> *</em></span>
        <select name="catalogueItemCode" value={itemCode} onChange={(e) => setItemCode(e.target.value)}>
          <option value="">{t('chooseItem')}</option>
          {catalogue.categories.map((category) => (
            <optgroup key={category.code} label={category.name}>
              {category.items.map((item) => (
                <option key={item.code} value={item.code}>{item.name}（{item.code}）{item.code === event.catalogueItemCode ? t('currentMark') : ''}</option>
              ))}
            </optgroup>
          ))}
        </select>
        <FieldMessages errors={form.failure.fields} field="catalogueItemCode" />
      </label>
      <label className="field"><span>{t('actionReason')}<em> *</em></span>
        <textarea name="reason" rows={2} maxLength={NOTE_MAX} value={reason} onChange={(e) => setReason(e.target.value)} />
        <FieldMessages errors={form.failure.fields} field="reason" />
      </label>
      <CommandFeedback failure={form.failure} />
      <button type="submit" className="primary" disabled={form.pending}>{t('caseAction.reclassify')}</button>
    </form>
  );
}
