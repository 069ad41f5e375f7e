// The messages for one field, under it.
export default function FieldMessages({ errors, field }: { errors: Record<string, string[]>; field: string }) {
  const messages = errors[field];
  return messages?.length ? <span className="field-error" data-field-error={field}>{messages.join(' ')}</span> : null;
}
