import { useContext, type ReactNode } from 'react';
import { Link, useNavigate } from 'react-router';
import { LangContext } from '../i18n/LangContext';
import { useT } from '../i18n/useT';
import { pageHome, pageNavKey, pagesOf, type PageId } from '../routeTable';
import { useSignedIn, useSession } from './useSession';

interface Props {
  page: PageId | null;
  children?: ReactNode;
}

// The top bar (the role's pages, who is signed in, language, sign out) above the page.
export default function Shell({ page, children }: Props) {
  const t = useT();
  const { lang, setLang } = useContext(LangContext);
  const { signOut } = useSession();
  const session = useSignedIn();
  const navigate = useNavigate();
  return (
    <div className="shell">
      <header className="topbar">
        <span className="brand">GridCase · {t('appName')}</span>
        <nav>
          {pagesOf(session.role).map((p) => (
            <Link key={p} to={pageHome[p]} className={p === page ? 'current' : ''}>{t(pageNavKey[p])}</Link>
          ))}
        </nav>
        <span className="who">{session.username} · {t.text(`role.${session.role}`)} · {session.unit}</span>
        <button type="button" className="link" onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}>{t('language')}</button>
        <button type="button" className="link" onClick={() => { signOut(); void navigate('/'); }}>{t('signOut')}</button>
      </header>
      <main>{children}</main>
    </div>
  );
}
