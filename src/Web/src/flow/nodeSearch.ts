interface Searchable {
  id: string;
  type: string;
  title?: string | null | undefined;
}

/** Nodes whose id, title or type contains the query (case-insensitive), those whose id or title starts with it first. */
export function matchNodes<N extends Searchable>(nodes: readonly N[], query: string, limit = 8): N[] {
  const q = query.trim().toLowerCase();
  if (!q) return [];
  const texts = (n: N) => [n.id, n.title ?? '', n.type].map((s) => s.toLowerCase());
  const rank = (n: N) => {
    const [id = '', title = ''] = texts(n);
    return id.startsWith(q) || title.startsWith(q) ? 0 : 1;
  };
  return nodes.filter((n) => texts(n).some((s) => s.includes(q))).sort((a, b) => rank(a) - rank(b)).slice(0, limit);
}
