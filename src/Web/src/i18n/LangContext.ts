import { createContext } from 'react';
import type { Lang } from './translate';

export interface LangState {
  lang: Lang;
  setLang: (lang: Lang) => void;
}

export const LangContext = createContext<LangState>({ lang: 'zh', setLang: () => {} });
