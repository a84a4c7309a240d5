import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { COMPANION_LOGIN_TABLE } from '../../features/companion-login/companion-login.states';
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

describe('what the pages and their scripts ask of the catalogs', () => {
  const read = (path: string) => readFileSync(join(__dirname, '../../../../..', path), 'utf8');
  /** The message at `key` of English's section `root` ('' for the whole catalog), or its plurals. */
  const messagesAt = (root: string, key: string): string[] => {
    const section = root ? (PAGE_CATALOGS.en[root] as Catalog) : PAGE_CATALOGS.en;
    const at = (path: string) =>
      path
        .split('.')
        .reduce<Catalog | string | undefined>(
          (node, part) => (typeof node === 'object' ? node[part] : undefined),
          section,
        );
    return [key, `${key}_one`, `${key}_other`]
      .map(at)
      .filter((m): m is string => typeof m === 'string');
  };
  const placeholders = (messages: string[]) =>
    [...new Set(messages.flatMap((m) => [...m.matchAll(/\{\{(\w+)\}\}/g)].map((p) => p[1])))]
      .filter((name) => name !== 'count')
      .sort();

  it.each([
    ['apps/api/src/platform/pages/static/login.html'],
    ['libs/sandbox/src/virtual-phone/static/phone.html'],
  ])('finds a message in English for every {{key.path}} of %s', (template) => {
    const keys = [...read(template).matchAll(/\{\{([a-zA-Z]+\.[a-zA-Z.]+)\}\}/g)].map((m) => m[1]);
    expect(keys.length).toBeGreaterThan(5);
    expect(keys.filter((key) => messagesAt('', key).length === 0)).toEqual([]);
  });

  it.each([
    ['apps/api/src/platform/pages/static/login.js', 'script'],
    ['libs/sandbox/src/virtual-phone/static/phone.js', 'phoneScript'],
    ['apps/api/src/platform/pages/login-page.ts', ''],
    ['apps/api/src/platform/pages/page-i18n.ts', ''],
    ['apps/api/src/features/oidc/oidc-pages.ts', ''],
  ])(
    'finds each message %s asks for by name, with the values its placeholders want',
    (source, root) => {
      const calls = [
        ...read(source).matchAll(/(?<![\w.$])t\(\s*'([\w.]+)'(?:\s*,\s*\{([^}]*)\})?/g),
      ];
      expect(calls.length).toBeGreaterThan(2);
      for (const [, key, values] of calls) {
        const given = (values ?? '')
          .split(',')
          .map((v) => v.split(':')[0].trim())
          .filter((name) => name && name !== 'count' && name !== 'defaultValue')
          .sort();
        const messages = messagesAt(root, key);
        expect({ key, found: messages.length > 0, given }).toEqual({
          key,
          found: true,
          given: placeholders(messages),
        });
      }
    },
  );

  it("has a sentence and a detail for every final status of a login, and the label of each outcome's next step", () => {
    for (const status of COMPANION_LOGIN_TABLE.final)
      expect({ status, title: messagesAt('script', `final.${status}`).length }).toEqual({
        status,
        title: 1,
      });
    for (const status of COMPANION_LOGIN_TABLE.final)
      expect(messagesAt('script', `final.${status}_detail`)).toHaveLength(1);
    const nexts = [
      ...read('apps/api/src/platform/pages/static/login.js').matchAll(/next: '(\w+)'/g),
    ];
    expect(nexts.length).toBeGreaterThan(3);
    for (const [, next] of nexts) expect(messagesAt('script', `next.${next}`)).toHaveLength(1);
    const phone = read('libs/sandbox/src/virtual-phone/static/phone.js');
    const results = /const APPROVE_RESULT = \{([^}]*)\}/.exec(phone)![1];
    for (const [, key] of results.matchAll(/\['(\w+)'/g))
      expect(messagesAt('phoneScript', key)).toHaveLength(1);
    expect(messagesAt('phoneScript', 'notSignedIn')).toHaveLength(1);
  });
});
