import { useState } from 'react';
import { useT } from '../i18n/useT';

interface Props {
  name: string;
  /** The accessible name (the field's title). */
  label: string;
  value: unknown;
  onChange: (value: unknown) => void;
  readOnly: boolean;
}

// Anything the form has no widget for: JSON text, parsed when it loses focus.
export default function JsonBox({ name, label, value, onChange, readOnly }: Props) {
  const t = useT();
  const [text, setText] = useState(value === undefined ? '' : JSON.stringify(value, null, 1));
  const [bad, setBad] = useState(false);
  const commit = () => {
    if (!text.trim()) { setBad(false); onChange(undefined); return; }
    try {
      onChange(JSON.parse(text));
      setBad(false);
    } catch {
      setBad(true);
    }
  };
  return (
    <>
      <textarea name={name} aria-label={label} rows={Math.min(8, Math.max(2, text.split('\n').length))} value={text} readOnly={readOnly} spellCheck={false}
        onChange={(e) => setText(e.target.value)} onBlur={commit} />
      {bad && <span className="field-error">{t('invalidJson')}</span>}
    </>
  );
}
