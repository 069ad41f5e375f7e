import type { JsonSchema, OrgUnit } from '../api/types';

// What a unit picker offers: units a workflow may name as a fixed unit, grouped (areas by level, then departments).

const areaLevels = ['City', 'County', 'Township', 'Village'] as const;

export interface UnitGroup {
  /** A level (City…Village) or 'Department'. */
  group: string;
  units: OrgUnit[];
}

/** A string property that holds one unit code: named `unit`, or with the unit-code pattern. */
export function isUnitProperty(key: string, schema: JsonSchema): boolean {
  if (schema.type !== 'string' || schema.enum) return false;
  const last = key.split('.').pop() ?? key;
  return last === 'unit' || (schema.pattern ?? '').startsWith('^(?:\\d{6}');
}

/** Areas from the city down to villages (grids left out: a workflow never names one), then departments; each in code order. */
export function unitGroups(units: readonly OrgUnit[]): UnitGroup[] {
  const byCode = (a: OrgUnit, b: OrgUnit) => a.code.localeCompare(b.code);
  const groups: UnitGroup[] = areaLevels.map((level) => ({ group: level, units: units.filter((u) => u.kind !== 'Department' && u.level === level).sort(byCode) }));
  groups.push({ group: 'Department', units: units.filter((u) => u.kind === 'Department').sort(byCode) });
  return groups.filter((g) => g.units.length > 0);
}
