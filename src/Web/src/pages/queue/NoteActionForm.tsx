import { useState, type FormEvent } from 'react';
import type { CaseDetail } from '../../api/types';
import { useT } from '../../i18n/useT';
import { NOTE_MAX, noteProblem } from './caseActionsModel';
import CommandFeedback from './CommandFeedback';
import FieldMessages from './FieldMessages';
import { useCaseCommandForm } from './useCaseCommandForm';

interface Props {
  event: CaseDetail;
  action: 'supervise' | 'urge';
  onDone: (text: string) => void;
}

// 督办 or 催办: a note of 1–500 characters.
export default function NoteActionForm({ event, action, onDone }: Props) {
  const t = useT();
  const form = useCaseCommandForm(event.id);
  const [note, setNote] = useState('');

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const problem = noteProblem(note);
    if (problem) {
      form.invalid({ note: [t(problem)] });
      return;
    }
    const done = await form.run({ path: action === 'supervise' ? 'supervision' : 'urge', body: { note: note.trim() } });
    if (done) {
      setNote('');
      onDone(t(`actionDone.${action}`));
    }
  };

  return (
    <form className="case-action-form" data-action={action} onSubmit={(e) => void submit(e)}>
      <label className="field"><span>{t('actionNote')}<em> *</em></span>
        <textarea name="note" rows={2} maxLength={NOTE_MAX} value={note} onChange={(e) => setNote(e.target.value)} />
        <FieldMessages errors={form.failure.fields} field="note" />
      </label>
      <CommandFeedback failure={form.failure} />
      <button type="submit" className="primary" disabled={form.pending}>{t(`caseAction.${action}`)}</button>
    </form>
  );
}
