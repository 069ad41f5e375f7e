import { describe, expect, it } from 'vitest';
import type { OrgUnit } from '../../api/types';
import { areaOf, canCheckMore, formData, parseFormFields, toggleUnit, unitChoices } from './formFields';

describe('parseFormFields', () => {
  it('reads the unit types with their kind and limit', () => {
    expect(parseFormFields([
      { name: 'department', type: 'unit', unitKind: 'Department' },
      { name: 'helpers', type: 'units', unitKind: 'Area', maxItems: 3 },
    ])).toEqual([
      { name: 'department', type: 'unit', unitKind: 'Department' },
      { name: 'helpers', type: 'units', unitKind: 'Area', maxItems: 3 },
    ]);
  });

  it('keeps the existing keys', () => {
    expect(parseFormFields([{ name: 'hours', type: 'int', min: 1, max: 720, requiredFor: ['extension'] }, { name: 'closure', enum: ['a', 'b'], maxLength: 9 }]))
      .toEqual([{ name: 'hours', type: 'int', min: 1, max: 720, requiredFor: ['extension'] }, { name: 'closure', enum: ['a', 'b'], maxLength: 9 }]);
  });

  it('offers an enum of numbers as text', () => {
    expect(parseFormFields([{ name: 'difficulty', enum: [1, 2, null] }])).toEqual([{ name: 'difficulty', enum: ['1', '2'] }]);
  });

  it.each([
    ['not a list', { name: 'x' }],
    ['null', null],
  ])('answers no fields for %s', (_, raw) => {
    expect(parseFormFields(raw)).toEqual([]);
  });

  it('drops entries without a name and ignores an unknown kind or a limit below one', () => {
    expect(parseFormFields([{ type: 'unit' }, 'text', { name: 'u', type: 'units', unitKind: 'Grid', maxItems: 0 }]))
      .toEqual([{ name: 'u', type: 'units' }]);
  });
});

describe('formData', () => {
  const fields = parseFormFields([
    { name: 'hours', type: 'int' }, { name: 'note', type: 'string' }, { name: 'unit', type: 'unit' }, { name: 'units', type: 'units' },
  ]);

  it('sends numbers, texts, a unit code and a list of codes', () => {
    expect(formData(fields, { hours: '12', note: 'ok', unit: '140521100', units: ['140521GA', '140521SL'] }))
      .toEqual({ hours: 12, note: 'ok', unit: '140521100', units: ['140521GA', '140521SL'] });
  });

  it('leaves out empty values and fields not shown', () => {
    expect(formData(fields.slice(0, 3), { hours: '', unit: '', units: ['140521GA'], other: 'x' })).toEqual({});
    expect(formData(fields, { units: [] })).toEqual({});
  });
});

const unit = (code: string, kind: string, level = 'Township'): OrgUnit => ({ code, name: code, level, parentCode: null, kind });

describe('unitChoices', () => {
  const units = [unit('140521', 'Area', 'County'), unit('140521GA', 'Department', 'County'), unit('140521100', 'Area'),
    unit('140521100ZF', 'Department'), unit('140521101', 'Area'), unit('140522100', 'Area')];

  it('keeps the units under the area, of the kind asked', () => {
    expect(unitChoices(units, { unitKind: 'Department' }, '140521').map((u) => u.code)).toEqual(['140521GA', '140521100ZF']);
    expect(unitChoices(units, {}, '140521100').map((u) => u.code)).toEqual(['140521100', '140521100ZF']);
    expect(unitChoices(units, { unitKind: 'Area' }, '140521').map((u) => u.code)).toEqual(['140521', '140521100', '140521101']);
  });

  it('takes a department user to its area', () => {
    expect(areaOf('140521GA')).toBe('140521');
    expect(unitChoices(units, { unitKind: 'Area' }, '140521GA')).toHaveLength(3);
  });
});

describe('toggleUnit', () => {
  it('checks and unchecks', () => {
    expect(toggleUnit(['a'], 'b', true)).toEqual(['a', 'b']);
    expect(toggleUnit(['a', 'b'], 'a', false)).toEqual(['b']);
    expect(toggleUnit(['a'], 'a', true)).toEqual(['a']);
  });

  it('refuses a check past maxItems', () => {
    expect(toggleUnit(['a', 'b'], 'c', true, 2)).toEqual(['a', 'b']);
    expect(toggleUnit(['a', 'b'], 'b', false, 2)).toEqual(['a']);
    expect(canCheckMore(['a', 'b'], 2)).toBe(false);
    expect(canCheckMore(['a'], 2)).toBe(true);
    expect(canCheckMore(['a', 'b', 'c'])).toBe(true);
  });
});
