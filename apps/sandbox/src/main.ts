import { ConfigurationError, loadConfig, loadDotEnv } from '@simauth/config';
import { startSandbox } from '@simauth/sandbox';

/**
 * `npm run sandbox`: the provider sandbox on its own. Prints SANDBOX_URL, with which api
 * processes share it for every provider they have no credentials for (push included), and the
 * TRUID_* / VONAGE_* values to configure an api provider by provider; each start makes new ones.
 */
async function main(): Promise<void> {
  loadDotEnv();
  const config = loadConfig();
  const sandbox = await startSandbox({
    port: config.sandbox.port || 4010,
    host: config.sandbox.host,
    publicUrl: config.sandbox.publicUrl,
    vonageRedirectUri: `${config.http.publicUrl}/v1/number-verifications/callback`,
    // Server to server: the api as the sandbox reaches it, which need not be how devices do.
    authenticatorCallbackUrl:
      config.sandbox.callbackUrl ?? `${config.http.publicUrl}/v1/callbacks/truid/challenges`,
  });
  const { truId, vonage } = sandbox.credentials;
  console.log(
    [
      `simauth sandbox on ${sandbox.url}`,
      `SANDBOX_URL=${sandbox.url}`,
      `TRUID_BASE_URL=${sandbox.url}`,
      `TRUID_CLIENT_ID=${truId.clientId}`,
      `TRUID_CLIENT_SECRET=${truId.clientSecret}`,
      `VONAGE_BASE_URL=${sandbox.url}`,
      `VONAGE_APPLICATION_ID=${vonage.applicationId}`,
      `VONAGE_PRIVATE_KEY=${vonage.privateKeyPem.replace(/\n/g, '\\n')}`,
    ].join('\n'),
  );
  const stop = () => void sandbox.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: Error) => {
  const lines = err instanceof ConfigurationError ? err.problems : [err.message];
  for (const line of lines) console.error(`simauth sandbox: ${line}`);
  process.exit(1);
});
