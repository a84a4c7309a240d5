import { TestApp, startTestApp } from '@test-support/test-app';

describe("the virtual phone's page in the person's language (sandbox mode)", () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t.close());

  const phonePage = (acceptLanguage?: string) =>
    fetch(`${t.url}/phone`, {
      headers: acceptLanguage ? { 'accept-language': acceptLanguage } : {},
    });

  it('renders its fixed texts in the language Accept-Language prefers, saying which', async () => {
    const res = await phonePage('de-AT, en;q=0.8');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-language')).toBe('de');
    expect(res.headers.get('vary')).toMatch(/accept-language/i);
    const html = await res.text();
    expect(html).toMatch(/<html lang="de" dir="ltr">/);
    expect(html).toContain('<h1>Virtuelles Telefon <small class="hint">(Sandbox)</small></h1>');
    expect(html).toContain('>Dieses Telefon registrieren</button>');
    expect(html).toContain('>Ablehnen — das bin nicht ich</button>');
  });

  /** The page's JSON data block (what its script says) and the rest of the page. */
  const split = (html: string) => {
    const block = /<script type="application\/json" id="messages">([^<]*)<\/script>/.exec(html)!;
    return { messages: JSON.parse(block[1]), rest: html.replace(block[0], '') };
  };

  it('renders it in English without a language it has, and leaves no placeholder in any language', async () => {
    const english = await (await phonePage('ja')).text();
    expect(english).toMatch(/<html lang="en" dir="ltr">/);
    expect(english).toContain('>Register this phone</button>');
    for (const lng of ['en', 'de', 'fr', 'es']) {
      const { rest } = split(await (await phonePage(lng)).text());
      expect({ lng, placeholders: rest.match(/\{\{[^}]*\}\}/g) }).toEqual({
        lng,
        placeholders: null,
      });
    }
  });

  it("gives the page's script what it says in the page's language, as data it does not execute", async () => {
    const { messages } = split(await (await phonePage('fr-CH, de;q=0.5')).text());
    expect(messages.lng).toBe('fr');
    expect(messages.script.registered).toBe(
      'Enregistré sous {{sim}}. En attente de demandes de connexion…',
    );
    expect(messages.script.messages_other).toBe('{{count}} messages');
    // Each test number the page offers has its effect in the catalog, by key.
    const config = (await (await fetch(`${t.url}/phone/config.json`)).json()) as {
      test_numbers: { key: string }[];
    };
    for (const { key } of config.test_numbers)
      expect({ key, effect: typeof messages.script.effect[key] }).toEqual({
        key,
        effect: 'string',
      });
  });
});
