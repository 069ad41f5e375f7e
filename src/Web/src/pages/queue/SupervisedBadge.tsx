import { useT } from '../../i18n/useT';

// 督办中: the case is under supervision by the named unit.
export default function SupervisedBadge({ unit }: { unit: string }) {
  const t = useT();
  return <span className="badge supervised" data-testid="supervised-badge" data-unit={unit}>{t('supervisedBy', unit)}</span>;
}
