import { useEffect, useMemo, useState } from 'react';
import { ReactFlow, Background, Controls } from '@xyflow/react';
import { api } from '../api.js';
import { useT } from '../i18n.jsx';
import { navigate } from '../nav.js';
import { nodeTypes, toFlow } from '../flow.jsx';
import { useActivityTypes, useDefinitionVersion } from '../definitions.js';

export default function Replay({ caseId }) {
  return caseId ? <CaseReplay caseId={caseId} /> : <CaseList />;
}

function CaseList() {
  const t = useT();
  const [events, setEvents] = useState(null);
  const [error, setError] = useState(null);
  useEffect(() => { api('/api/events?pageSize=100').then((page) => setEvents(page.items)).catch((e) => setError(e.message)); }, []);
  return (
    <section className="card">
      <h2>{t('caseList')}</h2>
      {error && <div className="error">{error}</div>}
      {!events ? <p>{t('loading')}</p> : events.length === 0 ? <p className="muted">{t('none')}</p> : (
        <table className="grid-table">
          <thead><tr><th>{t('caseNumber')}</th><th>{t('caseTitle')}</th><th>{t('filterStatus')}</th><th>{t('responsibleUnit')}</th><th>{t('reportedAt')}</th><th /></tr></thead>
          <tbody>
            {events.map((e) => (
              <tr key={e.id} data-case-number={e.number}>
                <td>{e.number}</td><td>{e.title}</td><td>{t.term(e.status)}</td><td>{e.responsibleUnit}</td><td>{t.date(e.reportedAt)}</td>
                <td><button type="button" onClick={() => navigate(`/replay/${e.id}`)}>{t('open')}</button></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function VerifyBadge({ verify }) {
  const t = useT();
  if (!verify) return null;
  const good = verify.chainValid && verify.replayMatches;
  return (
    <span className={`badge ${good ? 'good' : 'bad'}`} data-testid="verify-badge">
      {good ? `✔ ${t('verifyOk')}` : `✘ ${t('verifyBad', verify.firstBadSeq ?? '?')}`}
      <small> · {t('chainValid')} {verify.chainValid ? t('ok') : t('bad')} · {t('replayMatches')} {verify.replayMatches ? t('ok') : t('bad')}</small>
    </span>
  );
}

function CaseReplay({ caseId }) {
  const t = useT();
  const [journal, setJournal] = useState(null);
  const [verify, setVerify] = useState(null);
  const [seq, setSeq] = useState(null);
  const [state, setState] = useState(null);
  const [error, setError] = useState(null);
  const types = useActivityTypes();

  useEffect(() => {
    api(`/api/events/${caseId}/journal`).then((entries) => { setJournal(entries); setSeq(entries.at(-1)?.seq ?? null); })
      .catch((e) => setError(e.message));
    api(`/api/events/${caseId}/journal/verify`).then(setVerify).catch(() => setVerify(null));
  }, [caseId]);
  useEffect(() => {
    if (seq == null) return;
    api(`/api/events/${caseId}/replay?at=${seq}`).then(setState).catch((e) => setError(e.message));
  }, [caseId, seq]);

  const pinned = state?.workflow || journal?.[0]?.definition;
  const doc = useDefinitionVersion(pinned?.definitionId, pinned?.version);
  const active = state?.activeNodeIds || [];
  const flow = useMemo(() => (doc ? toFlow(doc, types, { active }) : null), [doc, types, active.join(',')]); // eslint-disable-line react-hooks/exhaustive-deps

  if (error) return <div className="error">{error}</div>;
  if (!journal) return <p>{t('loading')}</p>;
  const index = journal.findIndex((e) => e.seq === seq);
  const stepTo = (i) => setSeq(journal[Math.max(0, Math.min(journal.length - 1, i))].seq);

  return (
    <div className="replay-page">
      <div className="card replay-head">
        <h2>{t('replayTitle')}</h2>
        <span>{t('pinnedVersion')}: {pinned?.definitionId} v{pinned?.version}</span>
        <VerifyBadge verify={verify} />
        <div className="toolbar">
          <button type="button" onClick={() => stepTo(index - 1)} disabled={index <= 0}>◀ {t('back')}</button>
          <span data-testid="step">{t('step', index + 1, journal.length)}</span>
          <button type="button" onClick={() => stepTo(index + 1)} disabled={index >= journal.length - 1}>{t('forward')} ▶</button>
          <span>{t('activeNodes')}: <b data-testid="active-nodes">{active.join(', ') || '—'}</b></span>
        </div>
      </div>
      <div className="replay-body">
        <section className="card timeline">
          <h3>{t('timeline')}</h3>
          <table className="grid-table compact">
            <thead><tr><th>{t('seq')}</th><th>{t('time')}</th><th>{t('actor')}</th><th>{t('unit')}</th><th>{t('kind')}</th><th>{t('node')}</th><th>{t('rule')}</th></tr></thead>
            <tbody>
              {journal.map((e) => (
                <tr key={e.seq} className={e.seq === seq ? 'selected' : e.seq > seq ? 'future' : ''} onClick={() => setSeq(e.seq)} data-seq={e.seq}>
                  <td>{e.seq}</td><td>{t.date(e.at)}</td><td>{e.actor?.userId}</td><td>{e.actor?.unit}</td>
                  <td>{t.term(e.kind)}</td><td>{e.nodeId}</td><td>{typeof e.rule === 'string' ? e.rule : e.rule ? JSON.stringify(e.rule) : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
        <section className="card canvas">
          {flow && (
            <ReactFlow key={`${doc.id}@${doc.version}:${types.length}`} nodes={flow.nodes} edges={flow.edges} nodeTypes={nodeTypes} fitView minZoom={0.2}
              nodesDraggable={false} nodesConnectable={false} proOptions={{ hideAttribution: true }}>
              <Background />
              <Controls showInteractive={false} />
            </ReactFlow>
          )}
        </section>
      </div>
    </div>
  );
}
