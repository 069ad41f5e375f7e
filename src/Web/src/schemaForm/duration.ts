import { isRecord, type Row } from './schema';

// A deadline's or a timer's amount of time as the designer shows it: a number with a unit, read from and written
// back to the definition's own keys — {"workingHours": n} (working time on the calendar), {"duration": "P1DT2H"}
// (calendar time, ISO-8601 days/hours/minutes/seconds) or {"fromCatalogue": true} (the item's own time limit).

/** A working day as the picker counts it (the calendar's office hours): 8 working hours. */
export const WORKING_DAY_HOURS = 8;

export type TimeUnit = 'workingHours' | 'workingDays' | 'calendarDays' | 'calendarHours' | 'calendarMinutes' | 'calendarSeconds';

export const timeUnits: readonly TimeUnit[] = ['workingHours', 'workingDays', 'calendarDays', 'calendarHours', 'calendarMinutes', 'calendarSeconds'];

export type Amount = { unit: TimeUnit; amount: number } | { unit: 'fromCatalogue' };

/** The keys an amount is written under; a schema with at least two of them gets the picker. */
export const amountKeys = ['workingHours', 'duration', 'fromCatalogue'] as const;

const secondsPer: Record<'calendarDays' | 'calendarHours' | 'calendarMinutes' | 'calendarSeconds', number> = {
  calendarDays: 86_400, calendarHours: 3_600, calendarMinutes: 60, calendarSeconds: 1,
};

const isoPattern = /^P(?!$)(?:(\d+)D)?(?:T(?=\d)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

/** Seconds in an ISO-8601 duration of days, hours, minutes and seconds; null for anything else (years, months, text). */
export function isoSeconds(text: string): number | null {
  const m = isoPattern.exec(text.trim());
  if (!m) return null;
  const [, d, h, min, s] = m;
  return Number(d ?? 0) * 86_400 + Number(h ?? 0) * 3_600 + Number(min ?? 0) * 60 + Number(s ?? 0);
}

/** An ISO-8601 duration for a number of seconds, in the largest whole parts: 86400 → P1D, 129600 → P1DT12H, 5 → PT5S. */
export function isoDuration(seconds: number): string {
  let rest = seconds;
  const days = Math.floor(rest / 86_400); rest -= days * 86_400;
  const hours = Math.floor(rest / 3_600); rest -= hours * 3_600;
  const minutes = Math.floor(rest / 60); rest -= minutes * 60;
  const secs = Math.round(rest * 1000) / 1000;
  const time = `${hours ? `${hours}H` : ''}${minutes ? `${minutes}M` : ''}${secs ? `${secs}S` : ''}`;
  if (!days && !time) return 'PT0S';
  return `P${days ? `${days}D` : ''}${time ? `T${time}` : ''}`;
}

/** The amount written in `value`, in the largest unit that shows it as a whole number; null when none (or unreadable). */
export function amountOf(value: unknown): Amount | null {
  if (!isRecord(value)) return null;
  if (value.fromCatalogue === true) return { unit: 'fromCatalogue' };
  if (typeof value.workingHours === 'number') {
    const hours = value.workingHours;
    return hours >= WORKING_DAY_HOURS && hours % WORKING_DAY_HOURS === 0
      ? { unit: 'workingDays', amount: hours / WORKING_DAY_HOURS }
      : { unit: 'workingHours', amount: hours };
  }
  if (typeof value.duration === 'string') {
    const seconds = isoSeconds(value.duration);
    if (seconds === null) return null;
    const unit = (['calendarDays', 'calendarHours', 'calendarMinutes'] as const).find((u) => seconds >= secondsPer[u] && seconds % secondsPer[u] === 0) ?? 'calendarSeconds';
    return { unit, amount: seconds / secondsPer[unit] };
  }
  return null;
}

const isWorking = (unit: TimeUnit) => unit === 'workingHours' || unit === 'workingDays';

/** The amount in `value` expressed in the unit the user chose (when of the same kind, working or calendar time), else as read. */
export function amountIn(value: unknown, unit: TimeUnit | null): Amount | null {
  const read = amountOf(value);
  if (!read || !unit || read.unit === 'fromCatalogue' || isWorking(unit) !== isWorking(read.unit) || !isRecord(value)) return read;
  if (unit === 'workingHours' || unit === 'workingDays') {
    const hours = Number(value.workingHours);
    return { unit, amount: unit === 'workingDays' ? hours / WORKING_DAY_HOURS : hours };
  }
  return { unit, amount: (isoSeconds(String(value.duration)) ?? 0) / secondsPer[unit] };
}

/** `value` with its amount replaced (the other amount keys removed); null or a non-positive amount removes it. */
export function withAmount(value: Row, amount: Amount | null): Row {
  const next: Row = { ...value };
  amountKeys.forEach((k) => { delete next[k]; });
  if (!amount) return next;
  if (amount.unit === 'fromCatalogue') return { ...next, fromCatalogue: true };
  if (!(amount.amount > 0) || !Number.isFinite(amount.amount)) return next;
  if (amount.unit === 'workingHours') return { ...next, workingHours: amount.amount };
  if (amount.unit === 'workingDays') return { ...next, workingHours: amount.amount * WORKING_DAY_HOURS };
  return { ...next, duration: isoDuration(amount.amount * secondsPer[amount.unit]) };
}
