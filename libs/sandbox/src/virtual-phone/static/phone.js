// A virtual phone for the sandbox: registers its SIM, waits for login pushes, approves or denies.
// "Over mobile data" means: requests to the sandbox carry the SIM in X-Sandbox-Sim.
(() => {
  const $ = (id) => document.getElementById(id);
  let sandboxUrl = '';
  let device; // { deviceToken, pushToken, sim }
  let polling = 0;
  let current; // the login shown

  function log(method, url, status, note = '') {
    const line = document.createElement('div');
    line.className = `s${String(status)[0]}`;
    const path = url.replace(location.origin, '').replace(sandboxUrl, '[sandbox]');
    line.textContent = `${method} ${path.length > 90 ? `${path.slice(0, 87)}…` : path} → ${status}${note ? `  ${note}` : ''}`;
    $('log').prepend(line);
  }

  async function api(method, path, body, auth) {
    const res = await fetch(path, {
      method,
      headers: {
        ...(body ? { 'content-type': 'application/json' } : {}),
        ...(auth ? { authorization: `Bearer ${auth}` } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await res.text();
    const data = text ? JSON.parse(text) : undefined;
    log(method, path, res.status, res.ok ? '' : (data && data.title) || '');
    return { ok: res.ok, status: res.status, data };
  }

  /** Opens a URL "over mobile data": the sandbox network identifies the SIM. */
  async function overMobileData(url) {
    const res = await fetch(url, { headers: { 'X-Sandbox-Sim': device.sim } });
    const data = await res.json();
    log('GET', url, res.status, `(as SIM ${device.sim})`);
    return data;
  }

  /** The SMS this SIM received (the sandbox's Verify twin), shown in the phone's inbox. */
  async function readSms(sim) {
    const url = `${sandboxUrl}/sandbox/sms/${encodeURIComponent(sim)}/messages`;
    const res = await fetch(url);
    const { messages } = await res.json();
    log('SMS', url, res.status, `${messages.length} message(s)`);
    $('sms').replaceChildren(
      ...messages.map((m) => {
        const item = document.createElement('li');
        item.textContent = m.text;
        return item;
      }),
    );
    return messages;
  }

  function result(text, tone) {
    $('result-text').textContent = text;
    $('result-text').className = `outcome ${tone}`;
    $('result').classList.remove('hidden');
  }

  function storageKey(sim) {
    return `simauth-virtual-phone:${sim}`;
  }

  async function register() {
    const sim = $('sim').value.trim();
    $('register').disabled = true;
    $('result').classList.add('hidden');
    try {
      const coverage = await api('GET', '/v1/coverage');
      // No SIM check on this network: ask for the code by SMS (refused unless the server allows it).
      const bySms = coverage.ok && !coverage.data.phone_check_supported;
      const deviceId = `virtual-${sim.replace('+', '')}`;
      const started = await api('POST', '/v1/registrations', {
        phone_number: sim,
        device_id: deviceId,
        ...(bySms ? { channel: 'sms' } : {}),
      });
      if (!started.ok) return result(started.data.detail || started.data.title, 'bad');
      device = { sim };
      // No PhoneCheck for this number: the code came by SMS (REGISTRATION_FALLBACK=sms).
      const proof =
        started.data.channel === 'sms'
          ? { code: (await readSms(sim)).at(-1).code }
          : await overMobileData(started.data.check_url);
      const done = await api(
        'POST',
        `/v1/registrations/${started.data.registration_id}/code`,
        proof,
      );
      if (!done.ok || !done.data.device_token)
        return result(`Registration failed: ${done.data.status || done.data.title}`, 'bad');
      device = { sim, deviceToken: done.data.device_token, pushToken: `${deviceId}-${Date.now()}` };
      await api(
        'PUT',
        '/v1/devices/me/push-token',
        { fcm_token: device.pushToken },
        device.deviceToken,
      );
      localStorage.setItem(storageKey(sim), JSON.stringify(device));
      ready();
    } finally {
      $('register').disabled = false;
    }
  }

  function ready() {
    $('registered').textContent = `Registered as ${device.sim}. Waiting for sign-in requests…`;
    $('registered').classList.remove('hidden');
    listen(++polling);
    api('GET', '/v1/devices/me/logins', undefined, device.deviceToken).then((res) => {
      if (res.ok && res.data.length) showRequest(res.data[0].login_id, res.data[0].match_numbers);
    });
  }

  /** Long-polls this phone's push inbox in the sandbox's FCM imitation. */
  async function listen(generation) {
    let after = 0;
    while (generation === polling) {
      try {
        const url = `${sandboxUrl}/sandbox/fcm/inboxes/${encodeURIComponent(device.pushToken)}/messages?after=${after}&wait_ms=25000`;
        const res = await fetch(url);
        const { messages } = await res.json();
        for (const m of messages) {
          after = Math.max(after, m.seq);
          log('PUSH', 'FCM', 200, `login ${m.message.data.login_id.slice(0, 8)}…`);
          showRequest(m.message.data.login_id, m.message.data.match_numbers.split(',').map(Number));
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

  async function approve(loginId, matchNumber) {
    $('request').classList.add('hidden');
    const approved = await api(
      'POST',
      `/v1/logins/${loginId}/approve`,
      { match_number: matchNumber },
      device.deviceToken,
    );
    if (!approved.ok) return result(approved.data.detail || approved.data.title, 'bad');
    if (approved.data.status === 'DENIED')
      return result('Wrong number — the sign-in was denied.', 'bad');
    if (approved.data.status === 'SIM_SWAP_DETECTED')
      return result('Refused: the SIM behind this number changed recently.', 'bad');
    const proof = await overMobileData(approved.data.check_url);
    const done = await api('POST', `/v1/logins/${loginId}/code`, proof, device.deviceToken);
    if (!done.ok) return result(done.data.detail || done.data.title, 'bad');
    result(
      done.data.status === 'MATCH_SUCCESS'
        ? 'Approved — you are signed in on the website.'
        : `Not signed in (${done.data.status}).`,
      done.data.status === 'MATCH_SUCCESS' ? 'ok' : 'bad',
    );
  }

  $('deny').addEventListener('click', async () => {
    $('request').classList.add('hidden');
    const res = await api('POST', `/v1/logins/${current}/deny`, undefined, device.deviceToken);
    result(res.ok ? 'Denied.' : res.data.title, 'bad');
  });

  $('attack').addEventListener('click', async () => {
    if (!device) return ($('attack-result').textContent = 'Register this phone first.');
    const res = await api(
      'POST',
      `/v1/logins/${$('attack-login').value.trim()}/approve`,
      { match_number: 10 },
      device.deviceToken,
    );
    $('attack-result').textContent = res.ok
      ? `Unexpected: ${res.data.status}`
      : `Refused: ${res.status} ${res.data.title}`;
  });

  $('register').addEventListener('click', register);

  $('sim').addEventListener('change', () => {
    polling++;
    const saved = localStorage.getItem(storageKey($('sim').value.trim()));
    device = saved ? JSON.parse(saved) : undefined;
    $('registered').classList.add('hidden');
    if (device) ready();
  });

  fetch('/phone/config.json')
    .then((res) => res.json())
    .then((config) => {
      sandboxUrl = config.sandbox_url;
      for (const t of config.test_numbers) {
        const option = document.createElement('option');
        option.value = t.number;
        option.label = t.effect;
        $('test-numbers').append(option);
      }
      const describe = () => {
        const found = config.test_numbers.find((t) => t.number === $('sim').value.trim());
        $('sim-effect').textContent = found ? found.effect : 'Any number: its own checks match.';
      };
      $('sim').addEventListener('input', describe);
      describe();
    });
})();
