import { signal } from '@preact/signals';
import { en, enOne } from './en';
import { vi, type MessageKey } from './vi';

export type Lang = 'vi' | 'en';
export type { MessageKey };

export const catalogs: Record<Lang, Record<MessageKey, string>> = { vi, en };

const STORAGE_KEY = 'hoinghi.lang';

function initialLang(): Lang {
  try {
    const q = new URLSearchParams(globalThis.location?.search ?? '').get('lang');
    if (q === 'en' || q === 'vi') return q;
    const saved = globalThis.localStorage?.getItem(STORAGE_KEY);
    if (saved === 'en' || saved === 'vi') return saved;
  } catch {
    // storage may be unavailable (private mode, tests)
  }
  return 'vi';
}

/** The language of the interface; Vietnamese unless the user chose English. */
export const lang = signal<Lang>(initialLang());

export function setLang(l: Lang): void {
  lang.value = l;
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, l);
  } catch {
    // ignore
  }
  if (globalThis.document) document.documentElement.lang = l;
}

/** Fills {name} placeholders; a missing parameter stays visible rather than silently vanishing. */
export function format(template: string, params?: Record<string, string | number>): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}

export function translate(l: Lang, key: MessageKey, params?: Record<string, string | number>): string {
  const one = l === 'en' && params?.n === 1 ? enOne[key] : undefined;
  return format(one ?? catalogs[l][key] ?? vi[key] ?? key, params);
}

/** The current language's message; reading `lang` makes components re-render when it changes. */
export function t(key: MessageKey, params?: Record<string, string | number>): string {
  return translate(lang.value, key, params);
}

/** Dates and times shown in the interface follow the language. */
export function formatTime(ms: number): string {
  return new Date(ms).toLocaleTimeString(lang.value === 'vi' ? 'vi-VN' : 'en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit' });
}

/** A date with its time, in the interface's language (Vietnam time where the browser is). */
export function formatDateTime(ms: number, seconds = false): string {
  return new Date(ms).toLocaleString(lang.value === 'vi' ? 'vi-VN' : 'en-GB', {
    day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', ...(seconds ? { second: '2-digit' } : {}),
  });
}
