import { useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { usersQuery } from '../../api/admin';
import { useT } from '../../i18n/useT';
import { usersSearch, type UserFilters } from './adminModel';
import CreateUserForm from './CreateUserForm';
import { roles } from './roles';
import UserRow from './UserRow';

// Users (用户): search and filters, a page at a time (`next`), the actions on each user, and a new user.
export default function UsersSection() {
  const t = useT();
  const [filters, setFilters] = useState<UserFilters>({ q: '', role: '', status: '' });
  // The `after` of each page shown so far: the last is the current page's.
  const [pages, setPages] = useState<(string | null)[]>([null]);
  const after = pages[pages.length - 1] ?? null;
  const users = useQuery({ ...usersQuery(usersSearch(filters, after)), placeholderData: keepPreviousData });
  const [notice, setNotice] = useState<string | null>(null);
  const filter = (field: keyof UserFilters) => (value: string) => { setFilters((f) => ({ ...f, [field]: value })); setPages([null]); };

  return (
    <div className="users-section">
      <section className="card">
        <div className="toolbar">
          <h3>{t('users')}</h3>
          <input name="userQuery" aria-label={t('search')} placeholder={`${t('username')} / ${t('displayName')}`} value={filters.q}
            onChange={(e) => filter('q')(e.target.value)} />
          <label>{t('role')}
            <select name="roleFilter" value={filters.role} onChange={(e) => filter('role')(e.target.value)}>
              <option value="">{t('all')}</option>
              {roles.map((r) => <option key={r} value={r}>{t.text(`role.${r}`)}</option>)}
            </select>
          </label>
          <label>{t('status')}
            <select name="statusFilter" value={filters.status} onChange={(e) => filter('status')(e.target.value)}>
              <option value="">{t('all')}</option>
              <option value="active">{t('userStatus.active')}</option>
              <option value="disabled">{t('userStatus.disabled')}</option>
            </select>
          </label>
        </div>
        {users.error && <div className="error">{users.error.message}</div>}
        {notice && <div className="notice" role="status">{notice}</div>}
        {!users.data ? <p>{t('loading')}</p> : users.data.items.length === 0 ? <p className="muted">{t('none')}</p> : (
          <table className="grid-table" data-testid="users">
            <thead>
              <tr><th>{t('username')}</th><th>{t('displayName')}</th><th>{t('role')}</th><th>{t('unit')}</th><th>{t('status')}</th><th>{t('actions')}</th></tr>
            </thead>
            <tbody>
              {users.data.items.map((user) => <UserRow key={user.userName} user={user} onDone={setNotice} />)}
            </tbody>
          </table>
        )}
        <div className="toolbar pager">
          <button type="button" disabled={pages.length < 2} onClick={() => setPages((p) => p.slice(0, -1))}>{t('previousPage')}</button>
          <button type="button" disabled={!users.data?.next}
            onClick={() => { const next = users.data?.next; if (next) setPages((p) => [...p, next]); }}>{t('nextPage')}</button>
        </div>
      </section>
      <section className="card">
        <CreateUserForm onCreated={(name) => setNotice(t('userCreated', name))} />
      </section>
    </div>
  );
}
