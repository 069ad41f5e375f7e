import type { DefinitionSummary, WorkflowBinding } from '../../api/types';

// 一乡一策: which definition a township or county runs for new cases. A township's own binding, else its county's,
// else the default (the server's rule, WorkflowBindings.ResolveAsync).

export const DEFAULT_DEFINITION = 'event-handling';

export interface Effective {
  definitionId: string;
  /** own: bound here; county: the county's binding; default: nobody bound it. */
  source: 'own' | 'county' | 'default';
}

export function effectiveBinding(unitCode: string, countyCode: string | null, bindings: readonly WorkflowBinding[]): Effective {
  const own = bindings.find((b) => b.unitCode === unitCode);
  if (own) return { definitionId: own.definitionId, source: 'own' };
  const county = countyCode ? bindings.find((b) => b.unitCode === countyCode) : undefined;
  if (county) return { definitionId: county.definitionId, source: 'county' };
  return { definitionId: DEFAULT_DEFINITION, source: 'default' };
}

/** The definitions a unit can be bound to: those with a published version. */
export function bindable(definitions: readonly DefinitionSummary[]): DefinitionSummary[] {
  return definitions.filter((d) => d.latestVersion !== null);
}
