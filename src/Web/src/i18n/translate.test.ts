import { describe, expect, it } from 'vitest';
import { en, zh, zhTerms } from './messages';
import { createTranslate, formatDuration, termIn, translate } from './translate';

const placeholders = (text: string) => [...text.matchAll(/\{\d+\}/g)].map((m) => m[0]).sort();

describe('translate', () => {
  it('answers a key in the chosen language', () => {
    expect(translate('zh', 'signIn')).toBe('登录');
    expect(translate('en', 'signIn')).toBe('Sign in');
  });

  it('fills numbered placeholders with the arguments', () => {
    expect(translate('zh', 'step', 3, 12)).toBe('第 3 / 12 步');
    expect(translate('en', 'step', 3, 12)).toBe('Step 3 of 12');
  });

  it('puts arguments in literally, replacement patterns included', () => {
    expect(translate('en', 'reassigned', '$& $1 {1}')).toBe('Reassigned to $& $1 {1}');
  });

  it('leaves a placeholder without an argument as it is', () => {
    expect(translate('zh', 'published')).toBe('已发布版本 v{0}');
  });

  it('shows a key it does not know as itself, in both languages', () => {
    expect(translate('zh', 'role.Nobody')).toBe('role.Nobody');
    expect(translate('en', 'toString')).toBe('toString');
  });

  it('has the same placeholders in both languages for every key', () => {
    const keys = Object.keys(zh) as (keyof typeof zh)[];
    const mismatched = keys.filter((key) => placeholders(zh[key]).join() !== placeholders(en[key]).join());
    expect(mismatched).toEqual([]);
  });
});

describe('terms', () => {
  it('shows domain words in Chinese, and as they are in English', () => {
    expect(termIn('zh', 'filed')).toBe('立案');
    expect(termIn('zh', 'Township')).toBe('乡镇（街道）');
    expect(termIn('en', 'filed')).toBe('filed');
  });

  it('keeps a word it does not know', () => {
    expect(termIn('zh', 'SomethingNew')).toBe('SomethingNew');
    expect(zhTerms.SomethingNew).toBeUndefined();
  });
});

describe('formatDuration', () => {
  const minutes = (n: number) => n * 60_000;

  it.each([
    [0, '0小时0分', '0h 0m'],
    [minutes(59), '0小时59分', '0h 59m'],
    [minutes(61), '1小时1分', '1h 1m'],
    [minutes(1440 + 125), '1天2小时5分', '1d 2h 5m'],
    [-minutes(90), '1小时30分', '1h 30m'],
    [minutes(1) - 1, '0小时0分', '0h 0m'],
  ])('%d ms is %s / %s', (ms, zhText, enText) => {
    expect(formatDuration('zh', ms)).toBe(zhText);
    expect(formatDuration('en', ms)).toBe(enText);
  });
});

describe('createTranslate', () => {
  it('binds every lookup to one language', () => {
    const t = createTranslate('en');
    expect(t('navQueue')).toBe('Queue');
    expect(t.text('status.Open')).toBe('Open');
    expect(t.text('status.Unknown')).toBe('status.Unknown');
    expect(t.term('filed')).toBe('filed');
    expect(t.lang).toBe('en');
    expect(createTranslate('zh').text('role.Auditor')).toBe('督查审计');
  });
});
