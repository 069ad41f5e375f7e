import { useState, type FormEvent } from 'react';
import { useResetPassword, useUserAction } from '../../api/admin';
import type { AdminUser } from '../../api/adminTypes';
import { messageOf } from '../../api/client';
import { useT } from '../../i18n/useT';

// One user with disable or enable, and a password reset that asks for the new password in place.
export default function UserRow({ user, onDone }: { user: AdminUser; onDone: (notice: string) => void }) {
  const t = useT();
  const action = useUserAction();
  const reset = useResetPassword();
  const [resetting, setResetting] = useState(false);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const disabled = user.status === 'disabled';

  const toggle = async () => {
    setError(null);
    try {
      const changed = await action.mutateAsync({ userName: user.userName, action: disabled ? 'enable' : 'disable' });
      onDone(t('userChanged', changed.user.userName, t(disabled ? 'enable' : 'disable')));
    } catch (err) {
      setError(messageOf(err));
    }
  };
  const submitReset = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      await reset.mutateAsync({ userName: user.userName, password });
      setResetting(false);
      setPassword('');
      onDone(t('passwordReset', user.userName));
    } catch (err) {
      setError(messageOf(err));
    }
  };

  return (
    <tr data-user={user.userName} className={disabled ? 'muted' : ''}>
      <td>{user.userName}</td>
      <td>{user.displayName}</td>
      <td>{t.text(`role.${user.role}`)}</td>
      <td title={user.unitCode}>{user.unitName ?? user.unitCode} <span className="muted small">{user.unitCode}</span></td>
      <td data-status={user.status}>{t.text(`userStatus.${user.status}`)}</td>
      <td>
        <button type="button" className={disabled ? '' : 'danger'} disabled={action.isPending} onClick={() => void toggle()}>{disabled ? t('enable') : t('disable')}</button>
        {' '}
        {resetting ? (
          <form className="inline-form" onSubmit={(e) => void submitReset(e)}>
            <input type="password" name="newPassword" aria-label={t('newPassword')} placeholder={t('newPassword')} value={password} onChange={(e) => setPassword(e.target.value)} />
            <button type="submit" disabled={reset.isPending}>{t('confirm')}</button>
            <button type="button" onClick={() => setResetting(false)}>{t('cancel')}</button>
          </form>
        ) : <button type="button" onClick={() => setResetting(true)}>{t('resetPassword')}</button>}
        {error && <span className="field-error" role="alert">{error}</span>}
      </td>
    </tr>
  );
}
