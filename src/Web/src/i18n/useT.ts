import { useContext, useMemo } from 'react';
import { LangContext } from './LangContext';
import { createTranslate, type Translate } from './translate';

/** The texts in the user's language; the same function while the language stays. */
export function useT(): Translate {
  const { lang } = useContext(LangContext);
  return useMemo(() => createTranslate(lang), [lang]);
}
