import { useState } from 'react';
import type { DefinitionNode } from '../../api/types';
import { matchNodes } from '../../flow/nodeSearch';
import { useT } from '../../i18n/useT';

// Find a node by id, title or type; choosing one selects it and centres the canvas on it.
export default function NodeSearch({ nodes, onFind }: { nodes: DefinitionNode[]; onFind: (id: string) => void }) {
  const t = useT();
  const [query, setQuery] = useState('');
  const found = matchNodes(nodes, query);
  const choose = (id: string) => { onFind(id); setQuery(''); };
  return (
    <span className="node-search">
      <input type="search" name="nodeSearch" aria-label={t('findNode')} placeholder={t('findNode')} value={query}
        onChange={(e) => setQuery(e.target.value)} onKeyDown={(e) => { if (e.key === 'Enter' && found[0]) choose(found[0].id); }} />
      {found.length > 0 && (
        <ul className="node-search-results" data-testid="node-search-results">
          {found.map((n) => (
            <li key={n.id}><button type="button" className="link" data-find={n.id} onClick={() => choose(n.id)}>{n.title || n.id} <small className="muted">{n.id}</small></button></li>
          ))}
        </ul>
      )}
    </span>
  );
}
