import { useMemo, useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Background, Controls, ReactFlow } from '@xyflow/react';
import { useActivityTypes, useDefinitionVersion } from '../../api/hooks';
import { journalQuery, replayQuery, verifyQuery } from '../../api/queries';
import { toFlow } from '../../flow/convert';
import { nodeTypes } from '../../flow/nodeTypes';
import { useT } from '../../i18n/useT';
import VerifyBadge from './VerifyBadge';

// One case's journal, stepped through on the flowchart version the case is pinned to.
export default function CaseReplay({ caseId }: { caseId: string }) {
  const t = useT();
  const journal = useQuery(journalQuery(caseId));
  const verify = useQuery(verifyQuery(caseId));
  const entries = journal.data;
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
  const flow = useMemo(() => (doc ? toFlow(doc, types, { active: activeKey ? activeKey.split(',') : [] }) : null), [doc, types, activeKey]);

  const error = journal.error ?? replay.error;
  if (error) return <div className="error">{error.message}</div>;
  if (!entries) return <p>{t('loading')}</p>;
  const index = entries.findIndex((e) => e.seq === seq);
  const stepTo = (i: number) => {
    const entry = entries[Math.max(0, Math.min(entries.length - 1, i))];
    if (entry) setPicked(entry.seq);
  };

  return (
    <div className="replay-page">
      <div className="card replay-head">
        <h2>{t('replayTitle')}</h2>
        <span>{t('pinnedVersion')}: {pinned?.definitionId} v{pinned?.version}</span>
        <VerifyBadge verify={verify.data} />
        <div className="toolbar">
          <button type="button" onClick={() => stepTo(index - 1)} disabled={index <= 0}>◀ {t('back')}</button>
          <span data-testid="step">{t('step', index + 1, entries.length)}</span>
          <button type="button" onClick={() => stepTo(index + 1)} disabled={index >= entries.length - 1}>{t('forward')} ▶</button>
          <span>{t('activeNodes')}: <b data-testid="active-nodes">{active.join(', ') || '—'}</b></span>
        </div>
      </div>
      <div className="replay-body">
        <section className="card timeline">
          <h3>{t('timeline')}</h3>
          <table className="grid-table compact">
            <thead><tr><th>{t('seq')}</th><th>{t('time')}</th><th>{t('actor')}</th><th>{t('unit')}</th><th>{t('kind')}</th><th>{t('node')}</th><th>{t('rule')}</th></tr></thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.seq} className={e.seq === seq ? 'selected' : seq !== null && e.seq > seq ? 'future' : ''} onClick={() => setPicked(e.seq)} data-seq={e.seq}>
                  <td>{e.seq}</td><td>{t.date(e.at)}</td><td>{e.actor.userId}</td><td>{e.actor.unit}</td>
                  <td>{t.term(e.kind)}</td><td>{e.nodeId}</td><td>{e.rule ?? ''}</td>
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
            </ReactFlow>
          )}
        </section>
      </div>
    </div>
  );
}
