// A server message next to the field it names.
export default function FieldError({ errors, field }: { errors: Record<string, string>; field: string }) {
  const message = errors[field];
  return message ? <span className="field-error" data-field-error={field}>{message}</span> : null;
}
