import { useState } from 'react';

interface Props {
  name: string;
  /** The accessible name (the column and row). */
  label: string;
  value: unknown;
  format: (value: unknown) => string;
  parse: (text: string) => unknown;
  onChange: (value: unknown) => void;
  readOnly: boolean;
  placeholder: string;
}

// Text that is parsed when the cell loses focus (lists and maps would lose their separators while typing).
export default function TextCell({ name, label, value, format, parse, onChange, readOnly, placeholder }: Props) {
  const [text, setText] = useState(format(value));
  return (
    <input name={name} aria-label={label} value={text} readOnly={readOnly} placeholder={placeholder} title={placeholder}
      onChange={(e) => setText(e.target.value)} onBlur={() => { if (text !== format(value)) onChange(parse(text)); }}
      onKeyDown={(e) => { if (e.key === 'Enter') e.currentTarget.blur(); }} />
  );
}
