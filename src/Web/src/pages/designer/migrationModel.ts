import type { DefinitionDocument, MigrationBody, MigrationResult, VersionSummary } from '../../api/types';

/** Cases per page of a migration, dry run or not. */
export const MIGRATION_LIMIT = 200;

/** From-version node id → to-version node id; '' for a node not mapped. */
export type NodeMap = Record<string, string>;

export interface NodeChoice {
  id: string;
  title: string;
}

/** Migration needs somewhere to move from and to: two versions that were published (retired ones still hold cases). */
export const canMigrate = (versions: readonly VersionSummary[]) => versions.length >= 2;

/** Each node of the from-version mapped to the node of the same id in the to-version, or to nothing. */
export function defaultNodeMap(from: Pick<DefinitionDocument, 'nodes'>, to: Pick<DefinitionDocument, 'nodes'>): NodeMap {
  const targets = new Set(to.nodes.map((n) => n.id));
  return Object.fromEntries(from.nodes.map((n) => [n.id, targets.has(n.id) ? n.id : '']));
}

/** The nodes a from-node can map to, as the select offers them. */
export function nodeChoices(doc: Pick<DefinitionDocument, 'nodes'>): NodeChoice[] {
  return doc.nodes.map((n) => ({ id: n.id, title: n.title || n.id }));
}

/** The request: only mapped nodes are sent. */
export function migrationBody(fromVersion: number, toVersion: number, map: NodeMap, dryRun: boolean, after?: string | null): MigrationBody {
  const nodeMap = Object.fromEntries(Object.entries(map).filter(([, to]) => to !== ''));
  return { fromVersion, toVersion, nodeMap, dryRun, limit: MIGRATION_LIMIT, ...(after ? { after } : {}) };
}

/** A further page appended to the ones shown; its `next` says whether there are more. */
export function appendPage(shown: MigrationResult | null, page: MigrationResult): MigrationResult {
  if (!shown) return page;
  return { moved: [...shown.moved, ...page.moved], blocked: [...shown.blocked, ...page.blocked], next: page.next };
}
