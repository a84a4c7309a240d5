// The pages' own libraries, bundled by tools/client-bundle.mjs into /assets/login-kit.js (see there).
import i18next from 'i18next';

export { AsYouType } from 'libphonenumber-js/min';

/**
 * The page's language and what its script says in it, from the data block the server rendered
 * (`<script type="application/json" id="messages">`): `t` translates (plurals included), `exists`
 * says whether a message is there. Shared by the login page and the virtual phone.
 */
export async function pageMessages() {
  const { lng, script } = JSON.parse(document.getElementById('messages').textContent);
  await i18next.init({
    lng,
    resources: { [lng]: { translation: script } },
    interpolation: { escapeValue: false }, // every message is set as text, never as HTML
  });
  return { lng, t: i18next.t.bind(i18next), exists: (key) => i18next.exists(key) };
}
