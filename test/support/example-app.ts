import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { findFreePort } from '@simauth/database';
import { TestApp, startTestApp } from './test-app';
import { readmeClient } from './readme';

/**
 * Starts one of examples/' relying-party apps and resolves once it prints `ready` on stdout;
 * rejects with everything it printed if it exits first.
 */
async function startExampleApp(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  ready: string,
): Promise<ChildProcess> {
  const app = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  app.stderr!.on('data', (d) => (out += d));
  await new Promise<void>((resolve, reject) => {
    app.stdout!.on('data', (d) => {
      out += d;
      if (out.includes(ready)) resolve();
    });
    app.once('exit', () => reject(new Error(`${args.join(' ')} exited:\n${out}`)));
  });
  return app;
}

/** Stops an app startExampleApp started, if it still runs. */
export async function stopExampleApp(app: ChildProcess | undefined): Promise<void> {
  if (app && app.exitCode === null) {
    app.kill();
    await once(app, 'exit');
  }
}

/** simauth, and one of examples/' relying parties signed up with it as the web-apps guide says. */
export interface GuideRelyingParty {
  t: TestApp;
  app: ChildProcess;
  appUrl: string;
}

/**
 * Starts simauth with the guide's client `clientId` (a fresh secret, the app's own origin) and the
 * example app as that client on a free port: the app gets SIMAUTH_URL, CLIENT_ID, CLIENT_SECRET,
 * PORT and APP_URL besides `env`.
 */
export async function startGuideRelyingParty(
  clientId: string,
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  ready: string,
): Promise<GuideRelyingParty> {
  const port = await findFreePort();
  const appUrl = `http://localhost:${port}`;
  const clientSecret = randomBytes(24).toString('base64url');
  const t = await startTestApp({
    env: { OIDC_CLIENTS: JSON.stringify([readmeClient(clientId, appUrl, clientSecret)]) },
  });
  try {
    const app = await startExampleApp(
      command,
      args,
      {
        ...env,
        SIMAUTH_URL: t.url,
        CLIENT_ID: clientId,
        CLIENT_SECRET: clientSecret,
        PORT: String(port),
        APP_URL: appUrl,
      },
      ready,
    );
    return { t, app, appUrl };
  } catch (err) {
    await t.close();
    throw err;
  }
}
