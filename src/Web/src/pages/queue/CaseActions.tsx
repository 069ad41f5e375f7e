import { useState } from 'react';
import type { CaseDetail } from '../../api/types';
import { useT } from '../../i18n/useT';
import { caseActions, type CaseAction } from './caseActionsModel';
import NoteActionForm from './NoteActionForm';
import ReclassifyForm from './ReclassifyForm';
import RelocateForm from './RelocateForm';

// A dispatcher's actions on the case beside the task: 督办, 催办, 改派网格, 重新分类, one form at a time.
export default function CaseActions({ event, onDone }: { event: CaseDetail; onDone: (text: string) => void }) {
  const t = useT();
  const [action, setAction] = useState<CaseAction>('supervise');
  const done = (text: string) => onDone(`${event.number} · ${text}`);

  return (
    <section className="case-actions" data-testid="case-actions">
      <h4>{t('caseActions')}</h4>
      <div className="toolbar case-action-tabs">
        {caseActions.map((a) => (
          <button key={a} type="button" className={a === action ? 'current' : ''} aria-pressed={a === action} data-case-action={a}
            onClick={() => setAction(a)}>{t(`caseAction.${a}`)}</button>
        ))}
      </div>
      <p className="muted small">{t(`caseActionHint.${action}`)}</p>
      {action === 'supervise' || action === 'urge'
        ? <NoteActionForm key={action} event={event} action={action} onDone={done} />
        : action === 'relocate'
          ? <RelocateForm event={event} onDone={done} />
          : <ReclassifyForm event={event} onDone={done} />}
    </section>
  );
}
