import { useState, type FormEvent } from 'react';
import { useT } from '../../i18n/useT';
import { queueChips, toggleChip, type QueueFilters } from './queueSearch';

export const queueSearchId = 'queue-search';

// The queue's server query: a search box (applied on Enter), the step, the status, the sort and the filter chips.
export default function QueueToolbar({ filters, steps, onChange }: {
  filters: QueueFilters; steps: { id: string; title: string }[]; onChange: (filters: QueueFilters) => void;
}) {
  const t = useT();
  const [draft, setDraft] = useState(filters.q);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onChange({ ...filters, q: draft.trim() });
  };

  return (
    <div className="queue-filters">
      <form role="search" className="queue-search" onSubmit={submit}>
        <input id={queueSearchId} name="q" type="search" value={draft} placeholder={t('queueSearchHint')} aria-label={t('queueSearchHint')}
          maxLength={100} onChange={(e) => setDraft(e.target.value)} />
        <button type="submit">{t('queueSearch')}</button>
      </form>
      <label>{t('filterStep')}
        <select name="step" value={filters.step} onChange={(e) => onChange({ ...filters, step: e.target.value })}>
          <option value="">{t('all')}</option>
          {steps.map((s) => <option key={s.id} value={s.id}>{s.title}</option>)}
        </select>
      </label>
      <label>{t('filterStatus')}
        <select name="status" value={filters.status} onChange={(e) => onChange({ ...filters, status: e.target.value })}>
          <option value="Open">{t('status.Open')}</option>
          <option value="Completed">{t('status.Completed')}</option>
          <option value="Cancelled">{t('status.Cancelled')}</option>
        </select>
      </label>
      <label>{t('sortBy')}
        <select name="sort" value={filters.sort} onChange={(e) => onChange({ ...filters, sort: e.target.value })}>
          <option value="dueAt">{t('sort.dueAt')}</option>
          <option value="openedAt">{t('sort.openedAt')}</option>
          <option value="-openedAt">{t('sort.-openedAt')}</option>
        </select>
      </label>
      <div className="chips" role="group" aria-label={t('queueFilters')}>
        {queueChips.map((chip) => (
          <button key={chip} type="button" className="chip" data-chip={chip} aria-pressed={filters.chips.includes(chip)}
            onClick={() => onChange({ ...filters, chips: toggleChip(filters.chips, chip) })}>
            {t(`chip.${chip}`)}
          </button>
        ))}
      </div>
    </div>
  );
}
