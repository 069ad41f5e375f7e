import { useState } from 'react';
import { api } from '../api.js';
import { useT } from '../i18n.jsx';

export default function SignIn({ onSignedIn, lang, setLang }) {
  const t = useT();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const token = await api('/api/auth/token', { method: 'POST', body: { username, password } });
      onSignedIn({ ...token, username });
    } catch {
      setError(t('signInFailed'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="signin">
      <form onSubmit={submit} className="card signin-card">
        <h1>GridCase</h1>
        <p className="subtitle">{t('appName')}</p>
        <label>{t('username')}<input name="username" value={username} onChange={(e) => setUsername(e.target.value)} autoFocus /></label>
        <label>{t('password')}<input name="password" type="password" value={password} onChange={(e) => setPassword(e.target.value)} /></label>
        {error && <div className="error" role="alert">{error}</div>}
        <button type="submit" className="primary" disabled={busy || !username || !password}>{t('signIn')}</button>
        <button type="button" className="link" onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}>{t('language')}</button>
      </form>
    </div>
  );
}
