import { describe, expect, it } from 'vitest';
import { formatDate, yearInShanghai } from './dates';

describe('formatDate', () => {
  it('is empty without a date', () => {
    expect(formatDate('zh', null)).toBe('');
    expect(formatDate('en', undefined)).toBe('');
    expect(formatDate('en', '')).toBe('');
  });

  it('writes the wall time in Asia/Shanghai on the 24-hour clock, whatever the offset given', () => {
    expect(formatDate('en', '2026-03-01T07:04:00Z')).toContain('15:04');
    expect(formatDate('zh', '2026-03-01T15:04:00+08:00')).toContain('15:04');
    expect(formatDate('zh', '2026-03-01T07:04:00Z')).toContain('2026');
  });

  it('moves to the next day in Shanghai when UTC is still on the day before', () => {
    expect(formatDate('en', '2026-03-01T20:00:00Z')).toContain('02/03/2026');
  });
});

describe('yearInShanghai', () => {
  it('is the year in Shanghai, not in UTC', () => {
    expect(yearInShanghai(new Date('2026-12-31T17:00:00Z'))).toBe(2027);
    expect(yearInShanghai(new Date('2026-12-31T15:00:00Z'))).toBe(2026);
  });
});
