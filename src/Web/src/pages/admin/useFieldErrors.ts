import { useCallback, useState } from 'react';
import { ApiError, messageOf } from '../../api/client';
import { fieldErrors } from './adminModel';

/** A form's errors by field: `fail` takes what a request threw, `clear` empties them. */
export function useFieldErrors() {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const fail = useCallback((error: unknown) => {
    setErrors(error instanceof ApiError ? fieldErrors(error.status, error.problem, messageOf(error)) : { _form: messageOf(error) });
  }, []);
  const clear = useCallback(() => setErrors({}), []);
  return { errors, fail, clear };
}
