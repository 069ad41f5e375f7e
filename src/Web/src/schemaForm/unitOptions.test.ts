import { describe, expect, it } from 'vitest';
import type { OrgUnit } from '../api/types';
import { isUnitProperty, unitGroups } from './unitOptions';

const unit = (code: string, level: string, kind = 'Area'): OrgUnit => ({ code, name: code, level, parentCode: null, kind });

describe('unit picker', () => {
  it('groups areas by level from the city down, leaves grids out, and lists departments last, each in code order', () => {
    const groups = unitGroups([
      unit('140521100001001', 'Grid'), unit('140521HB', 'County', 'Department'), unit('140521101', 'Township'), unit('140521100', 'Township'),
      unit('140521', 'County'), unit('140500', 'City'), unit('140521100001', 'Village'), unit('140521GA', 'County', 'Department'),
    ]);
    expect(groups.map((g) => g.group)).toEqual(['City', 'County', 'Township', 'Village', 'Department']);
    expect(groups.find((g) => g.group === 'Township')?.units.map((u) => u.code)).toEqual(['140521100', '140521101']);
    expect(groups.find((g) => g.group === 'Department')?.units.map((u) => u.code)).toEqual(['140521GA', '140521HB']);
    expect(groups.flatMap((g) => g.units).some((u) => u.level === 'Grid')).toBe(false);
  });

  it('leaves empty groups out', () => {
    expect(unitGroups([unit('140521', 'County')])).toEqual([{ group: 'County', units: [unit('140521', 'County')] }]);
  });

  it('knows a unit-valued property by its name or its unit-code pattern', () => {
    expect(isUnitProperty('unit', { type: 'string' })).toBe(true);
    expect(isUnitProperty('queue.unit', { type: 'string' })).toBe(true);
    expect(isUnitProperty('targetUnit', { type: 'string' })).toBe(false);
    expect(isUnitProperty('code', { type: 'string', pattern: '^(?:\\d{6}|\\d{9}|\\d{12})(?:[A-Z][A-Z0-9]*)?$' })).toBe(true);
    expect(isUnitProperty('unit', { type: 'number' })).toBe(false);
    expect(isUnitProperty('units', { type: 'string' })).toBe(false);
    expect(isUnitProperty('message', { type: 'string' })).toBe(false);
    expect(isUnitProperty('unit', { type: 'string', enum: ['a'] })).toBe(false);
  });
});
