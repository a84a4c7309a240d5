// The website side of a companion login, on the SDK (@simauth/client's browser bundle): start it,
// show the match number, follow the live status (SimauthWeb.waitForResult reads the SSE stream).
import { SimauthProblem, SimauthWeb, version } from '/assets/simauth-client.js';
import { AsYouType } from '/assets/phone-input.js';

const $ = (id) => document.getElementById(id);
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
const FINAL = {
  MATCH_SUCCESS: ['Signed in', 'ok', 'Your phone proved it holds the SIM of this number.'],
  DENIED: ['Sign-in denied', 'bad', 'The request was denied on the phone.'],
  MATCH_FAILED: [
    'No match',
    'bad',
    'The SIM in the phone that approved does not hold this number.',
  ],
  EXPIRED: ['Request expired', 'bad', 'The phone did not finish in time. Start again.'],
  PROVIDER_ERROR: ['Check failed', 'bad', 'The SIM check could not be completed. Start again.'],
  SIM_SWAP_DETECTED: [
    'SIM changed recently',
    'bad',
    'The SIM behind this number changed recently, so it cannot sign you in now. Contact support if this was not you.',
  ],
};
// What a refused number's `reason` (the problem's errors[]) means, said to a person; `country`
// is the number's country by name, or empty when it is not known.
const NUMBER_REFUSED = {
  NOT_A_NUMBER: () =>
    region
      ? `Enter your phone number, or one from another country with + and its country code.`
      : 'Enter the number in international format with a leading +, e.g. +447400123456.',
  INVALID_COUNTRY: () =>
    'No country has the calling code this number starts with. Check the digits after the +.',
  TOO_SHORT: (country) =>
    `This number is too short for its country${country}. Check that no digit is missing.`,
  TOO_LONG: (country) =>
    `This number is too long for its country${country}. Check for an extra digit.`,
  INVALID_LENGTH: (country) =>
    `This number has the wrong number of digits for its country${country}.`,
  INVALID_NUMBER: (country) =>
    `No phone can have this number: its country${country} does not use it. Check it and try again.`,
};

// The field formats the number as it is typed (07700 900001, +44 7700 900001), while the caret
// is at its end: editing in the middle or deleting is left alone.
$('phone').addEventListener('input', (event) => {
  const field = event.target;
  if (event.inputType?.startsWith('delete') || field.selectionStart !== field.value.length) return;
  const formatted = new AsYouType(region).input(field.value);
  if (formatted && formatted !== field.value) field.value = formatted;
});
if (region)
  $('number-hint').textContent =
    `A number from ${regionNames.of(region)}, or any number with + and its country code. No password, no SMS.`;
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
          $('status-line').textContent = 'Connection lost — reconnecting…';
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
    $('outcome-detail').textContent = 'The server cannot be reached. Try again.';
  }
  show('final');
}

function show(section) {
  for (const id of ['start', 'waiting', 'final']) $(id).classList.toggle('hidden', id !== section);
}

function formError(text) {
  $('form-error').textContent = text;
  $('form-error').classList.toggle('hidden', !text);
}

// A sentence for a refused number: a person reads why, not a field name.
function refusal(problem, written) {
  const field = (problem.errors || []).find((e) => e.field === 'phone_number');
  const sentence = field && NUMBER_REFUSED[field.reason];
  if (!sentence) return problem.detail || problem.title;
  const typer = new AsYouType(region);
  typer.input(written);
  const country = typer.getCountry() || (written.startsWith('+') ? undefined : region);
  return sentence(country ? ` (${regionNames.of(country)})` : '');
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
    $('outcome').textContent =
      status === 'MATCH_SUCCESS'
        ? 'Signed in — returning to the app…'
        : 'Sign-in denied — returning to the app…';
    $('outcome').className = `outcome ${status === 'MATCH_SUCCESS' ? 'ok' : 'bad'}`;
    $('outcome-detail').textContent = '';
    $('claims').classList.add('hidden');
    show('final');
    return leave('finish', { poll_token: pollToken });
  }
  const [title, tone, detail] = FINAL[status];
  $('outcome').textContent = title;
  $('outcome').className = `outcome ${tone}`;
  $('outcome-detail').textContent = detail;
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
    $('countdown').textContent = left > 0 ? `expires in ${left}s` : 'expiring…';
  };
  tick();
  ticker = setInterval(tick, 250);
}

const STATUS_TEXT = {
  PENDING: 'Waiting for your phone…',
  APPROVED: 'Approved on the phone — checking the SIM…',
  MATCH_PENDING: 'Checking the SIM with the mobile network…',
};

// Follows the login live until a final status; a login's deadline never moves, so the countdown
// started with it runs on.
async function follow(login) {
  const controller = new AbortController();
  following = controller;
  try {
    const { status, idToken } = await web.waitForResult(login, {
      signal: controller.signal,
      onStatus: (status) => {
        if (!FINAL[status]) say(STATUS_TEXT[status] || status);
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
    say(STATUS_TEXT.PENDING);
    stop();
    countdown(login.expiresAt);
    show('waiting');
    follow(login);
  } catch (err) {
    if (err instanceof SimauthProblem && err.status !== 0) return formError(refusal(err, written));
    formError('The server cannot be reached. Try again.');
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
