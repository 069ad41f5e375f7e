import { useT } from '../../i18n/useT';

// Asked once more in place before something that cannot be undone.
export default function ConfirmBox({ text, onConfirm, onCancel }: { text: string; onConfirm: () => void; onCancel: () => void }) {
  const t = useT();
  return (
    <div className="confirm-dialog" role="alertdialog" aria-label={text} data-testid="confirm">
      <p>{text}</p>
      <button type="button" className="primary" onClick={onConfirm}>{t('confirm')}</button>
      <button type="button" onClick={onCancel}>{t('cancel')}</button>
    </div>
  );
}
