import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ReactFlow, ReactFlowProvider, Background, Controls, addEdge, useNodesInitialized, useReactFlow, applyEdgeChanges, applyNodeChanges } from '@xyflow/react';
import { api, ApiError } from '../api.js';
import { useT } from '../i18n.jsx';
import { edgeOf, fromFlow, nodeTypes, outcomesOf, toFlow } from '../flow.jsx';
import { fetchVersion, useActivityTypes } from '../definitions.js';
import { SchemaFields } from '../schemaForm.jsx';

const enc = encodeURIComponent;

export default function Designer() {
  const t = useT();
  const types = useActivityTypes();
  const [definitions, setDefinitions] = useState([]);
  const [selectedId, setSelectedId] = useState(null);
  const [versions, setVersions] = useState([]);
  const [view, setView] = useState(null); // { doc, editable, label }
  const [error, setError] = useState(null);
  const [notice, setNotice] = useState(null);

  const loadDefinitions = useCallback(() => api('/api/workflow-definitions').then(setDefinitions).catch((e) => setError(e.message)), []);
  useEffect(() => { loadDefinitions(); }, [loadDefinitions]);

  const openDefinition = useCallback(async (id) => {
    setSelectedId(id);
    setError(null);
    setNotice(null);
    const [list, defs] = await Promise.all([api(`/api/workflow-definitions/${enc(id)}/versions`), api('/api/workflow-definitions')]);
    setVersions(list);
    setDefinitions(defs);
    const def = defs.find((d) => d.id === id);
    if (def?.hasDraft) {
      const draft = await api(`/api/workflow-definitions/${enc(id)}/draft`);
      setView({ doc: draft.definition, editable: true, problems: draft.problems || [], label: draft.basedOnVersion ? `${t('draft')} ← v${draft.basedOnVersion}` : t('draft'), key: `draft-${Date.now()}` });
    } else if (def?.latestVersion) {
      const doc = await fetchVersion(id, def.latestVersion);
      setView({ doc, editable: true, problems: [], label: `${t('draft')} ← v${def.latestVersion}`, key: `new-${Date.now()}` });
    }
  }, [t]);

  const viewVersion = async (v) => {
    const doc = await fetchVersion(selectedId, v);
    setView({ doc, editable: false, problems: [], label: `v${v}`, key: `v${v}` });
  };

  const rollback = async (v) => {
    try {
      await api(`/api/workflow-definitions/${enc(selectedId)}/versions/${v}/rollback`, { method: 'POST' });
      await openDefinition(selectedId);
      setNotice(t('rolledBack', v));
    } catch (e) {
      setError(e.problem?.detail || e.message);
    }
  };

  // Retiring asks once more in place; the API refuses (409) to retire the last published version.
  const [retiring, setRetiring] = useState(null);
  const retire = async (v) => {
    setError(null);
    setNotice(null);
    setRetiring(null);
    try {
      await api(`/api/workflow-definitions/${enc(selectedId)}/versions/${v}/retire`, { method: 'POST' });
      setVersions(await api(`/api/workflow-definitions/${enc(selectedId)}/versions`));
      setNotice(t('retired', v));
    } catch (e) {
      const type = String(e.problem?.type || '');
      const reason = type.endsWith('last-published') ? t('retireLastPublished', v) : type.endsWith('already-retired') ? t('retireAlreadyRetired', v) : e.problem?.detail;
      setError(e.status === 409 ? `${t('retireRefused', v)}${reason ? `：${reason}` : ''}` : e.problem?.detail || e.message);
    }
  };

  const selectedDefinition = definitions.find((d) => d.id === selectedId);
  const [diffFrom, setDiffFrom] = useState('');
  const [diffTo, setDiffTo] = useState('');
  const loadSide = (v) => (v === 'draft'
    ? api(`/api/workflow-definitions/${enc(selectedId)}/draft`).then((d) => d.definition)
    : fetchVersion(selectedId, Number(v)));
  const compare = async () => {
    setError(null);
    try {
      const [cmp, fromDoc, toDoc] = await Promise.all([
        api(`/api/workflow-definitions/${enc(selectedId)}/diff?from=${enc(diffFrom)}&to=${enc(diffTo)}`), loadSide(diffFrom), loadSide(diffTo)]);
      const changed = Object.fromEntries(cmp.nodes.filter((n) => n.change !== 'unchanged').map((n) => [n.id, n.change]));
      const removed = (fromDoc.nodes || []).filter((n) => changed[n.id] === 'removed');
      const removedConnections = cmp.connections.filter((c) => c.change === 'removed').map(({ from, outcome, to }) => ({ from, outcome, to }));
      const edgeChanges = Object.fromEntries(cmp.connections.filter((c) => c.change !== 'unchanged').map((c) => [`${c.from}:${c.outcome}->${c.to}`, c.change]));
      const doc = { ...toDoc, nodes: [...toDoc.nodes, ...removed], connections: [...toDoc.connections, ...removedConnections] };
      const label = (v) => (v === 'draft' ? t('draft') : `v${v}`);
      setView({ doc, editable: false, problems: [], label: `${t('diff')} ${label(diffFrom)} → ${label(diffTo)}`, key: `diff-${diffFrom}-${diffTo}-${Date.now()}`,
        diff: { changed, edgeChanges, nodes: cmp.nodes.filter((n) => n.change !== 'unchanged'), fields: cmp.fields } });
    } catch (e) {
      setError(e.problem?.detail || e.problem?.title || e.message);
    }
  };
  const sides = [...versions.map((v) => String(v.version)), ...(selectedDefinition?.hasDraft ? ['draft'] : [])];

  return (
    <div className="designer-page">
      <aside className="card side">
        <h3>{t('definitions')}</h3>
        <ul className="plain-list">
          {definitions.map((d) => (
            <li key={d.id}>
              <button type="button" className={`list-button ${d.id === selectedId ? 'current' : ''}`} data-definition={d.id} onClick={() => openDefinition(d.id)}>
                <b>{d.name}</b><br /><small>{d.id} · {t('latest')} v{d.latestVersion}{d.hasDraft ? ` · ${t('hasDraft')}` : ''}</small>
              </button>
            </li>
          ))}
        </ul>
        {selectedId && (
          <>
            <h3>{t('versions')}</h3>
            <ul className="plain-list versions" data-testid="versions">
              {[...versions].reverse().map((v) => (
                <li key={v.version} data-version={v.version}>
                  <b>v{v.version}</b> <small className={`version-status ${String(v.status).toLowerCase()}`} data-status={v.status}>{t(`versionStatus.${v.status}`)}</small><br />
                  <small>{v.publishedBy} · {t.date(v.publishedAt)}</small><br />
                  <small className="note">{v.changeNote}</small><br />
                  <button type="button" className="link" onClick={() => viewVersion(v.version)}>{t('view')}</button>
                  <button type="button" className="link" onClick={() => rollback(v.version)}>{t('rollback')}</button>
                  {v.status === 'Published' && (retiring === v.version ? (
                    <span className="retire-confirm">
                      <button type="button" className="link danger" onClick={() => retire(v.version)}>{t('retireConfirm', v.version)}</button>
                      <button type="button" className="link" onClick={() => setRetiring(null)}>{t('cancel')}</button>
                    </span>
                  ) : <button type="button" className="link" onClick={() => setRetiring(v.version)}>{t('retire')}</button>)}
                </li>
              ))}
            </ul>
            <h3>{t('diff')}</h3>
            <div className="diff-picker" data-testid="diff-picker">
              <select name="diffFrom" value={diffFrom} onChange={(e) => setDiffFrom(e.target.value)}>
                <option value="">{t('diffFrom')}</option>
                {sides.map((v) => <option key={v} value={v}>{v === 'draft' ? t('draft') : `v${v}`}</option>)}
              </select>
              <span>→</span>
              <select name="diffTo" value={diffTo} onChange={(e) => setDiffTo(e.target.value)}>
                <option value="">{t('diffTo')}</option>
                {sides.map((v) => <option key={v} value={v}>{v === 'draft' ? t('draft') : `v${v}`}</option>)}
              </select>
              <button type="button" disabled={!diffFrom || !diffTo || diffFrom === diffTo} onClick={compare}>{t('compare')}</button>
            </div>
          </>
        )}
        {error && <div className="error" role="alert" data-testid="designer-error">{error}</div>}
        {notice && <div className="notice" role="status">{notice}</div>}
      </aside>
      {view ? (
        <ReactFlowProvider key={view.key}>
          <Editor definitionId={selectedId} initial={view} types={types}
            onEditDraft={() => openDefinition(selectedId)} onPublished={async (text) => { await openDefinition(selectedId); setNotice(text); }} />
        </ReactFlowProvider>
      ) : <section className="card canvas muted">{t('designerTitle')}</section>}
    </div>
  );
}

function Editor({ definitionId, initial, types, onEditDraft, onPublished }) {
  const t = useT();
  const byType = useMemo(() => Object.fromEntries(types.map((d) => [d.type, d])), [types]);
  const start = useMemo(() => {
    const flow = toFlow(initial.doc, types, { changed: initial.diff?.changed || {} });
    const edgeChanges = initial.diff?.edgeChanges || {};
    return { nodes: flow.nodes, edges: flow.edges.map((e) => (edgeChanges[e.id] ? { ...e, className: `edge-${edgeChanges[e.id]}` } : e)) };
  }, [initial.doc, initial.diff, types]);
  const [nodes, setNodes] = useState(start.nodes);
  const [edges, setEdges] = useState(start.edges);
  const [problems, setProblems] = useState(initial.problems || []);
  const [message, setMessage] = useState(null);
  const [changeNote, setChangeNote] = useState('');
  const [noteMissing, setNoteMissing] = useState(false);
  const editable = initial.editable;

  // Undo/redo: snapshots of nodes and edges taken before each edit; typing in one field counts as one edit.
  const current = useRef({ nodes, edges });
  current.current = { nodes, edges };
  const past = useRef([]);
  const future = useRef([]);
  const lastEdit = useRef({ key: null, at: 0 });
  // `revision` re-creates the properties panel (only when undo/redo replaces what it shows); `steps` only
  // refreshes the undo/redo buttons, so typing in a field never loses the focus.
  const [revision, setRevision] = useState(0);
  const [steps, setSteps] = useState(0);
  const remember = useCallback((key = null) => {
    const now = Date.now();
    if (key && lastEdit.current.key === key && now - lastEdit.current.at < 1500) { lastEdit.current.at = now; return; }
    lastEdit.current = { key, at: now };
    past.current.push(current.current);
    if (past.current.length > 200) past.current.shift();
    future.current = [];
    setSteps((n) => n + 1);
  }, []);
  const travel = useCallback((from, to) => {
    const snapshot = from.current.pop();
    if (!snapshot) return;
    to.current.push(current.current);
    lastEdit.current = { key: null, at: 0 };
    setNodes(snapshot.nodes);
    setEdges(snapshot.edges);
    setRevision((r) => r + 1);
  }, []);
  const undo = useCallback(() => travel(past, future), [travel]);
  const redo = useCallback(() => travel(future, past), [travel]);
  useEffect(() => {
    if (!editable) return undefined;
    const onKey = (e) => {
      if (!(e.ctrlKey || e.metaKey)) return;
      const tag = e.target?.tagName;
      if (tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT') return;
      const key = e.key.toLowerCase();
      if (key === 'z' && !e.shiftKey) { e.preventDefault(); undo(); }
      else if (key === 'y' || (key === 'z' && e.shiftKey)) { e.preventDefault(); redo(); }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [editable, undo, redo]);

  const connections = useMemo(() => edges.map((e) => ({ from: e.source, outcome: e.sourceHandle, to: e.target })), [edges]);
  const shownNodes = useMemo(() => nodes.map((n) => ({
    ...n,
    data: {
      ...n.data,
      descriptor: byType[n.data.node.type],
      outcomes: outcomesOf(n.data.node, byType[n.data.node.type], connections),
      problems: problems.filter((p) => p.nodeIds?.includes(n.id)),
    },
  })), [nodes, byType, connections, problems]);

  const onNodesChange = useCallback((changes) => {
    if (editable && changes.some((c) => c.type === 'remove')) remember();
    // Read-only views still take selection and the measured sizes (without them React Flow keeps nodes hidden).
    setNodes((ns) => applyNodeChanges(editable ? changes : changes.filter((c) => c.type === 'select' || c.type === 'dimensions'), ns));
  }, [editable, remember]);
  const onEdgesChange = useCallback((changes) => {
    if (editable && changes.some((c) => c.type === 'remove')) remember();
    setEdges((es) => applyEdgeChanges(editable ? changes : changes.filter((c) => c.type === 'select'), es));
  }, [editable, remember]);
  // One outcome leads to one node: a new connection from a port replaces the old one.
  const connect = useCallback((from, outcome, to) => {
    remember();
    setEdges((es) => {
      const rest = es.filter((e) => !(e.source === from && e.sourceHandle === outcome));
      return to ? addEdge(edgeOf({ from, outcome, to }), rest) : rest;
    });
  }, [remember]);
  const onConnect = useCallback((c) => connect(c.source, c.sourceHandle, c.target), [connect]);

  const currentDocument = () => fromFlow(initial.doc, nodes, edges);
  const selectedNode = nodes.find((n) => n.selected);
  const selectedEdge = edges.find((e) => e.selected);

  const { fitView } = useReactFlow();
  const measured = useNodesInitialized();
  // Fit once the nodes have their real sizes (ports appear when the palette has loaded).
  useEffect(() => { if (measured) fitView(); }, [measured, types.length, fitView]);
  const addNode = (type) => {
    const ids = new Set(nodes.map((n) => n.id));
    let k = 1;
    while (ids.has(`${type.type.toLowerCase()}_${k}`)) k += 1;
    const id = `${type.type.toLowerCase()}_${k}`;
    const anchor = selectedNode?.position || { x: 0, y: Math.max(0, ...nodes.map((n) => n.position.y)) };
    const node = { id, type: type.type, title: type.title, props: {} };
    remember();
    setNodes((ns) => [...ns.map((n) => ({ ...n, selected: false })), {
      id, type: 'activity', selected: true, position: { x: anchor.x + 60, y: anchor.y + 140 }, data: { node },
    }]);
    setTimeout(() => fitView({ duration: 200 }), 50);
  };

  const selectNode = (id) => id && setNodes((ns) => ns.map((n) => ({ ...n, selected: n.id === id })));
  const updateNode = (id, patch, key = null) => {
    remember(key && `${id}:${key}`);
    setNodes((ns) => ns.map((n) => (n.id === id ? { ...n, data: { ...n.data, node: { ...n.data.node, ...patch } } } : n)));
  };
  const deleteEdge = (id) => { remember(); setEdges((es) => es.filter((e) => e.id !== id)); };
  const autoLayout = () => {
    remember();
    setNodes((ns) => layoutByDepth(ns, edges));
    setTimeout(() => fitView({ duration: 200 }), 50);
  };
  const deleteNode = (id) => {
    remember();
    setNodes((ns) => ns.filter((n) => n.id !== id));
    setEdges((es) => es.filter((e) => e.source !== id && e.target !== id));
  };

  const run = async (work) => {
    setMessage(null);
    try {
      await work();
    } catch (e) {
      if (e instanceof ApiError && e.problem.problems) setProblems(e.problem.problems);
      setMessage({ bad: true, text: e.problem?.errors ? Object.values(e.problem.errors).flat().join(' ') : e.problem?.title || e.message });
    }
  };
  const validate = () => run(async () => {
    const result = await api(`/api/workflow-definitions/${enc(definitionId)}/draft/validate`, { method: 'POST', body: currentDocument() });
    setProblems(result.problems);
    setMessage({ bad: !result.valid, text: result.valid ? t('noProblems') : `${t('problems')}: ${result.problems.length}` });
  });
  const save = () => run(async () => {
    const result = await api(`/api/workflow-definitions/${enc(definitionId)}/draft`, { method: 'PUT', body: currentDocument() });
    setProblems(result.problems);
    setMessage({ bad: false, text: `${t('saved')} · ${t('problems')}: ${result.problems.length}` });
  });
  const publish = () => run(async () => {
    if (!changeNote.trim()) { setNoteMissing(true); return; }
    await api(`/api/workflow-definitions/${enc(definitionId)}/draft`, { method: 'PUT', body: currentDocument() });
    const published = await api(`/api/workflow-definitions/${enc(definitionId)}/publish`, { method: 'POST', body: { changeNote } });
    await onPublished(t('published', published.version));
  });

  return (
    <>
      <section className="card canvas-area">
        <div className="toolbar">
          <b>{initial.doc.name}</b> <span className="tag" data-testid="view-label">{initial.label}</span>
          <span className="tag">{editable ? t('editing') : t('viewing')}</span>
          {editable ? (
            <>
              <button type="button" onClick={validate}>{t('validate')}</button>
              <button type="button" onClick={save}>{t('saveDraft')}</button>
              <input className="note-input" name="changeNote" placeholder={t('changeNote')} value={changeNote}
                onChange={(e) => { setChangeNote(e.target.value); setNoteMissing(false); }} />
              <button type="button" className="primary" onClick={publish}>{t('publish')}</button>
            </>
          ) : <button type="button" onClick={onEditDraft}>{t('editDraft')}</button>}
          {editable && (
            <span className="toolbar-group">
              <button type="button" title="Ctrl+Z" disabled={!past.current.length} onClick={undo} data-revision={revision} data-steps={steps}>↶ {t('undo')}</button>
              <button type="button" title="Ctrl+Y" disabled={!future.current.length} onClick={redo}>↷ {t('redo')}</button>
              <button type="button" onClick={autoLayout}>{t('autoLayout')}</button>
            </span>
          )}
        </div>
        {initial.diff && <DiffLegend diff={initial.diff} />}
        {noteMissing && <div className="field-error">{t('changeNoteRequired')}</div>}
        {message && <div className={message.bad ? 'error' : 'notice'} role="status">{message.text}</div>}
        <div className="canvas">
          <ReactFlow nodes={shownNodes} edges={edges} nodeTypes={nodeTypes} onNodesChange={onNodesChange} onEdgesChange={onEdgesChange}
            onConnect={onConnect} nodesConnectable={editable} onNodeDragStart={editable ? () => remember() : undefined} fitView minZoom={0.2} proOptions={{ hideAttribution: true }} deleteKeyCode={editable ? ['Delete', 'Backspace'] : null}>
            <Background />
            <Controls position="top-right" />
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
            outcomes={outcomesOf(selectedNode.data.node, byType[selectedNode.data.node.type], connections)} connections={connections}
            problems={problems.filter((p) => p.nodeIds?.includes(selectedNode.id))}
            onChange={(patch, key) => updateNode(selectedNode.id, patch, key)} onConnect={(outcome, to) => connect(selectedNode.id, outcome, to)}
            onDelete={() => deleteNode(selectedNode.id)} schema={byType[selectedNode.data.node.type]?.propertySchema} />
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

function NodeProperties({ node, editable, nodes, outcomes, connections, problems, onChange, onConnect, onDelete, schema }) {
  const t = useT();
  const [text, setText] = useState(JSON.stringify(node.props ?? {}, null, 2));
  const [jsonError, setJsonError] = useState(null);
  const [advanced, setAdvanced] = useState(false);
  const apply = () => {
    try {
      onChange({ props: JSON.parse(text) });
      setJsonError(null);
    } catch {
      setJsonError(t('invalidJson'));
    }
  };
  const fields = Object.entries(schema?.properties || {});
  return (
    <div className="properties" data-testid="properties">
      <label className="field"><span>{t('nodeId')}</span><input value={node.id} readOnly /></label>
      <label className="field"><span>{t('nodeType')}</span><input value={node.type} readOnly /></label>
      <label className="field"><span>{t('nodeTitle')}</span>
        <input name="title" value={node.title || ''} readOnly={!editable} onChange={(e) => onChange({ title: e.target.value }, 'title')} /></label>
      {fields.length > 0 && (
        <div className="schema-form" data-testid="schema-form">
          <SchemaFields schema={schema} value={node.props || {}} readOnly={!editable}
            onChange={(props) => { onChange({ props }, 'props'); setText(JSON.stringify(props, null, 2)); }} />
        </div>
      )}
      <label className="inline small"><input type="checkbox" name="advanced" checked={advanced} onChange={(e) => setAdvanced(e.target.checked)} />{t('advancedJson')}</label>
      {advanced && (
        <>
          <label className="field"><span>{t('props')}</span>
            <textarea name="props" rows={8} value={text} readOnly={!editable} onChange={(e) => setText(e.target.value)} spellCheck={false} /></label>
          {jsonError && <div className="field-error">{jsonError}</div>}
          {editable && <button type="button" onClick={apply}>{t('apply')}</button>}
        </>
      )}
      {outcomes.length > 0 && (
        <table className="grid-table compact">
          <tbody>
            {outcomes.map((o) => (
              <tr key={o}>
                <td>{o} →</td>
                <td>
                  <select name={`connect-${o}`} disabled={!editable} value={connections.find((c) => c.from === node.id && c.outcome === o)?.to || ''}
                    onChange={(e) => onConnect(o, e.target.value)}>
                    <option value="">—</option>
                    {nodes.filter((n) => n.id !== node.id).map((n) => <option key={n.id} value={n.id}>{n.data.node.title || n.id} ({n.id})</option>)}
                  </select>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {problems.length > 0 && <ul className="problems">{problems.map((p, i) => <li key={i}>{p.message}</li>)}</ul>}
      {editable && <button type="button" className="danger" onClick={onDelete}>{t('deleteNode')}</button>}
    </div>
  );
}

// Left to right by BFS depth from the start node; nodes the start does not reach go in a last column.
export function layoutByDepth(nodes, edges) {
  const depth = new Map();
  const starts = nodes.filter((n) => n.data.node.type === 'Start').map((n) => n.id);
  const queue = starts.length ? [...starts] : nodes.slice(0, 1).map((n) => n.id);
  queue.forEach((id) => depth.set(id, 0));
  while (queue.length) {
    const id = queue.shift();
    for (const e of edges) {
      if (e.source === id && !depth.has(e.target)) {
        depth.set(e.target, depth.get(id) + 1);
        queue.push(e.target);
      }
    }
  }
  const last = Math.max(0, ...depth.values()) + 1;
  const rows = new Map();
  return nodes.map((n) => {
    const column = depth.get(n.id) ?? last;
    const row = rows.get(column) || 0;
    rows.set(column, row + 1);
    return { ...n, position: { x: column * 260, y: row * 150 } };
  });
}

function DiffLegend({ diff }) {
  const t = useT();
  const count = (change) => diff.nodes.filter((n) => n.change === change).length;
  return (
    <div className="diff-legend" data-testid="diff-legend">
      {['added', 'removed', 'changed', 'moved'].map((c) => (
        <span key={c} className={`legend-item legend-${c}`} data-change={c}><i />{t(`change.${c}`)} {count(c)}</span>
      ))}
      {diff.fields?.length > 0 && <span className="muted small">{diff.fields.map((f) => f.field).join(', ')}</span>}
      {diff.nodes.length === 0 && <span className="muted">{t('noDifferences')}</span>}
      <ul className="diff-list">
        {diff.nodes.map((n) => (
          <li key={n.id} className={`legend-${n.change}`}>
            <b>{t(`change.${n.change}`)}</b> {n.title || n.id} <small className="muted">({n.id}{n.fields?.length ? ` · ${n.fields.map((f) => f.field).join(', ')}` : ''})</small>
          </li>
        ))}
      </ul>
    </div>
  );
}
