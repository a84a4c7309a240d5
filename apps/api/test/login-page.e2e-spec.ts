import { TestApp, startTestApp } from '@test-support/test-app';
import { realPhoneNumber, uniquePhoneNumber } from '@test-support/device';

/** Asks the login page's own route what a written number is. */
async function written(app: TestApp, body: Record<string, unknown>) {
  const res = await fetch(`${app.url}/login/number`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as any };
}

describe('the login page takes numbers as people write them', () => {
  let british: TestApp;
  let unset: TestApp;
  let real: TestApp;
  beforeAll(async () => {
    british = await startTestApp({ env: { DEFAULT_REGION: 'GB' } });
    unset = await startTestApp({ sharedSandbox: british.sandbox });
    real = await startTestApp({
      hideSandbox: true,
      sharedSandbox: british.sandbox,
      env: { DEFAULT_REGION: 'GB' },
    });
  });
  afterAll(async () => {
    await real?.close();
    await unset?.close();
    await british?.close();
  });

  it('turns a national number of DEFAULT_REGION into E.164 through the server validator, the sandbox test numbers included', async () => {
    const sim = uniquePhoneNumber();
    const national = `0${sim.slice(3, 7)} ${sim.slice(7)}`;
    for (const phone_number of [national, `00 44 ${sim.slice(3)}`, `+44 (0)${sim.slice(3)}`]) {
      expect(await written(british, { phone_number })).toEqual({
        status: 200,
        body: { phone_number: sim, region: 'GB' },
      });
    }
    // DEFAULT_REGION wins over the browser's region.
    expect((await written(british, { phone_number: national, region: 'DE' })).body).toEqual({
      phone_number: sim,
      region: 'GB',
    });
  });

  it("uses the browser's region only when DEFAULT_REGION is unset, and without any region takes international numbers only", async () => {
    const sim = uniquePhoneNumber();
    const national = `0${sim.slice(3)}`;
    expect((await written(unset, { phone_number: national, region: 'GB' })).body).toEqual({
      phone_number: sim,
      region: 'GB',
    });
    expect((await written(unset, { phone_number: `+44 ${sim.slice(3)}` })).body).toEqual({
      phone_number: sim,
    });
    const refused = await written(unset, { phone_number: national });
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual([
      { field: 'phone_number', message: expect.any(String), reason: 'NOT_A_NUMBER' },
    ]);
  });

  it('refuses with the reason of the API: too short, too long, no such country, no number at all, impossible; and a bad region by name', async () => {
    for (const [phone_number, reason] of [
      ['0770', 'TOO_SHORT'],
      ['07700 9000011 234', 'TOO_LONG'],
      ['+999 123 456 789', 'INVALID_COUNTRY'],
      ['seven', 'NOT_A_NUMBER'],
      ['04000 000001', 'INVALID_NUMBER'],
    ]) {
      const refused = await written(british, { phone_number });
      expect({ phone_number, status: refused.status, errors: refused.body.errors }).toEqual({
        phone_number,
        status: 400,
        errors: [{ field: 'phone_number', message: expect.any(String), reason }],
      });
      expect(refused.body.type).toBe('urn:simauth:problem:validation-error');
    }
    const badRegion = await written(unset, { phone_number: '07700900001', region: 'gb' });
    expect(badRegion.status).toBe(400);
    expect(badRegion.body.errors.map((e: { field: string }) => e.field)).toEqual(['region']);
  });

  it("refuses the sandbox's test numbers in a configured deployment, and takes a real one written nationally", async () => {
    const refused = await written(real, { phone_number: '07700 900001' });
    expect(refused.body.errors[0].reason).toBe('INVALID_NUMBER');
    const number = realPhoneNumber();
    expect((await written(real, { phone_number: `0${number.slice(3)}` })).body.phone_number).toBe(
      number,
    );
  });

  it('keeps the API itself on E.164: /v1/logins refuses a national number even with DEFAULT_REGION', async () => {
    const res = await fetch(`${british.url}/v1/logins`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ phone_number: '07700 900001' }),
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as any).errors[0]).toMatchObject({
      field: 'phone_number',
      reason: 'NOT_A_NUMBER',
    });
  });

  it('tells the page its DEFAULT_REGION, and shows developer text (the login id, "try another phone") in sandbox mode only', async () => {
    const sandboxPage = await (await fetch(`${british.url}/login`)).text();
    const realPage = await (await fetch(`${real.url}/login`)).text();
    expect(sandboxPage).toContain('<html data-default-region="GB" lang="en" dir="ltr">');
    expect(await (await fetch(`${unset.url}/login`)).text()).toContain(
      '<html lang="en" dir="ltr">',
    );
    expect(sandboxPage).toContain('id="login-id"');
    expect(sandboxPage).toMatch(/try it\s+from another phone/);
    expect(sandboxPage).not.toContain('sandbox-only');
    expect(realPage).not.toContain('login-id');
    expect(realPage).not.toMatch(/another phone|sandbox-only/);
    expect(realPage).toContain('id="match"');
  });

  /** The login page as a browser asks for it: its language, its Vary, and the page itself. */
  async function page(query = '', acceptLanguage?: string) {
    const res = await fetch(`${unset.url}/login${query}`, {
      headers: acceptLanguage ? { 'accept-language': acceptLanguage } : {},
    });
    const html = await res.text();
    return {
      lang: /<html lang="([a-z]+)" dir="(ltr|rtl)"/.exec(html)?.slice(1).join(' '),
      vary: res.headers.get('vary'),
      language: res.headers.get('content-language'),
      heading: /<h1>([^<]*)<\/h1>/.exec(html)?.[1],
      html,
    };
  }

  it('renders the page in the language of ui_locales, then of Accept-Language (by q), then English, and says it varies by Accept-Language', async () => {
    expect(await page('', 'de-DE,de;q=0.9,en;q=0.8')).toMatchObject({
      lang: 'de ltr',
      vary: expect.stringMatching(/Accept-Language/i),
      language: 'de',
      heading: 'Mit Ihrem Telefon anmelden',
    });
    expect((await page('?ui_locales=ja%20fr-CA%20de', 'de')).heading).toBe(
      'Connectez-vous avec votre téléphone',
    );
    expect((await page('', 'ja, es;q=0.5, fr;q=0.7')).lang).toBe('fr ltr');
    expect((await page('', 'de;q=0, es;q=0.1')).heading).toBe('Inicia sesión con tu teléfono');
    expect(await page('', 'ja, zh-CN')).toMatchObject({
      lang: 'en ltr',
      heading: 'Sign in with your phone',
    });
    expect((await page()).lang).toBe('en ltr');
  });

  it("gives the page's script its messages in the page's language, as data it does not execute", async () => {
    const { html } = await page('', 'es');
    const block = /<script type="application\/json" id="messages">([^<]*)<\/script>/.exec(html)!;
    const messages = JSON.parse(block[1]);
    expect(messages.lng).toBe('es');
    expect(messages.script.countdown_other).toBe('caduca en {{count}} segundos');
    // Every other placeholder of the template is filled.
    expect(html.replace(block[0], '')).not.toMatch(/\{\{|\}\}/);
  });
});
