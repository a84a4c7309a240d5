// The website side of a companion login, on the SDK (@simauth/client's browser bundle): start it,
// show the match number, follow the live status (SimauthWeb.waitForResult reads the SSE stream).
import { SimauthProblem, SimauthWeb, version } from '/assets/simauth-client.js';
import { AsYouType, pageMessages } from '/assets/login-kit.js';

const $ = (id) => document.getElementById(id);
// The page's language and what its script says in it: rendered by the server into a data block.
const { t, exists } = await pageMessages();
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
// The final statuses: their tone and their one next step (the messages are the catalog's
// final.<STATUS>[_detail]). A recent SIM swap is not mended by trying again: the next step is the
// brand's support (BRAND_SUPPORT_URL), or, without one, another number.
const FINAL = {
  MATCH_SUCCESS: { tone: 'ok', next: 'startAgain' },
  DENIED: { tone: 'bad', next: 'retry' },
  MATCH_FAILED: { tone: 'bad', next: 'otherNumber' },
  EXPIRED: { tone: 'bad', next: 'retry' },
  PROVIDER_ERROR: { tone: 'bad', next: 'retry' },
  SIM_SWAP_DETECTED: { tone: 'bad', next: $('support') ? 'support' : 'otherNumber' },
};
// What a refused number's `reason` (the problem's errors[]) means, said to a person: the
// catalog's refused.<REASON>, with the number's country by name when it is known.
function refusalSentence(reason, country) {
  if (!exists(`refused.${reason}`)) return undefined;
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
  let problem;
  try {
    const { data, error, response } = await web.api.POST(`/oidc/interaction/{uid}/${path}`, {
      params: { path: { uid: interaction } },
      body,
    });
    if (data) return location.assign(data.redirect_to);
    problem = { ...error, retryAfter: Number(response.headers.get('retry-after')) || undefined };
  } catch {
    problem = { status: 0 };
  }
  trouble(problem);
}

// Shows one of the page's states. The focus moves to what it says (the waiting prompt, the
// outcome), so keyboard and screen reader users are taken to it; the form keeps its field.
function show(section) {
  if (section !== 'waiting') $('match-said').textContent = '';
  for (const id of ['start', 'waiting', 'final']) $(id).classList.toggle('hidden', id !== section);
  if (section === 'waiting') $('approve-prompt').focus();
  if (section === 'final') $('outcome').focus();
}

// A refusal of the form: said under the field (role alert), the field marked invalid and focused
// again, so the person reads why and corrects it where they are.
function formError(text) {
  $('form-error').textContent = text;
  $('form-error').classList.toggle('hidden', !text);
  if (!text) return $('phone').removeAttribute('aria-invalid');
  $('phone').setAttribute('aria-invalid', 'true');
  $('phone').focus();
}

// What a refused request means for the person, by the problem's machine-readable type (and
// Retry-After), never its English detail: a sentence in the page's language.
function problemSentence(problem) {
  const code = String(problem.type ?? '').replace('urn:simauth:problem:', '');
  if (problem.status === 0) return t('unreachable');
  if (code === 'rate-limited') {
    const seconds = Math.max(1, Math.ceil(problem.retryAfter ?? 60));
    return seconds < 60
      ? t('trouble.tooManySeconds', { count: seconds })
      : t('trouble.tooManyMinutes', { count: Math.ceil(seconds / 60) });
  }
  if (['provider-error', 'provider-unavailable', 'service-unavailable'].includes(code))
    return t('trouble.unavailable');
  if (problem.status === 404 || problem.status === 410 || problem.status === 401)
    return t(interaction ? 'trouble.goneApp' : 'trouble.gone');
  return t('trouble.failed');
}

// The outcome's one next step: a button (try again, another number, start again), or the
// brand's support link; in an OpenID sign-in, "Cancel and go back to the app" stays beside it.
function offer(next) {
  $('retry').classList.toggle('hidden', !next || next === 'support');
  if (next && next !== 'support') {
    $('retry').textContent = t(`next.${next}`);
    $('retry').dataset.next = next;
  }
  if ($('support')) $('support').classList.toggle('hidden', next !== 'support');
}

// A request refused on the way (the login's stream, or handing the outcome to the app): said as
// the outcome, with its next step. A login that is gone is started again; an OpenID sign-in that
// is gone can only be begun again at the app, which the sentence says.
function trouble(problem) {
  stop();
  const ended = [401, 404, 410].includes(problem.status);
  const gone = interaction && ended;
  $('outcome').textContent = t('trouble.title');
  $('outcome').className = 'outcome bad';
  $('outcome-detail').textContent = problemSentence(problem);
  $('claims').classList.add('hidden');
  $('cancel').classList.toggle('hidden', !interaction || gone);
  offer(gone ? undefined : ended ? 'startAgain' : 'retry');
  show('final');
}

// A sentence for a refused number: a person reads why, not a field name; any other refusal
// (too many attempts, the service unavailable) by its problem type.
function refusal(problem, written) {
  const field = (problem.errors || []).find((e) => e.field === 'phone_number');
  const typer = new AsYouType(region);
  typer.input(written);
  const country = typer.getCountry() || (written.startsWith('+') ? undefined : region);
  return (field && refusalSentence(field.reason, country)) || problemSentence(problem);
}

// The server's decision on the number as written (the page's own route, the same validator as
// every entry point): its E.164 form, or the problem saying why not.
async function checkNumber(written) {
  const res = await fetch('/login/number', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ phone_number: written, ...(region ? { region } : {}) }),
  });
  const body = await res.json().catch(() => ({}));
  if (res.ok) return { number: body.phone_number };
  const retryAfter = Number(res.headers.get('retry-after')) || undefined;
  return { problem: { ...body, status: res.status, retryAfter } };
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
    offer(undefined);
    $('cancel').classList.add('hidden');
    show('final');
    return leave('finish', { poll_token: pollToken });
  }
  $('outcome').textContent = t(`final.${status}`);
  $('outcome').className = `outcome ${FINAL[status].tone}`;
  $('outcome-detail').textContent = t(`final.${status}_detail`);
  if (interaction) $('cancel').classList.remove('hidden');
  offer(FINAL[status].next);
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
const statusLine = (status) => (exists(`status.${status}`) ? t(`status.${status}`) : status);

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
    trouble(err instanceof SimauthProblem ? err : { status: 0 });
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
    formError(err instanceof SimauthProblem ? refusal(err, written) : t('unreachable'));
  } finally {
    $('submit').disabled = false;
  }
});

// The form is this script's from here on: its button was disabled until now (login.html).
$('submit').disabled = false;

$('cancel').addEventListener('click', () => leave('abort', {}));

// "Try again" and "Start again" keep the number, ready to continue; "Use another number" clears it.
$('retry').addEventListener('click', () => {
  stop();
  show('start');
  if ($('retry').dataset.next === 'otherNumber') {
    $('phone').value = '';
    $('phone').focus();
  } else $('submit').focus();
});
