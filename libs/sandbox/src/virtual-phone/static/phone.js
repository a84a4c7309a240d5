// A virtual phone for the sandbox, on the SDK (@simauth/client's browser bundle): SimauthPhone
// registers its SIM, hands over its push token, approves or denies; the page waits for pushes.
// "Over mobile data" means: requests to the sandbox carry the SIM in X-Sandbox-Sim.
import { SimauthPhone, SimauthProblem, parsePushMessage, version } from '/assets/simauth-client.js';
import { pageMessages } from '/assets/login-kit.js';

const $ = (id) => document.getElementById(id);
// The page's language and what this script says in it: rendered by the server into a data block.
const { t } = await pageMessages();
// Which SDK build runs this page (the Chromium tests read it).
document.documentElement.dataset.simauthClient = version;
const PUSH_TOKEN = 'virtual-phone.push_token';
let sandboxUrl = '';
let device; // { sim, phone, storage, pushToken }: the registered phone shown
let polling = 0;
let current; // the login shown

function log(method, url, status, note = '') {
  const line = document.createElement('div');
  line.className = `s${String(status)[0]}`;
  const path = url.replace(location.origin, '').replace(sandboxUrl, '[sandbox]');
  line.textContent = `${method} ${path.length > 90 ? `${path.slice(0, 87)}…` : path} → ${status}${note ? `  ${note}` : ''}`;
  $('log').prepend(line);
}

/** The fetch the SDK calls simauth with: every request it makes shows in the page's log. */
async function loggedFetch(input, init) {
  const method = init?.method ?? (input instanceof Request ? input.method : 'GET');
  const url = input instanceof Request ? input.url : String(input);
  let res;
  try {
    res = await fetch(input, init);
  } catch (err) {
    log(method, url, 0, t('noAnswer'));
    throw err;
  }
  const problem = res.ok
    ? undefined
    : await res
        .clone()
        .json()
        .catch(() => undefined);
  log(method, url, res.status, (problem && problem.title) || '');
  return res;
}

/** Opens a URL "over mobile data": the sandbox network identifies the SIM. */
async function overMobileData(url, sim) {
  const res = await fetch(url, { headers: { 'X-Sandbox-Sim': sim } });
  const data = await res.json();
  log('GET', url, res.status, t('asSim', { sim }));
  return data;
}

/** The SMS this SIM received (the sandbox's Verify twin), shown in the phone's inbox. */
async function readSms(sim) {
  const url = `${sandboxUrl}/sandbox/sms/${encodeURIComponent(sim)}/messages`;
  const res = await fetch(url);
  const { messages } = await res.json();
  log('SMS', url, res.status, t('messages', { count: messages.length }));
  $('sms').replaceChildren(
    ...messages.map((m) => {
      const item = document.createElement('li');
      item.textContent = m.text;
      return item;
    }),
  );
  return messages;
}

/** Asks for the authenticator code the server wants when the SIM changed (a step-up). */
function askFactorCode() {
  $('factor-code').value = '';
  $('step-up').classList.remove('hidden');
  $('factor-code').focus();
  return new Promise((resolve) => {
    $('factor-submit').onclick = () => {
      $('step-up').classList.add('hidden');
      resolve($('factor-code').value.trim());
    };
  });
}

/**
 * Where this SIM's phone keeps its device credential: localStorage, one set of keys per SIM. A
 * sandbox toy only: a real app keeps it in the platform's secure store (Keychain, Keystore).
 */
function simStorage(sim) {
  const prefix = `simauth-virtual-phone:${sim}:`;
  return {
    get: async (key) => localStorage.getItem(prefix + key),
    set: async (key, value) => localStorage.setItem(prefix + key, value),
    remove: async (key) => localStorage.removeItem(prefix + key),
  };
}

/** The SDK's phone for a SIM: its own storage, its check URLs opened as that SIM. */
function phoneFor(sim) {
  const storage = simStorage(sim);
  const phone = new SimauthPhone({
    baseUrl: location.origin,
    storage,
    fetch: loggedFetch,
    openCheckUrl: (url) => overMobileData(url, sim),
    // No PhoneCheck for this number: the code came by SMS (the sandbox's inbox shows it).
    onSmsCode: async () => (await readSms(sim)).at(-1).code,
    onFactorCode: askFactorCode,
  });
  return { sim, storage, phone };
}

/** What a failure says on the phone: the problem's detail, or its title. */
function problemText(err) {
  return err instanceof SimauthProblem ? err.detail || err.title : String(err);
}

function result(text, tone) {
  $('result-text').textContent = text;
  $('result-text').className = `outcome ${tone}`;
  $('result').classList.remove('hidden');
}

async function register() {
  const sim = $('sim').value.trim();
  $('register').disabled = true;
  $('result').classList.add('hidden');
  try {
    const candidate = phoneFor(sim);
    const deviceId = `virtual-${sim.replace('+', '')}`;
    // Asks the coverage first: where no PhoneCheck can run, the code comes by SMS.
    const registered = await candidate.phone.register(sim, { deviceId });
    if (!registered.deviceId)
      return result(t('registrationFailed', { status: registered.status }), 'bad');
    const pushToken = `${deviceId}-${Date.now()}`;
    await candidate.phone.setPushToken(pushToken);
    await candidate.storage.set(PUSH_TOKEN, pushToken);
    device = { ...candidate, pushToken };
    ready();
  } catch (err) {
    result(problemText(err), 'bad');
  } finally {
    $('register').disabled = false;
  }
}

function ready() {
  $('registered').textContent = t('registered', { sim: device.sim });
  $('registered').classList.remove('hidden');
  $('forget').classList.remove('hidden');
  listen(++polling, device);
  device.phone.pendingLogins().then(
    ([first]) => first && showRequest(first.loginId, first.matchNumbers),
    () => undefined,
  );
}

/** Long-polls this phone's push inbox in the sandbox's FCM imitation. */
async function listen(generation, listening) {
  let after = 0;
  while (generation === polling) {
    try {
      const url = `${sandboxUrl}/sandbox/fcm/inboxes/${encodeURIComponent(listening.pushToken)}/messages?after=${after}&wait_ms=25000`;
      const res = await fetch(url);
      const { messages } = await res.json();
      for (const m of messages) {
        after = Math.max(after, m.seq);
        const request = parsePushMessage(m.message.data);
        if (!request || generation !== polling) continue;
        log('PUSH', 'FCM', 200, `login ${request.loginId.slice(0, 8)}…`);
        showRequest(request.loginId, request.matchNumbers);
      }
    } catch {
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
}

function showRequest(loginId, numbers) {
  current = loginId;
  const box = $('numbers');
  box.replaceChildren();
  for (const n of numbers) {
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = n;
    button.addEventListener('click', () => approve(loginId, n));
    box.append(button);
  }
  $('result').classList.add('hidden');
  $('request').classList.remove('hidden');
}

// What the phone says after approving, by the login's status: the catalog's message and tone.
const APPROVE_RESULT = {
  MATCH_SUCCESS: ['approved', 'ok'],
  DENIED: ['wrongNumber', 'bad'],
  SIM_SWAP_DETECTED: ['simSwap', 'bad'],
};

async function approve(loginId, matchNumber) {
  $('request').classList.add('hidden');
  try {
    // Approves, then proves the SIM over the check URL (or a factor code, on a step-up).
    const { status } = await device.phone.approve(loginId, matchNumber);
    const [message, tone] = APPROVE_RESULT[status] || ['notSignedIn', 'bad'];
    result(t(message, { status }), tone);
  } catch (err) {
    result(problemText(err), 'bad');
  }
}

$('deny').addEventListener('click', async () => {
  $('request').classList.add('hidden');
  try {
    await device.phone.deny(current);
    result(t('denied'), 'bad');
  } catch (err) {
    result(err instanceof SimauthProblem ? err.title : String(err), 'bad');
  }
});

$('attack').addEventListener('click', async () => {
  if (!device) return ($('attack-result').textContent = t('registerFirst'));
  try {
    const { status } = await device.phone.approve($('attack-login').value.trim(), 10);
    $('attack-result').textContent = t('unexpected', { status });
  } catch (err) {
    $('attack-result').textContent =
      err instanceof SimauthProblem
        ? t('refused', { status: err.status, title: err.title })
        : String(err);
  }
});

// Revokes the device credential on the server, then drops it here.
$('forget').addEventListener('click', async () => {
  try {
    await device.phone.forget();
    await device.storage.remove(PUSH_TOKEN);
    polling++;
    device = undefined;
    $('registered').textContent = t('forgotten');
    $('forget').classList.add('hidden');
    $('request').classList.add('hidden');
  } catch (err) {
    result(problemText(err), 'bad');
  }
});

$('register').addEventListener('click', register);

$('sim').addEventListener('change', async () => {
  const generation = ++polling;
  const saved = phoneFor($('sim').value.trim());
  device = undefined;
  $('registered').classList.add('hidden');
  $('forget').classList.add('hidden');
  if (!(await saved.phone.isRegistered()) || generation !== polling) return;
  device = { ...saved, pushToken: await saved.storage.get(PUSH_TOKEN) };
  ready();
});

fetch('/phone/config.json')
  .then((res) => res.json())
  .then((config) => {
    sandboxUrl = config.sandbox_url;
    // Each test number's effect in the page's language (its key in the catalog).
    const effect = (n) => t(`effect.${n.key}`, { defaultValue: n.effect });
    for (const n of config.test_numbers) {
      const option = document.createElement('option');
      option.value = n.number;
      option.label = effect(n);
      $('test-numbers').append(option);
    }
    const describe = () => {
      const found = config.test_numbers.find((n) => n.number === $('sim').value.trim());
      $('sim-effect').textContent = found ? effect(found) : t('anyNumber');
    };
    $('sim').addEventListener('input', describe);
    describe();
  });
