import { useCallback, useEffect, useState } from 'react';
import { api, ApiError } from '../api.js';
import { useT } from '../i18n.jsx';
import { navigate } from '../nav.js';
import { fetchVersion, useDefinitionVersion } from '../definitions.js';

// The pinned workflow of a case never changes: one fetch per case for the whole session.
const pinned = new Map();
function fetchPinned(eventId) {
  if (!pinned.has(eventId)) pinned.set(eventId, api(`/api/events/${eventId}`).then((e) => e.workflow).catch(() => null));
  return pinned.get(eventId);
}

// Step titles of the listed tasks, from each case's pinned definition version: { [taskId]: title }.
function useStepTitles(tasks) {
  const [titles, setTitles] = useState({});
  useEffect(() => {
    let live = true;
    (tasks || []).forEach(async (task) => {
      try {
        const workflow = await fetchPinned(task.eventId);
        if (!workflow) return;
        const doc = await fetchVersion(workflow.definitionId, workflow.version);
        const title = doc?.nodes?.find((n) => n.id === task.nodeId)?.title;
        if (live && title) setTitles((old) => (old[task.id] === title ? old : { ...old, [task.id]: title }));
      } catch {
        // the form id stays
      }
    });
    return () => { live = false; };
  }, [tasks]);
  return titles;
}

function useNow(intervalMs = 1000) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

function deadlineState(task, now) {
  if (task.overdue || (task.dueAt && new Date(task.dueAt) <= now)) return 'overdue';
  if (task.warned || (task.warnAt && new Date(task.warnAt) <= now)) return 'warning';
  return 'ok';
}

function Countdown({ task, now }) {
  const t = useT();
  if (!task.dueAt) return <span>—</span>;
  const left = new Date(task.dueAt) - now;
  const state = deadlineState(task, now);
  return (
    <span className={`countdown ${state}`}>
      {state === 'overdue' ? `${t('overdue')} ${t.duration(left)}` : `${t('remaining')} ${t.duration(left)}`}
      {state === 'warning' && ` · ${t('warning')}`}
    </span>
  );
}

// The user's county catalogue: categories and which category each item code belongs to (none above county level).
function useCatalogue() {
  const [catalogue, setCatalogue] = useState({ categories: [], categoryOf: {} });
  useEffect(() => {
    let live = true;
    api('/api/catalogue').then((c) => {
      if (!live) return;
      const categoryOf = {};
      (c?.categories || []).forEach((category) => (category.items || []).forEach((item) => { categoryOf[item.code] = category.code; }));
      setCatalogue({ categories: c?.categories || [], categoryOf });
    }).catch(() => {});
    return () => { live = false; };
  }, []);
  return catalogue;
}

// A case's category: from the catalogue, else the item code's prefix (QS-01-001 → QS-01).
function categoryOfTask(task, categoryOf) {
  const code = task.event?.catalogueItemCode;
  if (!code) return null;
  return categoryOf[code] || code.split('-').slice(0, -1).join('-');
}

export default function Queue({ session }) {
  const t = useT();
  const now = useNow();
  const [status, setStatus] = useState('Open');
  const [overdueOnly, setOverdueOnly] = useState(false);
  const [category, setCategory] = useState('');
  const [sort, setSort] = useState('dueAt');
  const catalogue = useCatalogue();
  const [tasks, setTasks] = useState(null);
  const [error, setError] = useState(null);
  const [selectedId, setSelectedId] = useState(null);
  const [notice, setNotice] = useState(null);

  const load = useCallback(async () => {
    const query = new URLSearchParams({ sort, pageSize: '100' });
    if (status) query.set('status', status);
    if (overdueOnly) query.set('overdue', 'true');
    try {
      const page = await api(`/api/tasks?${query}`);
      setTasks(page.items);
      setError(null);
    } catch (e) {
      setError(e.message);
    }
  }, [status, overdueOnly, sort]);

  useEffect(() => { load(); }, [load]);
  const shown = tasks && (category ? tasks.filter((task) => categoryOfTask(task, catalogue.categoryOf) === category) : tasks);
  const selected = shown?.find((task) => task.id === selectedId) || null;
  const stepTitles = useStepTitles(tasks);
  const categoryName = Object.fromEntries(catalogue.categories.map((c) => [c.code, c.name]));

  return (
    <div className="queue-page">
      <section className="card queue-list">
        <div className="toolbar">
          <h2>{t('queueTitle')}</h2>
          <label>{t('filterStatus')}
            <select value={status} onChange={(e) => setStatus(e.target.value)}>
              <option value="">{t('all')}</option>
              <option value="Open">{t('status.Open')}</option>
              <option value="Completed">{t('status.Completed')}</option>
            </select>
          </label>
          {catalogue.categories.length > 0 && (
            <label>{t('filterCategory')}
              <select name="category" value={category} onChange={(e) => setCategory(e.target.value)}>
                <option value="">{t('all')}</option>
                {catalogue.categories.map((c) => <option key={c.code} value={c.code}>{c.name}</option>)}
              </select>
            </label>
          )}
          <label>{t('sortBy')}
            <select name="sort" value={sort} onChange={(e) => setSort(e.target.value)}>
              <option value="dueAt">{t('sort.dueAt')}</option>
              <option value="openedAt">{t('sort.openedAt')}</option>
              <option value="-openedAt">{t('sort.-openedAt')}</option>
            </select>
          </label>
          <label className="inline"><input type="checkbox" checked={overdueOnly} onChange={(e) => setOverdueOnly(e.target.checked)} />{t('filterOverdue')}</label>
          <button type="button" onClick={load}>{t('refresh')}</button>
        </div>
        {error && <div className="error">{error}</div>}
        {notice && <div className="notice" role="status">{notice}</div>}
        {!shown ? <p>{t('loading')}</p> : shown.length === 0 ? <p className="muted">{t('none')}</p> : (
          <table className="grid-table">
            <thead>
              <tr><th>{t('caseNumber')}</th><th>{t('caseTitle')}</th><th>{t('node')}</th><th>{t('category')}</th><th>{t('dueAt')}</th><th>{t('countdown')}</th><th>{t('claimedBy')}</th></tr>
            </thead>
            <tbody>
              {shown.map((task) => (
                <tr key={task.id} data-task-id={task.id} data-case-number={task.event?.number} data-category={categoryOfTask(task, catalogue.categoryOf) || ''}
                  className={`${task.id === selectedId ? 'selected' : ''} row-${deadlineState(task, now)}`}
                  onClick={() => { setSelectedId(task.id); setNotice(null); }}>
                  <td>{task.event?.number}</td>
                  <td>{task.event?.title}</td>
                  <td title={task.nodeId}>{stepTitles[task.id] || task.form || task.nodeId}</td>
                  <td title={task.event?.catalogueItemCode}>{categoryName[categoryOfTask(task, catalogue.categoryOf)] || task.event?.catalogueItemCode || '—'}</td>
                  <td>{t.date(task.dueAt)}</td>
                  <td><Countdown task={task} now={now} /></td>
                  <td>{task.claimedBy || '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section className="card task-panel">
        {selected ? <TaskPanel key={selected.id} task={selected} session={session} onChanged={load} onNotice={setNotice} /> : <p className="muted">{t('selectTask')}</p>}
      </section>
    </div>
  );
}

function TaskPanel({ task, session, onChanged, onNotice }) {
  const t = useT();
  const [event, setEvent] = useState(null);
  const [error, setError] = useState(null);
  useEffect(() => { api(`/api/events/${task.eventId}`).then(setEvent).catch((e) => setError(e.message)); }, [task.eventId]);
  const version = useDefinitionVersion(event?.workflow?.definitionId, event?.workflow?.version);
  const node = version?.nodes?.find((n) => n.id === task.nodeId);

  const act = async (verb) => {
    setError(null);
    try {
      await api(`/api/tasks/${task.id}/${verb}`, { method: 'POST' });
      await onChanged();
    } catch (e) {
      setError(e.problem?.detail || e.message);
    }
  };

  const mine = task.claimedBy === session.username;
  return (
    <div>
      <h3>{task.event?.number} · {task.event?.title}</h3>
      {event && (
        <dl className="detail">
          <dt>{t('reportedAt')}</dt><dd>{t.date(event.reportedAt)}</dd>
          <dt>{t('channel')}</dt><dd>{t.term(event.channel)}</dd>
          <dt>{t('grid')}</dt><dd>{event.gridCode}</dd>
          <dt>{t('responsibleUnit')}</dt><dd>{event.responsibleUnit}</dd>
          <dt>{t('reporter')}</dt><dd>{event.reporter ? `${event.reporter.name || ''} ${event.reporter.phone || ''}` : '—'}</dd>
          <dt>{t('description')}</dt><dd>{event.description || '—'}</dd>
          <dt>{t('pinnedVersion')}</dt><dd>{event.workflow.definitionId} v{event.workflow.version}</dd>
        </dl>
      )}
      <div className="toolbar">
        {task.status === 'Open' && !task.claimedBy && <button type="button" className="primary" onClick={() => act('claim')}>{t('claim')}</button>}
        {task.status === 'Open' && mine && <button type="button" onClick={() => act('release')}>{t('release')}</button>}
        <button type="button" className="link" onClick={() => navigate(`/replay/${task.eventId}`)}>{t('openReplay')}</button>
      </div>
      {error && <div className="error" role="alert">{error}</div>}
      {session.role === 'Dispatcher' && event && task.status === 'Open' && (
        <ReassignForm event={event} onDone={async (unit) => { onNotice(`${task.event?.number} · ${t('reassigned', unit)}`); await onChanged(); }} />
      )}
      {task.status === 'Open' && (mine
        ? <TaskForm task={task} fields={node?.props?.fields || []} onDone={async () => { onNotice(`${task.event?.number} · ${t('completed')}`); await onChanged(); }} />
        : <p className="muted">{t('claimFirst')}</p>)}
    </div>
  );
}

function TaskForm({ task, fields, onDone }) {
  const t = useT();
  const [outcome, setOutcome] = useState('');
  const [values, setValues] = useState({});
  const [errors, setErrors] = useState({});
  const [busy, setBusy] = useState(false);
  const visible = fields.filter((f) => !outcome || !f.requiredFor || f.requiredFor.includes(outcome));

  const submit = async (e) => {
    e.preventDefault();
    const data = {};
    for (const field of visible) {
      const raw = values[field.name];
      if (raw === undefined || raw === '') continue;
      data[field.name] = field.type === 'int' || field.type === 'number' ? Number(raw) : raw;
    }
    setBusy(true);
    setErrors({});
    try {
      await api(`/api/tasks/${task.id}/complete`, {
        method: 'POST', body: { outcome, data }, headers: { 'Idempotency-Key': crypto.randomUUID?.() || `${task.id}-${Date.now()}` },
      });
      await onDone();
    } catch (err) {
      if (err instanceof ApiError) setErrors({ ...err.fieldErrors, _form: Object.keys(err.fieldErrors).length ? null : err.problem.detail || err.message });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="task-form" onSubmit={submit}>
      <fieldset>
        <legend>{t('outcome')}</legend>
        {task.outcomes.map((o) => (
          <label key={o} className="inline">
            <input type="radio" name="outcome" value={o} checked={outcome === o} onChange={() => setOutcome(o)} />{t.term(o)}
          </label>
        ))}
        {errors.outcome && <div className="field-error">{errors.outcome.join(' ')}</div>}
      </fieldset>
      {visible.map((field) => (
        <label key={field.name} className="field">
          <span>{t.term(field.name)}{field.requiredFor?.includes(outcome) && <em> *</em>}</span>
          {field.enum ? (
            <select name={field.name} value={values[field.name] ?? ''} onChange={(e) => setValues({ ...values, [field.name]: e.target.value })}>
              <option value="">—</option>
              {field.enum.map((v) => <option key={v} value={v}>{t.term(v)}</option>)}
            </select>
          ) : field.type === 'int' || field.type === 'number' ? (
            <input name={field.name} type="number" min={field.min} max={field.max} value={values[field.name] ?? ''}
              onChange={(e) => setValues({ ...values, [field.name]: e.target.value })} />
          ) : (
            <textarea name={field.name} maxLength={field.maxLength} rows={2} value={values[field.name] ?? ''}
              onChange={(e) => setValues({ ...values, [field.name]: e.target.value })} />
          )}
          {errors[field.name] && <span className="field-error" data-field-error={field.name}>{errors[field.name].join(' ')}</span>}
        </label>
      ))}
      {errors._form && <div className="error" role="alert">{errors._form}</div>}
      <button type="submit" className="primary" disabled={busy || !outcome}>{t('complete')}</button>
    </form>
  );
}

const levels = ['Grid', 'Village', 'Township', 'County', 'City'];

// Manual reassignment (改派) by a dispatcher; a push-down to a grid is refused by the API and shown plainly.
function ReassignForm({ event, onDone }) {
  const t = useT();
  const [level, setLevel] = useState('Township');
  const [units, setUnits] = useState([]);
  const [filter, setFilter] = useState('');
  const [unitCode, setUnitCode] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState({});
  const [refusal, setRefusal] = useState(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    setUnits([]);
    setUnitCode('');
    api(`/api/org-units?level=${level}`).then((list) => live && setUnits(list)).catch(() => live && setUnits([]));
    return () => { live = false; };
  }, [level]);

  const needle = filter.trim();
  const shown = (needle ? units.filter((u) => u.code.includes(needle) || u.name.includes(needle)) : units).slice(0, 500);

  const submit = async (e) => {
    e.preventDefault();
    setBusy(true);
    setErrors({});
    setRefusal(null);
    try {
      await api(`/api/events/${event.id}/reassign`, { method: 'POST', body: { unitCode, reason } });
      const unit = units.find((u) => u.code === unitCode);
      await onDone(unit ? `${unit.name}（${unit.code}）` : unitCode);
    } catch (err) {
      if (err instanceof ApiError && err.status === 409 && String(err.problem.type || '').endsWith('no-push-down')) {
        setRefusal(err.problem.detail || err.problem.title || '');
      } else if (err instanceof ApiError && Object.keys(err.fieldErrors).length) {
        setErrors(err.fieldErrors);
      } else {
        setErrors({ _form: [err.problem?.detail || err.message] });
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="reassign-form" data-testid="reassign" onSubmit={submit}>
      <h4>{t('reassign')}</h4>
      <p className="muted small">{t('reassignHint')} · {t('responsibleUnit')}：{event.responsibleUnit}</p>
      <div className="reassign-row">
        <label className="field"><span>{t('level')}</span>
          <select name="reassignLevel" value={level} onChange={(e) => setLevel(e.target.value)}>
            {levels.map((l) => <option key={l} value={l}>{t.term(l)}</option>)}
          </select>
        </label>
        <label className="field grow"><span>{t('searchUnit')}</span>
          <input name="unitFilter" value={filter} placeholder={t('searchUnitHint')} onChange={(e) => setFilter(e.target.value)} />
        </label>
      </div>
      <label className="field"><span>{t('targetUnit')}<em> *</em></span>
        <select name="unitCode" value={unitCode} onChange={(e) => setUnitCode(e.target.value)}>
          <option value="">{t('chooseUnit')}</option>
          {shown.map((u) => <option key={u.code} value={u.code}>{u.name}（{u.code}）</option>)}
        </select>
        {errors.unitCode && <span className="field-error" data-field-error="unitCode">{errors.unitCode.join(' ')}</span>}
      </label>
      <label className="field"><span>{t('reassignReason')}<em> *</em></span>
        <textarea name="reassignReason" rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />
        {errors.reason && <span className="field-error" data-field-error="reason">{errors.reason.join(' ')}</span>}
      </label>
      {refusal !== null && (
        <div className="error refusal" role="alert" data-testid="reassign-refusal">
          <b>{t('noPushDownTitle')}</b>
          <div>{t('noPushDownRule')}</div>
          {refusal && <div className="small">{t('apiSays')}：{refusal}</div>}
        </div>
      )}
      {errors._form && <div className="error" role="alert">{errors._form.join(' ')}</div>}
      <button type="submit" disabled={busy || !unitCode}>{t('reassignSubmit')}</button>
    </form>
  );
}
