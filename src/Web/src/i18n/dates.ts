// The console's one place for dates: every date and time is shown in China Standard Time, whatever the browser's
// own zone (an auditor abroad or a CI machine on UTC reads the same wall time as the dispatcher in 晋城).
export const ConsoleTimeZone = 'Asia/Shanghai';

const formats = {
  zh: new Intl.DateTimeFormat('zh-CN', { timeZone: ConsoleTimeZone, hour12: false, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' }),
  en: new Intl.DateTimeFormat('en-GB', { timeZone: ConsoleTimeZone, hour12: false, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' }),
};

const yearFormat = new Intl.DateTimeFormat('en-GB', { timeZone: ConsoleTimeZone, year: 'numeric' });

/** A date and time on the 24-hour clock in Asia/Shanghai; empty without a date. */
export function formatDate(lang: 'zh' | 'en', value: string | null | undefined): string {
  return value ? formats[lang].format(new Date(value)) : '';
}

/** The calendar year in Asia/Shanghai at a moment (on New Year's Eve after 16:00 UTC it is already next year there). */
export function yearInShanghai(at: Date = new Date()): number {
  return Number(yearFormat.format(at));
}
