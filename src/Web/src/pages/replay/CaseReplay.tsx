import { useEffect, useMemo, useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Background, Controls, ReactFlow } from '@xyflow/react';
import { useActivityTypes, useDefinitionVersion } from '../../api/hooks';
import { allOrgUnitsQuery, journalQuery, replayQuery, verifyQuery } from '../../api/queries';
import { toFlow } from '../../flow/convert';
import { nodeTypes } from '../../flow/nodeTypes';
import { useT } from '../../i18n/useT';
import ActorName from './ActorName';
import FollowActive from './FollowActive';
import StepDecided from './StepDecided';
import VerifyBadge from './VerifyBadge';
import { isPeopleAction, kindLabel } from './journalKinds';
import { pathTaken, stepIndex } from './replaySteps';

// One case's journal, stepped through on the flowchart version the case is pinned to.
export default function CaseReplay({ caseId }: { caseId: string }) {
  const t = useT();
  const journal = useQuery(journalQuery(caseId));
  const verify = useQuery(verifyQuery(caseId));
  const units = useQuery(allOrgUnitsQuery());
  const entries = journal.data;
  const [peopleOnly, setPeopleOnly] = useState(false);
  // The last entry until the user picks another.
  const [picked, setPicked] = useState<number | null>(null);
  const seq = picked ?? entries?.at(-1)?.seq ?? null;
  // Stepping keeps the chart of the step before until the next state arrives.
  const replay = useQuery({ ...replayQuery(caseId, seq ?? 0), enabled: seq !== null, placeholderData: keepPreviousData });
  const state = replay.data;
  const types = useActivityTypes();

  const pinned = state?.workflow ?? entries?.[0]?.definition;
  const doc = useDefinitionVersion(pinned);
  const active = state?.activeNodeIds ?? [];
  const activeKey = active.join(',');
  const path = useMemo(() => pathTaken(entries ?? [], seq ?? 0, doc?.connections ?? []), [entries, seq, doc]);
  const flow = useMemo(() => {
    if (!doc) return null;
    const base = toFlow(doc, types, { active: activeKey ? activeKey.split(',') : [], term: (o) => t.term(o) });
    return {
      nodes: base.nodes.map((n) => (path.nodes.includes(n.id) ? { ...n, className: 'path-taken' } : n)),
      edges: base.edges.map((e) => (path.edges.includes(e.id) ? { ...e, className: 'path-taken', animated: true } : e)),
    };
  }, [doc, types, activeKey, path, t]);

  const visible = useMemo(() => (entries ?? []).filter((e) => !peopleOnly || isPeopleAction(e)), [entries, peopleOnly]);
  const step = (delta: number) => {
    const next = stepIndex(visible, seq, delta);
    if (next !== null) setPicked(next);
  };
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.target instanceof HTMLElement && e.target.closest('input, select, textarea')) return;
      if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
      e.preventDefault();
      const next = stepIndex(visible, seq, e.key === 'ArrowLeft' ? -1 : 1);
      if (next !== null) setPicked(next);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [visible, seq]);

  const unitNames = useMemo(() => new Map((units.data ?? []).map((u) => [u.code, u.name])), [units.data]);
  const unitName = (code: string | null | undefined) => (code ? unitNames.get(code) ?? code : '—');
  const nodeTitle = (id: string | null) => (id ? doc?.nodes?.find((n) => n.id === id)?.title || id : '');

  const error = journal.error ?? replay.error;
  if (error) return <div className="error">{error.message}</div>;
  if (!entries) return <p>{t('loading')}</p>;
  const index = entries.findIndex((e) => e.seq === seq);
  const at = visible.findIndex((e) => e.seq === seq);
  const current = entries[index];

  return (
    <div className="replay-page">
      <div className="card replay-head">
        <h2>{t('replayTitle')}</h2>
        <span>{t('pinnedVersion')}: {pinned?.definitionId} v{pinned?.version}</span>
        <VerifyBadge verify={verify.data} />
        <div className="toolbar">
          <button type="button" onClick={() => step(-1)} disabled={at === 0}>◀ {t('back')}</button>
          <span data-testid="step">{t('step', index + 1, entries.length)}</span>
          <button type="button" onClick={() => step(1)} disabled={at === visible.length - 1}>{t('forward')} ▶</button>
          <span className="muted">{t('replayKeysHint')}</span>
          <label><input type="checkbox" checked={peopleOnly} onChange={(e) => setPeopleOnly(e.target.checked)} /> {t('replayPeopleOnly')}</label>
          <span>{t('activeNodes')}: <b data-testid="active-nodes">{active.join(', ') || '—'}</b></span>
        </div>
        {current && (
          <div className="replay-detail" data-testid="step-detail">
            <dl>
              <dt>{t('kind')}</dt><dd>{kindLabel(t.lang, current.kind)}{current.nodeId ? ` · ${nodeTitle(current.nodeId)}` : ''}</dd>
              <dt>{t('actor')}</dt><dd><ActorName actor={current.actor} />{current.actor.role ? ` · ${t.text(`role.${current.actor.role}`)}` : ''}{current.actor.unit ? ` · ${unitName(current.actor.unit)}` : ''}</dd>
              <dt>{t('replayDecided')}</dt><dd><StepDecided entry={current} /></dd>
              <dt>{t('replayAfterStep')}</dt>
              <dd data-testid="after-step">{t('responsibleUnit')} {unitName(state?.responsibleUnit)} · {t('replayFloor')} {state?.floor ? t.term(state.floor) : '—'}</dd>
            </dl>
          </div>
        )}
      </div>
      <div className="replay-body">
        <section className="card timeline">
          <h3>{t('timeline')}</h3>
          <table className="grid-table compact">
            <thead><tr><th>{t('seq')}</th><th>{t('time')}</th><th>{t('actor')}</th><th>{t('unit')}</th><th>{t('kind')}</th><th>{t('replayNodeTitle')}</th><th>{t('replayDecided')}</th></tr></thead>
            <tbody>
              {visible.map((e) => (
                <tr key={e.seq} className={e.seq === seq ? 'selected' : seq !== null && e.seq > seq ? 'future' : ''} onClick={() => setPicked(e.seq)}
                  data-seq={e.seq} data-kind={e.kind}>
                  <td>{e.seq}</td><td>{t.date(e.at)}</td>
                  <td><ActorName actor={e.actor} />{e.actor.role ? <small> · {t.text(`role.${e.actor.role}`)}</small> : null}</td>
                  <td>{e.actor.unit ? unitName(e.actor.unit) : ''}</td>
                  <td>{kindLabel(t.lang, e.kind)}</td><td>{nodeTitle(e.nodeId)}</td><td><StepDecided entry={e} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
        <section className="card canvas">
          {doc && flow && (
            <ReactFlow key={`${doc.id}@${doc.version}:${types.length}`} nodes={flow.nodes} edges={flow.edges} nodeTypes={nodeTypes} fitView minZoom={0.2}
              nodesDraggable={false} nodesConnectable={false} proOptions={{ hideAttribution: true }}>
              <Background />
              <Controls showInteractive={false} />
              <FollowActive nodeIds={activeKey} />
            </ReactFlow>
          )}
        </section>
      </div>
    </div>
  );
}
