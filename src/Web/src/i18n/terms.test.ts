import { describe, expect, it } from 'vitest';
import { zhTerms } from './messages';

interface ShippedNode { id: string; type: string; props?: { outcomes?: string[]; fields?: { name: string }[] } }
interface Shipped { id: string; version: number; nodes: ShippedNode[] }

// Every version the server ships: what people choose and fill in on its tasks must read in Chinese.
const shipped = Object.values(import.meta.glob<Shipped>('../../../../workflow-definitions/*/v*.json', { eager: true, import: 'default' }));

describe('terms of the shipped workflows', () => {
  it('finds the shipped definitions', () => {
    expect(shipped.map((d) => `${d.id} v${d.version}`)).toContain('event-handling v2');
  });

  it.each(shipped.map((d) => [`${d.id} v${d.version}`, d] as const))('%s: every task outcome and form field has a Chinese term', (_, definition) => {
    const words = definition.nodes
      .filter((n) => n.type === 'HumanTask')
      .flatMap((n) => [...(n.props?.outcomes ?? []), ...(n.props?.fields ?? []).map((f) => f.name)]);
    const missing = [...new Set(words)].filter((w) => !zhTerms[w] || zhTerms[w] === w);
    expect(missing).toEqual([]);
  });
});
