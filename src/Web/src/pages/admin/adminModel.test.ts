import { describe, expect, it } from 'vitest';
import type { AdminUnit } from '../../api/adminTypes';
import {
  ancestorsOf, canApply, createUnitBody, createUserBody, fieldErrors, flattenTree, groupProblems, importContentType, parseJson, usersSearch,
} from './adminModel';

const unit = (code: string, childCount = 0): AdminUnit => ({
  code, name: `U${code}`, level: 'Grid', kind: 'Area', parentCode: null, gridType: null, population: null, retiredAt: null, hasBoundary: false, childCount,
});

describe('the unit tree', () => {
  const children: Record<string, AdminUnit[]> = {
    '140500': [unit('140522', 1), unit('140521', 2)],
    '140521': [unit('140521101'), unit('140521100')],
  };
  const childrenOf = (code: string) => children[code];

  it('shows the root alone until it is expanded', () => {
    const rows = flattenTree([unit('140500', 2)], childrenOf, new Set());
    expect(rows.map((r) => [r.unit.code, r.depth, r.expanded])).toEqual([['140500', 0, false]]);
  });

  it('puts the loaded children of expanded units below them, in code order and one level deeper', () => {
    const rows = flattenTree([unit('140500', 2)], childrenOf, new Set(['140500', '140521']));
    expect(rows.map((r) => `${r.depth}:${r.unit.code}`)).toEqual(['0:140500', '1:140521', '2:140521100', '2:140521101', '1:140522']);
  });

  it('marks an expanded unit whose children are not loaded as loading, and a childless one as not expanded', () => {
    const rows = flattenTree([unit('140500', 2)], childrenOf, new Set(['140500', '140522', '140521101']));
    expect(rows.find((r) => r.unit.code === '140522')).toMatchObject({ expanded: true, loading: true });
    expect(rows.find((r) => r.unit.code === '140521')).toMatchObject({ expanded: false, loading: false });
  });

  it('finds the units above a grid, a village and a department below the root', () => {
    expect(ancestorsOf('140521100001001', '140500')).toEqual(['140521', '140521100', '140521100001']);
    expect(ancestorsOf('140521100001', '140521')).toEqual(['140521100']);
    expect(ancestorsOf('140521A01', '140500')).toEqual(['140521']);
    expect(ancestorsOf('140500', '140500')).toEqual([]);
  });
});

describe('imports', () => {
  it('groups problems by line in line order, keeping each line’s fields in order', () => {
    const grouped = groupProblems([
      { line: 5, field: 'role', message: 'bad role' },
      { line: 3, field: 'unitCode', message: 'no unit' },
      { line: 5, field: 'password', message: 'short' },
    ]);
    expect(grouped).toEqual([
      { line: 3, problems: [{ field: 'unitCode', message: 'no unit' }] },
      { line: 5, problems: [{ field: 'role', message: 'bad role' }, { field: 'password', message: 'short' }] },
    ]);
  });

  it('sends units as JSON when the text is JSON and everything else as CSV', () => {
    expect(importContentType('units', ' [{"code":"1"}]')).toBe('application/json');
    expect(importContentType('units', 'code,name\n')).toBe('text/csv');
    expect(importContentType('users', '[not json for users]')).toBe('text/csv');
  });

  it('offers the apply only for the very text a valid dry run checked', () => {
    const dry = { valid: true, text: 'a,b\n1,2', kind: 'users' };
    expect(canApply(dry, 'a,b\n1,2', 'users')).toBe(true);
    expect(canApply(dry, 'a,b\n1,3', 'users')).toBe(false);
    expect(canApply(dry, 'a,b\n1,2', 'units')).toBe(false);
    expect(canApply({ ...dry, valid: false }, 'a,b\n1,2', 'users')).toBe(false);
    expect(canApply(null, 'a,b\n1,2', 'users')).toBe(false);
  });
});

describe('forms as requests', () => {
  it('builds the users query from the filters given and the page', () => {
    expect(usersSearch({ q: ' 张 ', role: '', status: 'disabled' }, null)).toBe('q=%E5%BC%A0&status=disabled&limit=20');
    expect(usersSearch({ q: '', role: 'GridMember', status: '' }, 'g1405', 50)).toBe('role=GridMember&after=g1405&limit=50');
  });

  it('makes a unit body with trimmed texts, a numeric population and nothing for the empty fields', () => {
    expect(createUnitBody({ code: ' 140521100001999 ', name: ' 试点网格 ', gridType: 'Rural', population: '1200' }, '140521100001'))
      .toEqual({ code: '140521100001999', name: '试点网格', parentCode: '140521100001', gridType: 'Rural', population: 1200 });
    expect(createUnitBody({ code: '1', name: 'n', gridType: '', population: '' }, 'p')).toEqual({ code: '1', name: 'n', parentCode: 'p' });
    expect(createUnitBody({ code: '1', name: 'n', gridType: '', population: 'many' }, 'p').population).toBe('many');
  });

  it('makes a user body with trimmed names and the password as typed', () => {
    expect(createUserBody({ userName: ' li ', displayName: ' 李 ', role: 'Handler', unitCode: ' 140521 ', password: ' pass word ' }))
      .toEqual({ userName: 'li', displayName: '李', role: 'Handler', unitCode: '140521', password: ' pass word ' });
  });

  it('puts each problem next to its field: 400s by their errors, refusals by their type, the rest on the form', () => {
    expect(fieldErrors(400, { errors: { code: ['bad code', 'second'] } }, 'x')).toEqual({ code: 'bad code' });
    expect(fieldErrors(409, { type: 'https://gridcase.dev/problems/one-member-per-grid', detail: '网格已有网格员' }, 'x')).toEqual({ unitCode: '网格已有网格员' });
    expect(fieldErrors(409, { type: 'https://gridcase.dev/problems/org.duplicate-code', title: 'in use' }, 'x')).toEqual({ code: 'in use' });
    expect(fieldErrors(500, {}, 'HTTP 500')).toEqual({ _form: 'HTTP 500' });
  });

  it('parses JSON or says why not', () => {
    expect(parseJson('{"a":1}')).toEqual({ value: { a: 1 } });
    expect('error' in parseJson('{a')).toBe(true);
  });
});
