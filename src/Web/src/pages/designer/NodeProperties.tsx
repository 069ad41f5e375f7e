import { useState } from 'react';
import type { Connection, DefinitionNode, DefinitionProblem, JsonSchema, NodeProps } from '../../api/types';
import type { ActivityFlowNode } from '../../flow/convert';
import { useT } from '../../i18n/useT';
import SchemaFields from '../../schemaForm/SchemaFields';

interface Props {
  node: DefinitionNode;
  editable: boolean;
  nodes: ActivityFlowNode[];
  outcomes: string[];
  connections: Connection[];
  problems: DefinitionProblem[];
  schema: JsonSchema | null | undefined;
  /** A change to the node; `key` names the field, so that typing in it is one undo step. */
  onChange: (patch: Partial<DefinitionNode>, key?: string) => void;
  onConnect: (outcome: string, to: string) => void;
  onDelete: () => void;
}

// The selected node: title, the form generated from its type's schema (or its props as JSON), where each outcome leads.
export default function NodeProperties({ node, editable, nodes, outcomes, connections, problems, schema, onChange, onConnect, onDelete }: Props) {
  const t = useT();
  const [text, setText] = useState(JSON.stringify(node.props ?? {}, null, 2));
  const [jsonError, setJsonError] = useState<string | null>(null);
  const [advanced, setAdvanced] = useState(false);
  const apply = () => {
    try {
      // Whatever JSON it is goes to the server, which names what is wrong with it.
      onChange({ props: JSON.parse(text) as NodeProps });
      setJsonError(null);
    } catch {
      setJsonError(t('invalidJson'));
    }
  };
  const fields = Object.entries(schema?.properties ?? {});
  return (
    <div className="properties" data-testid="properties">
      <label className="field"><span>{t('nodeId')}</span><input value={node.id} readOnly /></label>
      <label className="field"><span>{t('nodeType')}</span><input value={node.type} readOnly /></label>
      <label className="field"><span>{t('nodeTitle')}</span>
        <input name="title" value={node.title ?? ''} readOnly={!editable} onChange={(e) => onChange({ title: e.target.value }, 'title')} /></label>
      {fields.length > 0 && (
        <div className="schema-form" data-testid="schema-form">
          <SchemaFields schema={schema} value={node.props ?? {}} readOnly={!editable}
            onChange={(props: NodeProps) => { onChange({ props }, 'props'); setText(JSON.stringify(props, null, 2)); }} />
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
                <td title={o}>{t.term(o)} →</td>
                <td>
                  <select name={`connect-${o}`} aria-label={`${t('outcome')} ${o} →`} disabled={!editable} value={connections.find((c) => c.from === node.id && c.outcome === o)?.to ?? ''}
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
