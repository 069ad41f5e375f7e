import { describe, expect, it } from 'vitest';
import type { JsonSchema } from '../api/types';
import {
  cellOf, cellText, cellValue, columnsOf, enumOf, inputValue, isEmpty, listOf, listText, mapOf, mapText, moveRow, newRow, optionIndex,
  optionKey, plainOf, plainText, startValueOf, titleIn, withCell, type Column,
} from './schema';

describe('titleIn', () => {
  it.each([
    ['队列 Queue', 'zh', '队列'],
    ['队列 Queue', 'en', 'Queue'],
    ['办理时限（工作小时） Deadline (working hours)', 'zh', '办理时限（工作小时）'],
    ['办理时限（工作小时） Deadline (working hours)', 'en', 'Deadline (working hours)'],
    ['Queue', 'zh', 'Queue'],
    ['队列', 'en', '队列'],
    ['', 'en', ''],
  ] as const)('%j in %s is %j', (title, lang, expected) => {
    expect(titleIn(title, lang)).toBe(expected);
  });

  it('is empty without a title', () => {
    expect(titleIn(undefined, 'zh')).toBe('');
  });
});

describe('enumOf', () => {
  it('reads a closed enum', () => {
    expect(enumOf({ type: 'string', enum: ['a', 'b'] })).toEqual({ values: ['a', 'b'], open: false });
  });

  it('reads an open enum from anyOf', () => {
    expect(enumOf({ anyOf: [{ type: 'string', enum: ['responsible'] }, { type: 'string' }] })).toEqual({ values: ['responsible'], open: true });
  });

  it('finds none in a plain schema or no schema', () => {
    expect(enumOf({ type: 'string' })).toBeNull();
    expect(enumOf({ anyOf: [{ type: 'number' }] })).toBeNull();
    expect(enumOf(undefined)).toBeNull();
  });
});

describe('unit choices (oneOf)', () => {
  const options: JsonSchema[] = [
    { title: '层级 Level', required: ['level'], properties: { level: { enum: ['Grid', 'Township'] } } },
    { title: '单位 Unit', required: ['unit'], properties: { unit: { type: 'string', pattern: '^[0-9A-Z]+$' } } },
    { title: '责任单位 Responsible', properties: { responsible: { const: true } } },
  ];

  it('matches a value to the option whose required keys it has', () => {
    expect(optionIndex(options, { level: 'Grid' })).toBe(0);
    expect(optionIndex(options, { unit: '140521GA' })).toBe(1);
    expect(optionIndex(options, { responsible: true })).toBe(2);
  });

  it('matches nothing for a missing, plain or unknown value', () => {
    expect(optionIndex(options, undefined)).toBe(-1);
    expect(optionIndex(options, 'Grid')).toBe(-1);
    expect(optionIndex(options, { dispatching: true })).toBe(-1);
  });

  it('names an option by its first required key, else its first property', () => {
    expect(options.map(optionKey)).toEqual(['level', 'unit', 'responsible']);
    expect(optionKey({})).toBeUndefined();
  });

  it('starts a picked option with its const, its first enum value, or empty text', () => {
    expect(options.map(startValueOf)).toEqual([{ level: 'Grid' }, { unit: '' }, { responsible: true }]);
    expect(startValueOf({})).toBeUndefined();
  });
});

describe('plain values', () => {
  it.each([
    ['4', 4], ['-2.5', -2.5], [' 7 ', 7], ['true', true], ['false', false], ['null', null],
    ['1..2', '1..2'], ['>=3', '>=3'], ['Grid', 'Grid'], ['', ''], ['1e3', '1e3'],
  ] as const)('%j reads as %j', (text, value) => {
    expect(plainOf(text)).toBe(value);
  });

  it('writes values as text, objects as JSON', () => {
    expect([plainText(undefined), plainText(null), plainText('a'), plainText(3), plainText(false), plainText({ a: 1 })])
      .toEqual(['', 'null', 'a', '3', 'false', '{"a":1}']);
  });

  it('shows missing values in an input as empty and keeps numbers', () => {
    expect([inputValue(undefined), inputValue(null), inputValue(5), inputValue('x'), inputValue(true)]).toEqual(['', '', 5, 'x', 'true']);
  });

  it('counts undefined, null and empty text as empty, and nothing else', () => {
    expect([undefined, null, ''].every(isEmpty)).toBe(true);
    expect([0, false, ' ', [], {}].some(isEmpty)).toBe(false);
  });
});

describe('decision-table cells', () => {
  it.each([
    ['', undefined], ['  ', undefined], ['*', '*'], ['1..2', '1..2'], ['4', 4],
    ['1, 2', [1, 2]], ['Grid，Village', ['Grid', 'Village']], ['a, , b', ['a', 'b']], [' x ,', 'x'],
  ] as const)('%j is %j', (text, value) => {
    expect(cellOf(text)).toEqual(value);
  });

  it('writes a cell back as it was typed', () => {
    expect([cellText(undefined), cellText([1, 2]), cellText(4), cellText('*'), cellText(null)]).toEqual(['', '1, 2', '4', '*', 'null']);
    expect(cellOf(cellText([1, 'Grid']))).toEqual([1, 'Grid']);
  });
});

describe('lists and maps', () => {
  it('reads a list, full-width commas too, and nothing as no list', () => {
    expect(listOf('a, b，c')).toEqual(['a', 'b', 'c']);
    expect(listOf(' , ')).toBeUndefined();
    expect(listText(['a', 'b'])).toBe('a, b');
    expect(listText('a')).toBe('');
  });

  it('reads name=value pairs with typed values; a bare name is null and a pair without a name is dropped', () => {
    expect(mapOf('a=1, b = x，c, =5, d=true')).toEqual({ a: 1, b: 'x', c: null, d: true });
    expect(mapOf('')).toBeUndefined();
    expect(mapOf('=1')).toBeUndefined();
  });

  it('writes a map back so that it reads the same', () => {
    const map = { a: 1, b: 'x', c: null, d: true };
    expect(mapText(map)).toBe('a=1, b=x, c=null, d=true');
    expect(mapOf(mapText(map))).toEqual(map);
    expect(mapText(['a'])).toBe('');
  });
});

describe('columnsOf', () => {
  const rowSchema: JsonSchema = {
    properties: {
      id: { type: 'string', title: '编号 Id' },
      when: { type: 'object', additionalProperties: true, title: '条件 When' },
      outcome: { type: 'string', title: '出口 Outcome' },
      level: { enum: ['Grid', 'Township'] },
      tags: { type: 'array' },
      hours: { type: 'integer' },
      ratio: { type: 'number' },
      urgent: { type: 'boolean' },
      note: { type: 'string', maxLength: 500 },
    },
  };

  it('makes one column per property by its kind, titled in the user’s language', () => {
    expect(columnsOf(rowSchema, {}, 'en')).toEqual([
      { key: 'id', title: 'Id', kind: 'text', wide: false },
      { key: 'when', title: 'When', kind: 'map' },
      { key: 'outcome', title: 'Outcome', kind: 'text', wide: false },
      { key: 'level', title: 'level', kind: 'enum', values: ['Grid', 'Township'] },
      { key: 'tags', title: 'tags', kind: 'list' },
      { key: 'hours', title: 'hours', kind: 'number' },
      { key: 'ratio', title: 'ratio', kind: 'number' },
      { key: 'urgent', title: 'urgent', kind: 'bool' },
      { key: 'note', title: 'note', kind: 'text', wide: true },
    ]);
  });

  it('gives a decision table’s when one cell column per input of the table', () => {
    const columns = columnsOf({ properties: { when: rowSchema.properties!.when!, outcome: { type: 'string' } } }, { inputs: ['difficulty', 'scope'] }, 'zh');
    expect(columns).toEqual([
      { key: 'when.difficulty', title: 'difficulty', kind: 'cell', map: 'when', entry: 'difficulty' },
      { key: 'when.scope', title: 'scope', kind: 'cell', map: 'when', entry: 'scope' },
      { key: 'outcome', title: 'outcome', kind: 'text', wide: false },
    ]);
  });

  it('keeps a map column for other maps and for a table without inputs', () => {
    const schema: JsonSchema = { properties: { set: { type: 'object', additionalProperties: true }, when: { type: 'object', additionalProperties: true } } };
    expect(columnsOf(schema, { inputs: ['a'] }, 'zh').map((c) => c.kind)).toEqual(['map', 'cell']);
    expect(columnsOf(schema, { inputs: [] }, 'zh').map((c) => c.kind)).toEqual(['map', 'map']);
    expect(columnsOf(schema, null, 'zh').map((c) => c.kind)).toEqual(['map', 'map']);
  });
});

describe('editing rows', () => {
  const difficulty: Column = { key: 'when.difficulty', title: 'difficulty', kind: 'cell', map: 'when', entry: 'difficulty' };
  const scope: Column = { key: 'when.scope', title: 'scope', kind: 'cell', map: 'when', entry: 'scope' };
  const outcome: Column = { key: 'outcome', title: 'outcome', kind: 'text', wide: false };
  const rows = [{ when: { difficulty: '1..2' }, outcome: 'grid' }, { outcome: 'county' }];

  it('sets a decision cell inside the row’s when, creating it when missing', () => {
    const next = withCell(rows, 1, scope, 'County');
    expect(next[1]).toEqual({ outcome: 'county', when: { scope: 'County' } });
    expect(cellValue(next[1]!, scope)).toBe('County');
    expect(next[0]).toBe(rows[0]);
  });

  it('removes an emptied cell, and the when map once it is empty', () => {
    expect(withCell(rows, 0, difficulty, [1, 2])[0]).toEqual({ when: { difficulty: [1, 2] }, outcome: 'grid' });
    expect(withCell(rows, 0, difficulty, undefined)[0]).toEqual({ outcome: 'grid' });
  });

  it('removes a plain field set to nothing or empty text', () => {
    expect(withCell(rows, 0, outcome, '')[0]).toEqual({ when: { difficulty: '1..2' } });
    expect(withCell(rows, 0, outcome, undefined)[0]).toEqual({ when: { difficulty: '1..2' } });
    expect(withCell(rows, 0, outcome, 0)[0]).toEqual({ when: { difficulty: '1..2' }, outcome: 0 });
  });

  it('reads a cell of a row without a when as missing', () => {
    expect(cellValue({ when: 'broken' }, difficulty)).toBeUndefined();
    expect(cellValue(rows[0]!, outcome)).toBe('grid');
  });

  it('leaves the rows it was given alone', () => {
    withCell(rows, 0, difficulty, '3');
    expect(rows[0]).toEqual({ when: { difficulty: '1..2' }, outcome: 'grid' });
  });

  it('moves a row up or down, and not past either end', () => {
    const three = [{ n: 1 }, { n: 2 }, { n: 3 }];
    expect(moveRow(three, 1, -1)).toEqual([{ n: 2 }, { n: 1 }, { n: 3 }]);
    expect(moveRow(three, 1, 1)).toEqual([{ n: 1 }, { n: 3 }, { n: 2 }]);
    expect(moveRow(three, 0, -1)).toEqual(three);
    expect(moveRow(three, 2, 1)).toEqual(three);
  });

  it('numbers a new row after the others, skipping ids in use, when rows have ids', () => {
    const withIds: JsonSchema = { properties: { id: { type: 'string' } } };
    expect(newRow([], withIds)).toEqual({ id: 'row-1' });
    expect(newRow([{ id: 'a' }, { id: 'row-3' }, { id: 'row-4' }], withIds)).toEqual({ id: 'row-5' });
    expect(newRow([{ id: 'x' }], { properties: { outcome: { type: 'string' } } })).toEqual({});
  });
});
