import type { DefinitionNode } from '../../api/types';
import { useT } from '../../i18n/useT';
import type { NodeChoice, NodeMap } from './migrationModel';

interface Props {
  fromNodes: DefinitionNode[];
  targets: NodeChoice[];
  map: NodeMap;
  onChange: (fromId: string, toId: string) => void;
}

// Where each node of the old version goes in the new one; a case standing on an unmapped node is blocked.
export default function NodeMapTable({ fromNodes, targets, map, onChange }: Props) {
  const t = useT();
  return (
    <table className="grid-table node-map" data-testid="node-map">
      <thead><tr><th>{t('fromNode')}</th><th>{t('toNode')}</th></tr></thead>
      <tbody>
        {fromNodes.map((node) => (
          <tr key={node.id} data-from-node={node.id}>
            <td>{node.title ? `${node.title}（${node.id}）` : node.id}</td>
            <td>
              <select name={`map-${node.id}`} value={map[node.id] ?? ''} onChange={(e) => onChange(node.id, e.target.value)}>
                <option value="">{t('unmapped')}</option>
                {targets.map((n) => <option key={n.id} value={n.id}>{n.title === n.id ? n.id : `${n.title}（${n.id}）`}</option>)}
              </select>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
