import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/client';
import type { OrgUnit } from '../../api/types';
import { en, zh } from '../../i18n/messages';
import { commandFailure, gridChoices, matching, noteProblem, refusalCodes, refusalKey } from './caseActionsModel';

const problem = (code: string) => ({ type: `https://gridcase.example/problems/${code}`, title: 'raw server text', detail: 'raw detail' });

describe('commandFailure', () => {
  it.each(refusalCodes)('names the refusal %s rather than the server text', (code) => {
    expect(commandFailure(new ApiError(409, problem(code)))).toEqual({ fields: {}, refusal: code, message: null });
  });

  it('has a sentence in both languages for every refusal', () => {
    for (const code of refusalCodes) {
      expect(zh[refusalKey(code)]).toMatch(/[\u4e00-\u9fff]/);
      expect(en[refusalKey(code)]).toMatch(/^[A-Z]/);
    }
  });

  it('puts 400 messages under their fields', () => {
    const error = new ApiError(400, { title: 'invalid', errors: { note: ['too long'] } });
    expect(commandFailure(error)).toEqual({ fields: { note: ['too long'] }, refusal: null, message: null });
  });

  it('shows any other failure as a line', () => {
    expect(commandFailure(new ApiError(409, problem('something-else'))).message).toBe('raw detail');
    expect(commandFailure(new ApiError(500, null)).message).toBe('HTTP 500');
    expect(commandFailure(new Error('offline')).message).toBe('offline');
  });

  it('does not take a refusal code from a status other than 409', () => {
    expect(commandFailure(new ApiError(400, problem('same-grid'))).refusal).toBeNull();
  });
});

describe('noteProblem', () => {
  it.each([
    ['', 'noteRequired'],
    ['   ', 'noteRequired'],
    ['x', null],
    ['x'.repeat(500), null],
    ['x'.repeat(501), 'noteTooLong'],
  ] as const)('answers %j with %s', (note, key) => {
    expect(noteProblem(note)).toBe(key);
  });

  it('says which text is missing', () => {
    expect(noteProblem('', 'reasonRequired')).toBe('reasonRequired');
  });
});

const unit = (code: string, level: string, kind = 'Area'): OrgUnit => ({ code, name: `n${code}`, level, parentCode: null, kind });

describe('gridChoices', () => {
  const units = [unit('140521100', 'Township'), unit('140521100001', 'Village'), unit('140521100001001', 'Grid'),
    unit('140521100002003', 'Grid'), unit('140521101001001', 'Grid'), unit('140521100ZF', 'Township', 'Department')];

  it('offers the grids under the area', () => {
    expect(gridChoices(units, '140521100').map((u) => u.code)).toEqual(['140521100001001', '140521100002003']);
    expect(gridChoices(units, '140521')).toHaveLength(3);
  });

  it('filters by name or code', () => {
    expect(matching(units, '002').map((u) => u.code)).toEqual(['140521100002003']);
    expect(matching(units, 'n140521101')).toHaveLength(1);
    expect(matching(units, ' ')).toHaveLength(units.length);
  });
});
