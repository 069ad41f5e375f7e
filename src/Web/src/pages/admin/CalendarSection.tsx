import { useState, type FormEvent } from 'react';
import { useUploadCalendar } from '../../api/admin';
import { ApiError, messageOf } from '../../api/client';
import { yearInShanghai } from '../../i18n/dates';
import { useT } from '../../i18n/useT';
import { parseJson } from './adminModel';

// The holiday schedule (节假日): a year's JSON as shipped (year, source, holidays, makeUpWorkdays), uploaded with PUT.
// Only a city's administrators may; the warnings above say which year is missing.
export default function CalendarSection() {
  const t = useT();
  const upload = useUploadCalendar();
  const [year, setYear] = useState(String(yearInShanghai() + 1));
  const [text, setText] = useState('');
  const [problems, setProblems] = useState<string[]>([]);
  const [notice, setNotice] = useState<string | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setProblems([]);
    setNotice(null);
    const parsed = parseJson(text);
    if ('error' in parsed) { setProblems([`${t('invalidJson')}: ${parsed.error}`]); return; }
    try {
      await upload.mutateAsync({ year: Number(year), body: parsed.value });
      setNotice(t('calendarUploaded', year));
    } catch (err) {
      const fields = err instanceof ApiError ? Object.entries(err.fieldErrors) : [];
      setProblems(fields.length ? fields.map(([field, messages]) => `${field}: ${messages.join(' ')}`) : [messageOf(err)]);
    }
  };

  return (
    <section className="card calendar-section">
      <form className="admin-form" data-testid="upload-calendar" onSubmit={(e) => void submit(e)}>
        <h3>{t('calendarTitle')}</h3>
        <label className="field"><span>{t('year')}</span>
          <input name="year" inputMode="numeric" value={year} onChange={(e) => setYear(e.target.value)} />
        </label>
        <label className="field"><span>{t('calendarJson')}</span>
          <textarea name="calendarJson" rows={16} value={text} onChange={(e) => setText(e.target.value)} />
        </label>
        {problems.length > 0 && <ul className="problems" role="alert">{problems.map((p) => <li key={p}>{p}</li>)}</ul>}
        {notice && <div className="notice" role="status">{notice}</div>}
        <button type="submit" className="primary" disabled={upload.isPending || !/^\d{4}$/.test(year) || !text.trim()}>{t('upload')}</button>
      </form>
    </section>
  );
}
