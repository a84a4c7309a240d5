import { PAGE_CATALOGS, PAGE_LANGUAGES } from './page-i18n';
import type { Catalog } from './locales/catalog';

/** Every key of a catalog, as `a.b.c`. */
const keysOf = (catalog: Catalog, prefix = ''): string[] =>
  Object.entries(catalog).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : keysOf(value, `${prefix}${key}.`),
  );

describe('the login page catalogs', () => {
  const english = keysOf(PAGE_CATALOGS.en);

  it.each(PAGE_LANGUAGES.filter((lng) => lng !== 'en'))(
    'has in %s every key English has, and none English lacks',
    (lng) => {
      const keys = keysOf(PAGE_CATALOGS[lng]);
      expect(english.filter((key) => !keys.includes(key))).toEqual([]);
      expect(keys.filter((key) => !english.includes(key))).toEqual([]);
    },
  );

  it.each(PAGE_LANGUAGES)('keeps in %s the placeholders English has in each message', (lng) => {
    const at = (catalog: Catalog, key: string) =>
      key.split('.').reduce<Catalog | string>((node, part) => (node as Catalog)[part], catalog);
    for (const key of english) {
      const placeholders = (text: unknown) =>
        [...String(text).matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
      expect({ key, has: placeholders(at(PAGE_CATALOGS[lng], key)) }).toEqual({
        key,
        has: placeholders(at(PAGE_CATALOGS.en, key)),
      });
    }
  });
});
