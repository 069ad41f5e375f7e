import { describe, expect, it } from 'vitest';
import { amountIn, amountOf, isoDuration, isoSeconds, withAmount } from './duration';

describe('ISO-8601 durations', () => {
  it.each([
    ['PT5S', 5], ['PT4H', 14_400], ['P1D', 86_400], ['P1DT12H', 129_600], ['PT1H30M', 5_400], ['PT0.5S', 0.5],
  ])('%s is %d seconds', (text, seconds) => {
    expect(isoSeconds(text)).toBe(seconds);
  });

  it.each(['P1M', 'P1Y', 'P', 'PT', '4h', '', 'P1DT'])('%s is not read', (text) => {
    expect(isoSeconds(text)).toBeNull();
  });

  it.each([[5, 'PT5S'], [14_400, 'PT4H'], [86_400, 'P1D'], [129_600, 'P1DT12H'], [5_400, 'PT1H30M'], [90_061, 'P1DT1H1M1S']])('%d seconds is %s', (seconds, text) => {
    expect(isoDuration(seconds)).toBe(text);
    expect(isoSeconds(text)).toBe(seconds);
  });
});

describe('a deadline amount', () => {
  it('reads working hours, whole working days, calendar time in its largest whole unit, and the catalogue', () => {
    expect(amountOf({ workingHours: 2, warnAt: 0.8 })).toEqual({ unit: 'workingHours', amount: 2 });
    expect(amountOf({ workingHours: 12 })).toEqual({ unit: 'workingHours', amount: 12 });
    expect(amountOf({ workingHours: 16 })).toEqual({ unit: 'workingDays', amount: 2 });
    expect(amountOf({ duration: 'P3D' })).toEqual({ unit: 'calendarDays', amount: 3 });
    expect(amountOf({ duration: 'P1DT12H' })).toEqual({ unit: 'calendarHours', amount: 36 });
    expect(amountOf({ duration: 'PT90M' })).toEqual({ unit: 'calendarMinutes', amount: 90 });
    expect(amountOf({ duration: 'PT5S' })).toEqual({ unit: 'calendarSeconds', amount: 5 });
    expect(amountOf({ fromCatalogue: true, warnAt: 0.8 })).toEqual({ unit: 'fromCatalogue' });
  });

  it('is nothing when absent or unreadable', () => {
    expect(amountOf(undefined)).toBeNull();
    expect(amountOf({ warnAt: 0.8 })).toBeNull();
    expect(amountOf({ duration: 'P1M' })).toBeNull();
  });

  it('is written under its own key, replacing the other kinds and keeping the rest', () => {
    const deadline = { workingHours: 2, warnAt: 0.8, carryOver: ['extension'] };
    expect(withAmount(deadline, { unit: 'workingDays', amount: 3 })).toEqual({ workingHours: 24, warnAt: 0.8, carryOver: ['extension'] });
    expect(withAmount(deadline, { unit: 'calendarDays', amount: 2 })).toEqual({ duration: 'P2D', warnAt: 0.8, carryOver: ['extension'] });
    expect(withAmount(deadline, { unit: 'calendarHours', amount: 36 })).toEqual({ duration: 'P1DT12H', warnAt: 0.8, carryOver: ['extension'] });
    expect(withAmount({ duration: 'PT5S' }, { unit: 'fromCatalogue' })).toEqual({ fromCatalogue: true });
    expect(withAmount({ fromCatalogue: true }, { unit: 'workingHours', amount: 1.5 })).toEqual({ workingHours: 1.5 });
  });

  it('is removed when emptied or not above zero', () => {
    expect(withAmount({ workingHours: 2, warnAt: 0.5 }, null)).toEqual({ warnAt: 0.5 });
    expect(withAmount({ workingHours: 2 }, { unit: 'workingHours', amount: 0 })).toEqual({});
    expect(withAmount({ workingHours: 2 }, { unit: 'calendarDays', amount: Number.NaN })).toEqual({});
  });

  it('round-trips what it writes', () => {
    for (const amount of [{ unit: 'workingDays', amount: 5 }, { unit: 'calendarHours', amount: 7 }, { unit: 'calendarMinutes', amount: 45 }] as const) {
      expect(amountOf(withAmount({}, amount))).toEqual(amount);
    }
  });
});

describe('an amount in the unit the user chose', () => {
  it('stays in that unit while it is the same kind of time', () => {
    expect(amountIn({ workingHours: 16 }, 'workingHours')).toEqual({ unit: 'workingHours', amount: 16 });
    expect(amountIn({ workingHours: 12 }, 'workingDays')).toEqual({ unit: 'workingDays', amount: 1.5 });
    expect(amountIn({ duration: 'P1D' }, 'calendarHours')).toEqual({ unit: 'calendarHours', amount: 24 });
    expect(amountIn({ duration: 'PT90M' }, 'calendarHours')).toEqual({ unit: 'calendarHours', amount: 1.5 });
  });

  it('is read as written when the kind differs or nothing was chosen', () => {
    expect(amountIn({ workingHours: 16 }, 'calendarDays')).toEqual({ unit: 'workingDays', amount: 2 });
    expect(amountIn({ duration: 'P2D' }, null)).toEqual({ unit: 'calendarDays', amount: 2 });
    expect(amountIn({ fromCatalogue: true }, 'workingHours')).toEqual({ unit: 'fromCatalogue' });
  });
});
