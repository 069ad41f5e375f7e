import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  addEdge, applyEdgeChanges, applyNodeChanges, Background, Controls, MiniMap, ReactFlow, useNodesInitialized, useReactFlow,
  type Connection as FlowConnection, type EdgeChange, type NodeChange,
} from '@xyflow/react';
import { useQueryClient } from '@tanstack/react-query';
import { useBlocker } from 'react-router';
import { ApiError } from '../../api/client';
import { usePublish, useSaveDraft, useValidateDraft } from '../../api/mutations';
import { diffQuery, versionQuery, versionsQuery } from '../../api/queries';
import type { ActivityType, DefinitionNode, DefinitionProblem, VersionSummary } from '../../api/types';
import { edgeOf, fromFlow, outcomesOf, toFlow, type ActivityFlowNode, type OutcomeEdge } from '../../flow/convert';
import { layoutLayered } from '../../flow/layout';
import { freePosition } from '../../flow/placement';
import { nodeTypes } from '../../flow/nodeTypes';
import { useT } from '../../i18n/useT';
import ConfirmBox from './ConfirmBox';
import DiffLegend from './DiffLegend';
import { diffView, type DiffMarks, type EditorView } from './editorView';
import NodeProperties from './NodeProperties';
import NodeSearch from './NodeSearch';
import PublishPreview from './PublishPreview';
import { diffBase } from './publishPreview';
import { forgetUnsaved, keepUnsaved } from './unsavedDraft';
import { useUndoHistory } from './useUndoHistory';

interface Props {
  definitionId: string;
  initial: EditorView;
  types: ActivityType[];
  onEditDraft: () => void;
  onPublished: (notice: string) => Promise<void>;
}

interface Snapshot {
  nodes: ActivityFlowNode[];
  edges: OutcomeEdge[];
}

interface Message {
  bad: boolean;
  text: string;
}

interface Preview {
  versions: VersionSummary[];
  base: number | null;
  diff: DiffMarks | null;
}

const isFormField = (target: EventTarget | null) => target instanceof HTMLElement && ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);

// The canvas with its toolbar (validate, save, publish, undo, auto-layout), the palette and the properties panel.
export default function Editor({ definitionId, initial, types, onEditDraft, onPublished }: Props) {
  const t = useT();
  const byType = useMemo(() => new Map(types.map((d) => [d.type, d])), [types]);
  const start = useMemo(() => {
    const flow = toFlow(initial.doc, types, { changed: initial.diff?.changed ?? {}, term: (o) => t.term(o) });
    const edgeChanges = initial.diff?.edgeChanges ?? {};
    return { nodes: flow.nodes, edges: flow.edges.map((e) => (edgeChanges[e.id] ? { ...e, className: `edge-${edgeChanges[e.id]}` } : e)) };
  }, [initial.doc, initial.diff, types, t]);
  const [nodes, setNodes] = useState(start.nodes);
  const [edges, setEdges] = useState(start.edges);
  const [problems, setProblems] = useState<DefinitionProblem[]>(initial.problems);
  const [message, setMessage] = useState<Message | null>(null);
  const [changeNote, setChangeNote] = useState('');
  const [noteMissing, setNoteMissing] = useState(false);
  const editable = initial.editable;
  const validateDraft = useValidateDraft(definitionId);
  const saveDraft = useSaveDraft(definitionId);
  const publishDraft = usePublish(definitionId);
  const client = useQueryClient();
  const [preview, setPreview] = useState<Preview | null>(null);

  const restore = useCallback((snapshot: Snapshot) => { setNodes(snapshot.nodes); setEdges(snapshot.edges); }, []);
  const { remember, undo, redo, canUndo, canRedo, revision } = useUndoHistory<Snapshot>({ nodes, edges }, restore);
  useEffect(() => {
    if (!editable) return undefined;
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || isFormField(e.target)) return;
      const key = e.key.toLowerCase();
      if (key === 'z' && !e.shiftKey) { e.preventDefault(); undo(); }
      else if (key === 'y' || (key === 'z' && e.shiftKey)) { e.preventDefault(); redo(); }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [editable, undo, redo]);

  const connections = useMemo(() => edges.map((e) => ({ from: e.source, outcome: e.sourceHandle ?? '', to: e.target })), [edges]);
  const shownNodes = useMemo(() => nodes.map((n) => {
    const descriptor = byType.get(n.data.node.type);
    return {
      ...n,
      data: {
        ...n.data,
        descriptor,
        outcomes: outcomesOf(n.data.node, descriptor, connections),
        problems: problems.filter((p) => p.nodeIds?.includes(n.id)),
      },
    };
  }), [nodes, byType, connections, problems]);

  const onNodesChange = useCallback((changes: NodeChange<ActivityFlowNode>[]) => {
    if (editable && changes.some((c) => c.type === 'remove')) remember();
    // Read-only views still take selection and the measured sizes (without them React Flow keeps nodes hidden).
    setNodes((ns) => applyNodeChanges(editable ? changes : changes.filter((c) => c.type === 'select' || c.type === 'dimensions'), ns));
  }, [editable, remember]);
  const onEdgesChange = useCallback((changes: EdgeChange<OutcomeEdge>[]) => {
    if (editable && changes.some((c) => c.type === 'remove')) remember();
    setEdges((es) => applyEdgeChanges(editable ? changes : changes.filter((c) => c.type === 'select'), es));
  }, [editable, remember]);
  // One outcome leads to one node: a new connection from a port replaces the old one.
  const connect = useCallback((from: string, outcome: string, to: string) => {
    remember();
    setEdges((es) => {
      const rest = es.filter((e) => !(e.source === from && e.sourceHandle === outcome));
      return to ? addEdge(edgeOf({ from, outcome, to }, (o) => t.term(o)), rest) : rest;
    });
  }, [remember, t]);
  const onConnect = useCallback((c: FlowConnection) => connect(c.source, c.sourceHandle ?? '', c.target), [connect]);

  const currentDoc = useMemo(() => fromFlow(initial.doc, nodes, edges), [initial.doc, nodes, edges]);
  const currentDocument = () => currentDoc;
  // Unsaved: the canvas says something else than the saved draft. Every such state is kept in the browser, and forgotten
  // once saved (or undone back to the saved state).
  const [savedText, setSavedText] = useState(() => {
    if (!initial.saved) return JSON.stringify(fromFlow(initial.doc, start.nodes, start.edges));
    const saved = toFlow(initial.saved, types);
    return JSON.stringify(fromFlow(initial.saved, saved.nodes, saved.edges));
  });
  const dirty = editable && JSON.stringify(currentDoc) !== savedText;
  const keptOnce = useRef(false);
  useEffect(() => {
    if (dirty) { keepUnsaved(localStorage, definitionId, currentDoc); keptOnce.current = true; }
    else if (keptOnce.current) forgetUnsaved(localStorage, definitionId);
  }, [dirty, currentDoc, definitionId]);
  useEffect(() => {
    if (!dirty) return undefined;
    const onLeave = (e: BeforeUnloadEvent) => { e.preventDefault(); };
    window.addEventListener('beforeunload', onLeave);
    return () => window.removeEventListener('beforeunload', onLeave);
  }, [dirty]);
  const blocker = useBlocker(dirty);
  const markSaved = (doc: typeof currentDoc) => { setSavedText(JSON.stringify(doc)); forgetUnsaved(localStorage, definitionId); };
  const selectedNode = nodes.find((n) => n.selected);
  const selectedEdge = edges.find((e) => e.selected);

  const { fitView, setCenter } = useReactFlow();
  const findNode = (id: string) => {
    const found = nodes.find((n) => n.id === id);
    if (!found) return;
    selectNode(id);
    void setCenter(found.position.x + (found.measured?.width ?? 0) / 2, found.position.y + (found.measured?.height ?? 0) / 2, { zoom: 1.2, duration: 300 });
  };
  const measured = useNodesInitialized();
  // Fit once the nodes have their real sizes (ports appear when the palette has loaded).
  useEffect(() => { if (measured) void fitView(); }, [measured, types.length, fitView]);
  const fitSoon = () => setTimeout(() => void fitView({ duration: 200 }), 50);

  const addNode = (type: ActivityType) => {
    const ids = new Set(nodes.map((n) => n.id));
    let k = 1;
    while (ids.has(`${type.type.toLowerCase()}_${k}`)) k += 1;
    const id = `${type.type.toLowerCase()}_${k}`;
    const anchor = selectedNode?.position ?? { x: 0, y: Math.max(0, ...nodes.map((n) => n.position.y)) };
    const node: DefinitionNode = { id, type: type.type, title: type.title, props: {} };
    // Beside the selected node (or below the lowest), in the nearest free space: never on top of another node.
    const position = freePosition({ x: anchor.x + 60, y: anchor.y + 140 }, nodes);
    remember();
    setNodes((ns) => [...ns.map((n) => ({ ...n, selected: false })), {
      id, type: 'activity', selected: true, position, data: { node, outcomes: [], problems: [] },
    }]);
    fitSoon();
  };

  const selectNode = (id: string | undefined) => { if (id) setNodes((ns) => ns.map((n) => ({ ...n, selected: n.id === id }))); };
  const updateNode = (id: string, patch: Partial<DefinitionNode>, key?: string) => {
    remember(key ? `${id}:${key}` : null);
    setNodes((ns) => ns.map((n) => (n.id === id ? { ...n, data: { ...n.data, node: { ...n.data.node, ...patch } } } : n)));
  };
  const deleteEdge = (id: string) => { remember(); setEdges((es) => es.filter((e) => e.id !== id)); };
  const autoLayout = () => {
    remember();
    setNodes((ns) => layoutLayered(ns, edges));
    fitSoon();
  };
  const deleteNode = (id: string) => {
    remember();
    setNodes((ns) => ns.filter((n) => n.id !== id));
    setEdges((es) => es.filter((e) => e.source !== id && e.target !== id));
  };

  const run = async (work: () => Promise<void>) => {
    setMessage(null);
    try {
      await work();
    } catch (e) {
      const problem = e instanceof ApiError ? e.problem : undefined;
      if (problem?.problems) setProblems(problem.problems);
      const text = problem?.errors ? Object.values(problem.errors).flat().join(' ') : problem?.title || (e instanceof Error ? e.message : String(e));
      setMessage({ bad: true, text });
    }
  };
  const validate = () => run(async () => {
    const result = await validateDraft.mutateAsync(currentDocument());
    setProblems(result.problems);
    setMessage({ bad: !result.valid, text: result.valid ? t('noProblems') : `${t('problems')}: ${result.problems.length}` });
  });
  const save = () => run(async () => {
    const doc = currentDocument();
    const result = await saveDraft.mutateAsync(doc);
    markSaved(doc);
    setProblems(result.problems);
    setMessage({ bad: false, text: `${t('saved')} · ${t('problems')}: ${result.problems.length}` });
  });
  // Publishing is previewed first: the valid draft is saved, then compared with the current version, with the open cases
  // that stay on each older version; only a confirmation publishes.
  const publish = () => run(async () => {
    if (!changeNote.trim()) { setNoteMissing(true); return; }
    // Validate before saving: a refused publish leaves the saved draft as it was (the edits stay on screen and in the browser).
    const doc = currentDocument();
    const check = await validateDraft.mutateAsync(doc);
    if (!check.valid) {
      setProblems(check.problems);
      setMessage({ bad: true, text: `${t('publishRefused')} · ${t('problems')}: ${check.problems.length}` });
      return;
    }
    await saveDraft.mutateAsync(doc);
    markSaved(doc);
    const versions = await client.fetchQuery({ ...versionsQuery(definitionId), staleTime: 0 });
    const base = diffBase(versions);
    let diff: DiffMarks | null = null;
    if (base !== null) {
      const [comparison, baseDoc] = await Promise.all([
        client.fetchQuery({ ...diffQuery(definitionId, String(base), 'draft'), staleTime: 0 }), client.fetchQuery(versionQuery(definitionId, base))]);
      diff = diffView(comparison, baseDoc, doc).diff;
    }
    setPreview({ versions, base, diff });
  });
  const confirmPublish = () => run(async () => {
    setPreview(null);
    const published = await publishDraft.mutateAsync(changeNote);
    await onPublished(t('published', published.version));
  });

  const selectedDescriptor = selectedNode && byType.get(selectedNode.data.node.type);
  return (
    <>
      <section className="card canvas-area">
        <div className="toolbar">
          <b>{initial.doc.name}</b> <span className="tag" data-testid="view-label">{initial.label}</span>
          <span className="tag">{editable ? t('editing') : t('viewing')}</span>
          {dirty && <span className="tag unsaved" data-testid="unsaved-mark">{t('unsavedMark')}</span>}
          {editable ? (
            <>
              <button type="button" onClick={() => void validate()}>{t('validate')}</button>
              <button type="button" onClick={() => void save()}>{t('saveDraft')}</button>
              <input className="note-input" name="changeNote" placeholder={t('changeNote')} value={changeNote}
                onChange={(e) => { setChangeNote(e.target.value); setNoteMissing(false); }} />
              <button type="button" className="primary" onClick={() => void publish()}>{t('publish')}</button>
            </>
          ) : <button type="button" onClick={onEditDraft}>{t('editDraft')}</button>}
          <NodeSearch nodes={nodes.map((n) => n.data.node)} onFind={findNode} />
          {editable && (
            <span className="toolbar-group">
              <button type="button" title="Ctrl+Z" disabled={!canUndo} onClick={undo}>↶ {t('undo')}</button>
              <button type="button" title="Ctrl+Y" disabled={!canRedo} onClick={redo}>↷ {t('redo')}</button>
              <button type="button" onClick={autoLayout}>{t('autoLayout')}</button>
            </span>
          )}
        </div>
        {blocker.state === 'blocked' && (
          <ConfirmBox text={t('leaveUnsaved')} confirmLabel={t('leave')} cancelLabel={t('stay')} onConfirm={() => blocker.proceed()} onCancel={() => blocker.reset()} />
        )}
        {preview && (
          <PublishPreview versions={preview.versions} base={preview.base} diff={preview.diff} changeNote={changeNote}
            onConfirm={() => void confirmPublish()} onCancel={() => setPreview(null)} />
        )}
        {initial.diff && <DiffLegend diff={initial.diff} />}
        {noteMissing && <div className="field-error">{t('changeNoteRequired')}</div>}
        {message && <div className={message.bad ? 'error' : 'notice'} role="status">{message.text}</div>}
        <div className="canvas">
          <ReactFlow nodes={shownNodes} edges={edges} nodeTypes={nodeTypes} onNodesChange={onNodesChange} onEdgesChange={onEdgesChange}
            onConnect={onConnect} nodesConnectable={editable} onNodeDragStart={editable ? () => remember() : undefined} fitView minZoom={0.2}
            proOptions={{ hideAttribution: true }} deleteKeyCode={editable ? ['Delete', 'Backspace'] : null}>
            <Background />
            <Controls position="top-right" />
            <MiniMap pannable zoomable position="bottom-right" ariaLabel={t('minimap')} />
          </ReactFlow>
        </div>
        {problems.length > 0 && (
          <ul className="problems" data-testid="problems">
            {problems.map((p, i) => (
              <li key={i} data-nodes={p.nodeIds?.join(',')} onClick={() => selectNode(p.nodeIds?.[0])}><code>{p.code}</code> {p.message}</li>
            ))}
          </ul>
        )}
      </section>
      <aside className="card side right">
        {editable && (
          <>
            <h3>{t('palette')}</h3>
            <p className="muted small">{t('addHint')}</p>
            <div className="palette">
              {types.map((type) => (
                <button type="button" key={type.type} data-activity-type={type.type} title={type.description} onClick={() => addNode(type)}>
                  {t.lang === 'en' ? type.titleEn : type.title}
                </button>
              ))}
            </div>
          </>
        )}
        <h3>{t('properties')}</h3>
        {selectedNode ? (
          <NodeProperties key={`${selectedNode.id}@${revision}`} node={selectedNode.data.node} editable={editable} nodes={nodes}
            outcomes={outcomesOf(selectedNode.data.node, selectedDescriptor, connections)} connections={connections}
            problems={problems.filter((p) => p.nodeIds?.includes(selectedNode.id))}
            onChange={(patch, key) => updateNode(selectedNode.id, patch, key)} onConnect={(outcome, to) => connect(selectedNode.id, outcome, to)}
            onDelete={() => deleteNode(selectedNode.id)} schema={selectedDescriptor?.propertySchema} />
        ) : selectedEdge ? (
          <div>
            <p>{selectedEdge.source} —{selectedEdge.sourceHandle}→ {selectedEdge.target}</p>
            {editable && <button type="button" onClick={() => deleteEdge(selectedEdge.id)}>{t('deleteEdge')}</button>}
          </div>
        ) : <p className="muted small">{t('selectNode')}</p>}
      </aside>
    </>
  );
}
