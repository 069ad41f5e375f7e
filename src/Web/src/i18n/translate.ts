import { formatDate } from './dates';
import { en, zh, zhTerms, type MessageKey } from './messages';

export type Lang = 'zh' | 'en';

type Arg = string | number;

/** The console's texts in one language: `t(key, ...args)` fills `{0}`, `{1}`, … with the args. */
export interface Translate {
  (key: MessageKey, ...args: Arg[]): string;
  /** A key computed from data (`role.${role}`): its text, or the key itself when there is none. */
  text(key: string, ...args: Arg[]): string;
  /** A domain word from the API (an outcome, a level, a journal kind). */
  term(word: string): string;
  date(value: string | null | undefined): string;
  duration(ms: number): string;
  lang: Lang;
}

function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(zh, key);
}

export function translate(lang: Lang, key: string, ...args: Arg[]): string {
  let text = isMessageKey(key) ? (lang === 'en' ? en : zh)[key] : key;
  args.forEach((arg, i) => { text = text.replace(`{${i}}`, () => String(arg)); });
  return text;
}

export function termIn(lang: Lang, word: string): string {
  return lang === 'en' ? word : zhTerms[word] ?? word;
}

/** Days, hours and minutes of a span, whatever its sign (a deadline passed reads the same as one ahead). */
export function formatDuration(lang: Lang, ms: number): string {
  const total = Math.floor(Math.abs(ms) / 60000);
  const days = Math.floor(total / 1440);
  const hours = Math.floor((total % 1440) / 60);
  const minutes = total % 60;
  if (lang === 'en') return `${days ? `${days}d ` : ''}${hours}h ${minutes}m`;
  return `${days ? `${days}天` : ''}${hours}小时${minutes}分`;
}

export function createTranslate(lang: Lang): Translate {
  const t = (key: MessageKey, ...args: Arg[]) => translate(lang, key, ...args);
  return Object.assign(t, {
    text: (key: string, ...args: Arg[]) => translate(lang, key, ...args),
    term: (word: string) => termIn(lang, word),
    date: (value: string | null | undefined) => formatDate(lang, value),
    duration: (ms: number) => formatDuration(lang, ms),
    lang,
  });
}
