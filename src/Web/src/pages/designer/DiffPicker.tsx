import { useState } from 'react';
import { useT } from '../../i18n/useT';

interface Props {
  /** Version numbers as text, and `draft` when there is one. */
  sides: string[];
  onCompare: (from: string, to: string) => void;
}

// Two sides to compare: any two versions, or a version and the draft.
export default function DiffPicker({ sides, onCompare }: Props) {
  const t = useT();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const label = (side: string) => (side === 'draft' ? t('draft') : `v${side}`);
  return (
    <div className="diff-picker" data-testid="diff-picker">
      <select name="diffFrom" aria-label={t('diffFrom')} value={from} onChange={(e) => setFrom(e.target.value)}>
        <option value="">{t('diffFrom')}</option>
        {sides.map((v) => <option key={v} value={v}>{label(v)}</option>)}
      </select>
      <span>→</span>
      <select name="diffTo" aria-label={t('diffTo')} value={to} onChange={(e) => setTo(e.target.value)}>
        <option value="">{t('diffTo')}</option>
        {sides.map((v) => <option key={v} value={v}>{label(v)}</option>)}
      </select>
      <button type="button" disabled={!from || !to || from === to} onClick={() => onCompare(from, to)}>{t('compare')}</button>
    </div>
  );
}
