import { useT } from '../../i18n/useT';

// Asked once more in place before something that cannot be undone.
interface Props {
  text: string;
  onConfirm: () => void;
  onCancel: () => void;
  confirmLabel?: string;
  cancelLabel?: string;
}

export default function ConfirmBox({ text, onConfirm, onCancel, confirmLabel, cancelLabel }: Props) {
  const t = useT();
  return (
    <div className="confirm-dialog" role="alertdialog" aria-label={text} data-testid="confirm">
      <p>{text}</p>
      <button type="button" className="primary" onClick={onConfirm}>{confirmLabel ?? t('confirm')}</button>
      <button type="button" onClick={onCancel}>{cancelLabel ?? t('cancel')}</button>
    </div>
  );
}
