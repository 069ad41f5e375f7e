import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import '@xyflow/react/dist/style.css';
import './styles.css';
import { LangContext, useT } from './i18n.jsx';
import { loadSession, saveSession } from './api.js';
import { navigate } from './nav.js';
import SignIn from './pages/SignIn.jsx';
import Queue from './pages/Queue.jsx';
import Replay from './pages/Replay.jsx';
import Designer from './pages/Designer.jsx';

// Which pages each role sees; the first is its home.
const pagesByRole = {
  PolicyAdmin: ['designer', 'replay'],
  Dispatcher: ['queue', 'replay'],
  Handler: ['queue', 'replay'],
  GridMember: ['queue', 'replay'],
  Auditor: ['replay'],
};
const navKey = { designer: 'navDesigner', queue: 'navQueue', replay: 'navReplay' };


function usePath() {
  const [path, setPath] = useState(window.location.pathname);
  useEffect(() => {
    const onPop = () => setPath(window.location.pathname);
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  return path;
}

function Shell({ session, onSignOut, lang, setLang, children, page }) {
  const t = useT();
  return (
    <div className="shell">
      <header className="topbar">
        <span className="brand">GridCase · {t('appName')}</span>
        <nav>
          {(pagesByRole[session.role] || []).map((p) => (
            <a key={p} href={`/${p}`} className={p === page ? 'current' : ''}
              onClick={(e) => { e.preventDefault(); navigate(`/${p}`); }}>{t(navKey[p])}</a>
          ))}
        </nav>
        <span className="who">{session.username} · {t(`role.${session.role}`)} · {session.unit}</span>
        <button type="button" className="link" onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}>{t('language')}</button>
        <button type="button" className="link" onClick={onSignOut}>{t('signOut')}</button>
      </header>
      <main>{children}</main>
    </div>
  );
}

function App() {
  const [lang, setLangState] = useState(localStorage.getItem('gridcase.lang') || 'zh');
  const [session, setSession] = useState(loadSession);
  const path = usePath();
  const setLang = (value) => { localStorage.setItem('gridcase.lang', value); setLangState(value); };

  useEffect(() => {
    document.documentElement.lang = lang === 'en' ? 'en' : 'zh-CN';
  }, [lang]);
  useEffect(() => {
    const onSignedOut = () => setSession(null);
    window.addEventListener('gridcase:signed-out', onSignedOut);
    return () => window.removeEventListener('gridcase:signed-out', onSignedOut);
  }, []);

  const signOut = () => { saveSession(null); setSession(null); navigate('/'); };
  const allowed = session ? pagesByRole[session.role] || [] : [];
  const [, first, rest] = path.match(/^\/([^/]*)\/?(.*)$/) || [];
  const page = allowed.includes(first) ? first : null;

  useEffect(() => {
    if (session && !page) navigate(`/${allowed[0] || 'replay'}`);
  }, [session, page]); // eslint-disable-line react-hooks/exhaustive-deps

  let content = null;
  if (!session) content = <SignIn onSignedIn={(s) => { saveSession(s); setSession(s); }} lang={lang} setLang={setLang} />;
  else if (page === 'designer') content = <Designer />;
  else if (page === 'queue') content = <Queue session={session} />;
  else if (page === 'replay') content = <Replay caseId={rest || null} />;

  return (
    <LangContext.Provider value={{ lang, setLang }}>
      {session ? <Shell session={session} onSignOut={signOut} lang={lang} setLang={setLang} page={page}>{content}</Shell> : content}
    </LangContext.Provider>
  );
}

createRoot(document.getElementById('root')).render(<StrictMode><App /></StrictMode>);
