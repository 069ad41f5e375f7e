import { useCallback, useEffect, useMemo, useState } from 'react';
import { ReactFlow, ReactFlowProvider, Background, Controls, addEdge, useNodesInitialized, useReactFlow, applyEdgeChanges, applyNodeChanges } from '@xyflow/react';
import { api, ApiError } from '../api.js';
import { useT } from '../i18n.jsx';
import { edgeOf, fromFlow, nodeTypes, outcomesOf, toFlow } from '../flow.jsx';
import { fetchVersion, useActivityTypes } from '../definitions.js';

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
      setView({ doc: draft.definition, editable: true, problems: draft.problems || [], label: t('draft'), key: `draft-${Date.now()}` });
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
    } catch (e) {
      setError(e.problem?.detail || e.message);
    }
  };

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
                  <b>v{v.version}</b> <small>{v.status}</small><br />
                  <small>{v.publishedBy} · {t.date(v.publishedAt)}</small><br />
                  <small className="note">{v.changeNote}</small><br />
                  <button type="button" className="link" onClick={() => viewVersion(v.version)}>{t('view')}</button>
                  <button type="button" className="link" onClick={() => rollback(v.version)}>{t('rollback')}</button>
                </li>
              ))}
            </ul>
          </>
        )}
        {error && <div className="error">{error}</div>}
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
  const start = useMemo(() => toFlow(initial.doc, types), [initial.doc, types]);
  const [nodes, setNodes] = useState(start.nodes);
  const [edges, setEdges] = useState(start.edges);
  const [problems, setProblems] = useState(initial.problems || []);
  const [message, setMessage] = useState(null);
  const [changeNote, setChangeNote] = useState('');
  const [noteMissing, setNoteMissing] = useState(false);
  const editable = initial.editable;

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

  const onNodesChange = useCallback((changes) => setNodes((ns) => applyNodeChanges(editable ? changes : changes.filter((c) => c.type === 'select'), ns)), [editable]);
  const onEdgesChange = useCallback((changes) => setEdges((es) => applyEdgeChanges(editable ? changes : changes.filter((c) => c.type === 'select'), es)), [editable]);
  // One outcome leads to one node: a new connection from a port replaces the old one.
  const connect = useCallback((from, outcome, to) => setEdges((es) => {
    const rest = es.filter((e) => !(e.source === from && e.sourceHandle === outcome));
    return to ? addEdge(edgeOf({ from, outcome, to }), rest) : rest;
  }), []);
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
    setNodes((ns) => [...ns.map((n) => ({ ...n, selected: false })), {
      id, type: 'activity', selected: true, position: { x: anchor.x + 60, y: anchor.y + 140 }, data: { node },
    }]);
    setTimeout(() => fitView({ duration: 200 }), 50);
  };

  const selectNode = (id) => id && setNodes((ns) => ns.map((n) => ({ ...n, selected: n.id === id })));
  const updateNode = (id, patch) => setNodes((ns) => ns.map((n) => (n.id === id ? { ...n, data: { ...n.data, node: { ...n.data.node, ...patch } } } : n)));
  const deleteNode = (id) => {
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
          <b>{initial.doc.name}</b> <span className="tag">{initial.label}</span>
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
        </div>
        {noteMissing && <div className="field-error">{t('changeNoteRequired')}</div>}
        {message && <div className={message.bad ? 'error' : 'notice'} role="status">{message.text}</div>}
        <div className="canvas">
          <ReactFlow nodes={shownNodes} edges={edges} nodeTypes={nodeTypes} onNodesChange={onNodesChange} onEdgesChange={onEdgesChange}
            onConnect={onConnect} nodesConnectable={editable} fitView minZoom={0.2} proOptions={{ hideAttribution: true }} deleteKeyCode={editable ? ['Delete', 'Backspace'] : null}>
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
          <NodeProperties key={selectedNode.id} node={selectedNode.data.node} editable={editable} nodes={nodes}
            outcomes={outcomesOf(selectedNode.data.node, byType[selectedNode.data.node.type], connections)} connections={connections}
            problems={problems.filter((p) => p.nodeIds?.includes(selectedNode.id))}
            onChange={(patch) => updateNode(selectedNode.id, patch)} onConnect={(outcome, to) => connect(selectedNode.id, outcome, to)}
            onDelete={() => deleteNode(selectedNode.id)} schema={byType[selectedNode.data.node.type]?.propertySchema} />
        ) : selectedEdge ? (
          <div>
            <p>{selectedEdge.source} —{selectedEdge.sourceHandle}→ {selectedEdge.target}</p>
            {editable && <button type="button" onClick={() => setEdges((es) => es.filter((e) => e.id !== selectedEdge.id))}>{t('deleteEdge')}</button>}
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
        <input name="title" value={node.title || ''} readOnly={!editable} onChange={(e) => onChange({ title: e.target.value })} /></label>
      {fields.length > 0 && <p className="muted small">{fields.map(([name, p]) => `${name}: ${p.title || ''}`).join(' · ')}</p>}
      <label className="field"><span>{t('props')}</span>
        <textarea name="props" rows={8} value={text} readOnly={!editable} onChange={(e) => setText(e.target.value)} spellCheck={false} /></label>
      {jsonError && <div className="field-error">{jsonError}</div>}
      {editable && <button type="button" onClick={apply}>{t('apply')}</button>}
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
