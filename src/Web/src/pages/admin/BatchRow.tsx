import { useState } from 'react';
import { useDecideBatch } from '../../api/admin';
import type { Batch } from '../../api/adminTypes';
import { ApiError, messageOf } from '../../api/client';
import { useT } from '../../i18n/useT';

// One batch; an open one can be approved or rejected (with a note) by an administrator other than its proposer.
export default function BatchRow({ county, batch, onDecided }: { county: string; batch: Batch; onDecided: (notice: string) => void }) {
  const t = useT();
  const decide = useDecideBatch(county);
  const [note, setNote] = useState('');
  const [refusal, setRefusal] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const send = async (decision: 'approve' | 'reject') => {
    setRefusal(null);
    setError(null);
    try {
      const decided = await decide.mutateAsync({ id: batch.id, decision, note });
      onDecided(t('decided', t.text(`batchStatus.${decided.status}`)));
    } catch (err) {
      if (err instanceof ApiError && err.is('four-eyes')) setRefusal(err.problem.detail || err.problem.title || '');
      else setError(messageOf(err));
    }
  };

  return (
    <tr data-batch={batch.id} data-status={batch.status}>
      <td>{t.date(batch.proposedAt)}</td>
      <td>{batch.proposedBy}</td>
      <td>{batch.note}</td>
      <td title={batch.items.map((i) => `${i.code} ${i.name}`).join('\n')}>{batch.items.length}</td>
      <td><span className="tag">{t.text(`batchStatus.${batch.status}`)}</span></td>
      <td>{batch.decidedBy ?? '—'}{batch.decisionNote && <span className="muted small"> · {batch.decisionNote}</span>}</td>
      <td>
        {batch.status === 'Proposed' && (
          <div className="toolbar">
            <input name="decisionNote" aria-label={t('decisionNote')} placeholder={t('decisionNote')} value={note} onChange={(e) => setNote(e.target.value)} />
            <button type="button" className="primary" disabled={decide.isPending} onClick={() => void send('approve')}>{t('approve')}</button>
            <button type="button" className="danger" disabled={decide.isPending} onClick={() => void send('reject')}>{t('reject')}</button>
          </div>
        )}
        {refusal && <div className="error refusal" data-testid="four-eyes" role="alert"><b>{t('fourEyes')}</b>{refusal}</div>}
        {error && <div className="error" role="alert">{error}</div>}
      </td>
    </tr>
  );
}
