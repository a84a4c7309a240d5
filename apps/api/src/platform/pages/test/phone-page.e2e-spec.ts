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

  it('renders it in English without a language it has, and leaves no placeholder in any language', async () => {
    const english = await (await phonePage('ja')).text();
    expect(english).toMatch(/<html lang="en" dir="ltr">/);
    expect(english).toContain('>Register this phone</button>');
    for (const lng of ['en', 'de', 'fr', 'es']) {
      const html = await (await phonePage(lng)).text();
      expect({ lng, placeholders: html.match(/\{\{[^}]*\}\}/g) }).toEqual({
        lng,
        placeholders: null,
      });
    }
  });
});
