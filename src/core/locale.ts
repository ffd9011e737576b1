// The languages Seven Stops speaks, and how a language tag (VS Code's display language, LANG) maps to one.

/** English is the default; Russian is the second language (issue 18). */
export type Locale = 'en' | 'ru';

export const LOCALES: readonly Locale[] = ['en', 'ru'];

/**
 * The locale of a language tag: `ru`, `ru-RU`, `ru_RU.UTF-8` give 'ru'; anything else, or nothing, 'en'.
 * POSIX tags (LANG, LC_ALL) and BCP 47 tags (VS Code's `env.language`) are both understood.
 */
export function localeOf(tag: string | undefined): Locale {
  return /^ru(?:[-_.@]|$)/i.test(tag?.trim() ?? '') ? 'ru' : 'en';
}

/** A Russian count with its noun in the right form: `1 маршрут`, `3 маршрута`, `11 маршрутов`, `21 маршрут`. */
export function pluralRu(n: number, one: string, few: string, many: string): string {
  const d10 = n % 10;
  const d100 = n % 100;
  return `${n} ${d10 === 1 && d100 !== 11 ? one : d10 >= 2 && d10 <= 4 && (d100 < 12 || d100 > 14) ? few : many}`;
}
