import type { JournalEntry } from '../../api/types';
import { useT } from '../../i18n/useT';
import { entryDetail, showValue } from './replaySteps';

// What one journal entry decided: a task's outcome and form fields, or the variable it set.
export default function StepDecided({ entry }: { entry: JournalEntry }) {
  const t = useT();
  const detail = entryDetail(entry);
  const shown = (value: unknown) => (typeof value === 'string' ? t.term(value) : showValue(value));
  return (
    <span className="step-decided">
      {detail.outcome && <span className="outcome">{t.term(detail.outcome)}</span>}
      {detail.form.map(([name, value]) => <span key={name}> · {t.term(name)} {shown(value)}</span>)}
      {detail.variable && <span>{t('replayVariable')} {t.term(detail.variable.name)} = {shown(detail.variable.value)}</span>}
    </span>
  );
}
