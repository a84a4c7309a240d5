// The website side of a companion login, on the SDK (@simauth/client's browser bundle): start it,
// show the match number, follow the live status (SimauthWeb.waitForResult reads the SSE stream).
import { SimauthProblem, SimauthWeb, version } from '/assets/simauth-client.js';
import { AsYouType, i18next } from '/assets/login-kit.js';

const $ = (id) => document.getElementById(id);
// The page's language and what its script says in it: rendered by the server into a data block.
const { lng, script } = JSON.parse($('messages').textContent);
await i18next.init({
  lng,
  resources: { [lng]: { translation: script } },
  interpolation: { escapeValue: false }, // every message is set as text, never as HTML
});
const t = i18next.t.bind(i18next);
// Which SDK build runs this page (the Chromium tests read it).
document.documentElement.dataset.simauthClient = version;

// The region whose national format the field takes: the deployment's DEFAULT_REGION, else the
// browser's own (a language tag's region, en-GB; none is guessed from a bare language).
const region =
  document.documentElement.dataset.defaultRegion ||
  navigator.languages.map((tag) => new Intl.Locale(tag).region).find(Boolean);
const regionNames = new Intl.DisplayNames([document.documentElement.lang || 'en'], {
  type: 'region',
});
// The final statuses, with their tone (the messages are the catalog's final.<STATUS>[_detail]).
const FINAL = {
  MATCH_SUCCESS: 'ok',
  DENIED: 'bad',
  MATCH_FAILED: 'bad',
  EXPIRED: 'bad',
  PROVIDER_ERROR: 'bad',
  SIM_SWAP_DETECTED: 'bad',
};
// What a refused number's `reason` (the problem's errors[]) means, said to a person: the
// catalog's refused.<REASON>, with the number's country by name when it is known.
function refusalSentence(reason, country) {
  if (!i18next.exists(`refused.${reason}`)) return undefined;
  if (reason === 'NOT_A_NUMBER' && region) return t('refused.NOT_A_NUMBER_region');
  return t(`refused.${reason}`, { country: country ? ` (${regionNames.of(country)})` : '' });
}

// The field formats the number as it is typed (07700 900001, +44 7700 900001), while the caret
// is at its end: editing in the middle or deleting is left alone.
$('phone').addEventListener('input', (event) => {
  const field = event.target;
  if (event.inputType?.startsWith('delete') || field.selectionStart !== field.value.length) return;
  const formatted = new AsYouType(region).input(field.value);
  if (formatted && formatted !== field.value) field.value = formatted;
});
if (region)
  $('number-hint').textContent = t('numberHintRegion', { country: regionNames.of(region) });
let following; // the AbortController of the login being followed
let ticker;
// Set when an app signs in through simauth's OpenID Provider: this page is its login step.
const query = new URLSearchParams(location.search);
const interaction = query.get('interaction');
let pollToken;
if (interaction) {
  $('client-note').classList.remove('hidden');
  $('cancel').classList.remove('hidden');
  if (query.get('login_hint')) $('phone').value = query.get('login_hint');
}

// What the status line says while the connection holds.
let statusText = '';
function say(text) {
  statusText = text;
  $('status-line').textContent = text;
}

// The SDK calls simauth on this page's own origin. While a login is followed, a request that
// cannot reach the server is said on the page as the SDK reconnects, until one answers again.
const web = new SimauthWeb({
  baseUrl: location.origin,
  fetch: (input, init) =>
    fetch(input, init).then(
      (res) => {
        if (following) $('status-line').textContent = statusText;
        return res;
      },
      (err) => {
        if (following && !following.signal.aborted)
          $('status-line').textContent = t('connectionLost');
        throw err;
      },
    ),
});

// Hands the outcome to the OpenID Provider, which sends the browser back to the app.
async function leave(path, body) {
  try {
    const { data, error } = await web.api.POST(`/oidc/interaction/{uid}/${path}`, {
      params: { path: { uid: interaction } },
      body,
    });
    if (data) return location.assign(data.redirect_to);
    $('outcome-detail').textContent = error.detail || error.title;
  } catch {
    $('outcome-detail').textContent = t('unreachable');
  }
  show('final');
}

function show(section) {
  if (section !== 'waiting') $('match-said').textContent = '';
  for (const id of ['start', 'waiting', 'final']) $(id).classList.toggle('hidden', id !== section);
}

function formError(text) {
  $('form-error').textContent = text;
  $('form-error').classList.toggle('hidden', !text);
}

// A sentence for a refused number: a person reads why, not a field name.
function refusal(problem, written) {
  const field = (problem.errors || []).find((e) => e.field === 'phone_number');
  const typer = new AsYouType(region);
  typer.input(written);
  const country = typer.getCountry() || (written.startsWith('+') ? undefined : region);
  return (field && refusalSentence(field.reason, country)) || problem.detail || problem.title;
}

// The server's decision on the number as written (the page's own route, the same validator as
// every entry point): its E.164 form, or the problem saying why not.
async function checkNumber(written) {
  const res = await fetch('/login/number', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ phone_number: written, ...(region ? { region } : {}) }),
  });
  const body = await res.json();
  return res.ok ? { number: body.phone_number } : { problem: body };
}

function stop() {
  if (following) following.abort();
  clearInterval(ticker);
  following = undefined;
}

function decodeClaims(jwt) {
  const part = jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
  return JSON.parse(decodeURIComponent(escape(atob(part))));
}

function finish(status, idToken) {
  stop();
  if (interaction && (status === 'MATCH_SUCCESS' || status === 'DENIED')) {
    $('outcome').textContent = t(`returning.${status}`);
    $('outcome').className = `outcome ${status === 'MATCH_SUCCESS' ? 'ok' : 'bad'}`;
    $('outcome-detail').textContent = '';
    $('claims').classList.add('hidden');
    show('final');
    return leave('finish', { poll_token: pollToken });
  }
  $('outcome').textContent = t(`final.${status}`);
  $('outcome').className = `outcome ${FINAL[status]}`;
  $('outcome-detail').textContent = t(`final.${status}_detail`);
  const table = $('claims');
  table.replaceChildren();
  table.classList.toggle('hidden', !idToken);
  if (idToken) {
    const claims = decodeClaims(idToken);
    for (const [key, value] of Object.entries(claims)) {
      const row = table.insertRow();
      row.insertCell().textContent = key;
      row.insertCell().textContent =
        key === 'exp' || key === 'iat' || key === 'auth_time'
          ? new Date(value * 1000).toLocaleTimeString()
          : JSON.stringify(value);
    }
  }
  show('final');
}

function countdown(expiresAt) {
  const tick = () => {
    const left = Math.max(0, Math.round((Date.parse(expiresAt) - Date.now()) / 1000));
    $('countdown').textContent = left > 0 ? t('countdown', { count: left }) : t('expiring');
  };
  tick();
  ticker = setInterval(tick, 250);
}

// What the status line says for a status on the way (the catalog's status.<STATUS>).
const statusLine = (status) =>
  i18next.exists(`status.${status}`) ? t(`status.${status}`) : status;

// Follows the login live until a final status; a login's deadline never moves, so the countdown
// started with it runs on.
async function follow(login) {
  const controller = new AbortController();
  following = controller;
  try {
    const { status, idToken } = await web.waitForResult(login, {
      signal: controller.signal,
      onStatus: (status) => {
        if (!FINAL[status]) say(statusLine(status));
      },
    });
    if (following === controller) finish(status, idToken);
  } catch (err) {
    // Stopped by "Start again", or refused for good (the login is gone): say why.
    if (controller.signal.aborted || following !== controller) return;
    $('status-line').textContent =
      err instanceof SimauthProblem ? err.detail || err.title : String(err);
  }
}

$('form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const written = $('phone').value.trim();
  formError('');
  $('submit').disabled = true;
  try {
    const { number, problem } = await checkNumber(written);
    if (problem) return formError(refusal(problem, written));
    const login = await web.startLogin(number, interaction ? { interaction } : {});
    pollToken = login.pollToken;
    $('match').textContent = login.matchNumber;
    // Sandbox mode only: the page of a configured deployment has no developer text.
    if ($('login-id')) $('login-id').textContent = login.loginId;
    say(t('status.PENDING'));
    stop();
    countdown(login.expiresAt);
    show('waiting');
    $('match-said').textContent = t('matchSaid', { number: login.matchNumber });
    follow(login);
  } catch (err) {
    if (err instanceof SimauthProblem && err.status !== 0) return formError(refusal(err, written));
    formError(t('unreachable'));
  } finally {
    $('submit').disabled = false;
  }
});

$('cancel').addEventListener('click', () => leave('abort', {}));

$('retry').addEventListener('click', () => {
  stop();
  show('start');
  $('phone').focus();
});
