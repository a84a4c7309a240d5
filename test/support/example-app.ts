import { ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';

/**
 * Starts one of examples/' relying-party apps and resolves once it prints `ready` on stdout;
 * rejects with everything it printed if it exits first.
 */
export async function startExampleApp(
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
