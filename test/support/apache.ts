import { ChildProcess, spawn } from 'node:child_process';
import { chmodSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const APACHE = '/usr/sbin/apache2';
/** The configuration the web-apps guide shows: a whole httpd around simauth-openidc.conf. */
export const APACHE_EXAMPLE = join(__dirname, '../../examples/apache');

export interface RunningApache {
  /** http://localhost:<port> */
  url: string;
  /** What httpd wrote to its error log so far. */
  errorLog(): string;
  close(): Promise<void>;
}

export interface ApacheSettings {
  port: number;
  simauthUrl: string;
  clientId: string;
  clientSecret: string;
  cryptoPassphrase: string;
}

/**
 * Debian's Apache httpd with mod_auth_openidc, run from a copy of examples/apache in a folder of
 * its own (config, pid, locks; /etc/apache2 is never read), in the foreground. Resolves once it
 * says it serves: its listening socket is bound before that line.
 */
export async function startApache(settings: ApacheSettings): Promise<RunningApache> {
  const dir = mkdtempSync(join(tmpdir(), 'simauth-apache-'));
  cpSync(APACHE_EXAMPLE, dir, { recursive: true });
  // Started as root, httpd's workers run as nobody and must be able to read htdocs.
  chmodSync(dir, 0o755);
  const url = `http://localhost:${settings.port}`;
  const child: ChildProcess = spawn(
    APACHE,
    ['-d', dir, '-f', join(dir, 'httpd.conf'), '-D', 'FOREGROUND'],
    {
      env: {
        PATH: '/usr/sbin:/usr/bin:/sbin:/bin',
        APACHE_DIR: dir,
        APACHE_PORT: String(settings.port),
        APP_URL: url,
        SIMAUTH_URL: settings.simauthUrl,
        OIDC_CLIENT_ID: settings.clientId,
        OIDC_CLIENT_SECRET: settings.clientSecret,
        OIDC_CRYPTO_PASSPHRASE: settings.cryptoPassphrase,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let log = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    const onData = (d: Buffer) => {
      log += d;
      if (log.includes('resuming normal operations')) resolve();
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    void exited.then(() => reject(new Error(`httpd exited before serving:\n${log}`)));
  });
  return {
    url,
    errorLog: () => log,
    close: async () => {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
