import { useContext, useState, type FormEvent } from 'react';
import { useSignIn } from '../../api/mutations';
import { useSession } from '../../app/useSession';
import { LangContext } from '../../i18n/LangContext';
import { useT } from '../../i18n/useT';

export default function SignInPage() {
  const t = useT();
  const { lang, setLang } = useContext(LangContext);
  const { signIn } = useSession();
  const token = useSignIn();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      signIn({ ...(await token.mutateAsync({ username, password })), username });
    } catch {
      setError(t('signInFailed'));
    }
  };

  return (
    <div className="signin">
      <form onSubmit={(e) => void submit(e)} className="card signin-card">
        <h1>GridCase</h1>
        <p className="subtitle">{t('appName')}</p>
        <label>{t('username')}<input name="username" value={username} onChange={(e) => setUsername(e.target.value)} autoFocus /></label>
        <label>{t('password')}<input name="password" type="password" value={password} onChange={(e) => setPassword(e.target.value)} /></label>
        {error && <div className="error" role="alert">{error}</div>}
        <button type="submit" className="primary" disabled={token.isPending || !username || !password}>{t('signIn')}</button>
        <button type="button" className="link" onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}>{t('language')}</button>
      </form>
    </div>
  );
}
