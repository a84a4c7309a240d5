import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getMetadataStorage } from 'class-validator';
// js-yaml comes with @nestjs/swagger; kustomize writes YAML.
import { loadAll } from 'js-yaml';
import { EnvironmentVariables, loadConfig } from '@simauth/config';
import { startupChecks } from '../../apps/api/src/startup-checks';

const ROOT = join(__dirname, '../..');
const OVERLAYS = join(ROOT, 'deploy/kubernetes/overlays');

type K8sObject = {
  apiVersion: string;
  kind: string;
  metadata: { name: string; [k: string]: any };
} & Record<string, any>;

/** An overlay as the cluster would get it: `kubectl kustomize` (v2.0.3 in kubectl 1.20 and later). */
function render(overlay: string): K8sObject[] {
  const yaml = execFileSync('kubectl', ['kustomize', join(OVERLAYS, overlay)], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  return (loadAll(yaml) as K8sObject[]).filter(Boolean);
}

const SETTINGS = new Set(
  getMetadataStorage()
    .getTargetValidationMetadatas(EnvironmentVariables, '', true, false)
    .map((m) => m.propertyName),
);
/** What only a secret may hold: such a name never has a literal value in the manifests. */
const SECRET_NAME =
  /SECRET|PASSWORD|TOKEN|PRIVATE_KEY|ENCRYPTION_KEY|DATABASE_URL|CREDENTIAL|SERVICE_ACCOUNT|SIGNING_KEY/;
/** The user the image runs as: the Dockerfile's last USER (the node images' `node` is 1000). */
const IMAGE_USER = [
  ...readFileSync(join(ROOT, 'Dockerfile'), 'utf8').matchAll(/^USER (\S+)$/gm),
].at(-1)![1];
const IMAGE_UID = ({ node: 1000 } as Record<string, number>)[IMAGE_USER];

const find = (objects: K8sObject[], kind: string, name: string) => {
  const found = objects.find((o) => o.kind === kind && o.metadata.name === name);
  if (!found) throw new Error(`no ${kind} ${name} in the rendered overlay`);
  return found;
};
const podTemplates = (objects: K8sObject[]) =>
  objects
    .filter((o) => ['Deployment', 'Job', 'StatefulSet', 'DaemonSet'].includes(o.kind))
    .map((o) => ({ owner: `${o.kind} ${o.metadata.name}`, pod: o.spec.template }));
const labelsMatch = (selector: Record<string, string>, labels: Record<string, string>) =>
  Object.entries(selector).every(([k, v]) => labels[k] === v);
const settingsOf = (objects: K8sObject[]) =>
  objects.find((o) => o.kind === 'ConfigMap' && o.metadata.name.startsWith('simauth-settings'))!
    .data as Record<string, string>;

describe.each(['demo', 'production'])('deploy/kubernetes/overlays/%s, rendered', (overlay) => {
  const objects = render(overlay);
  const deployment = find(objects, 'Deployment', 'simauth');
  const pod = deployment.spec.template;
  const api = pod.spec.containers.find((c: any) => c.name === 'api');
  const settings = settingsOf(objects);

  it('runs at least two api replicas, ready on /health/ready and live on /health/live', () => {
    expect(deployment.spec.replicas).toBeGreaterThanOrEqual(2);
    expect(deployment.spec.strategy.rollingUpdate.maxUnavailable).toBe(0);
    expect(api.readinessProbe.httpGet.path).toBe('/health/ready');
    expect(api.livenessProbe.httpGet.path).toBe('/health/live');
    expect(api.ports.map((p: any) => p.containerPort)).toEqual([3000]);
  });

  it("runs the api with the image's command, whose node flags bound the heap", () => {
    expect(api.command).toBeUndefined();
    expect(api.args).toBeUndefined();
    const env = (api.env ?? []).map((e: { name: string }) => e.name);
    expect(env).not.toContain('NODE_OPTIONS');
    expect(settings.NODE_OPTIONS).toBeUndefined();
  });

  it('drains before the api stops, within a grace period longer than the drain', () => {
    const [sleep, seconds] = api.lifecycle.preStop.exec.command;
    expect(sleep).toBe('sleep');
    // After the preStop, SIGTERM: streams end at once, requests in flight finish, each bounded
    // by two provider timeouts (PROVIDER_TIMEOUT_MS, 5 s by default).
    const config = loadConfig({ ...settings, DATABASE_URL: 'postgres://u@db/simauth' });
    const inFlight = (2 * config.providers.timeoutMs) / 1000;
    expect(pod.spec.terminationGracePeriodSeconds).toBeGreaterThan(Number(seconds) + inFlight);
  });

  it("runs every pod as the image's non-root user, seccomp RuntimeDefault, read-only, with no capability", () => {
    expect(IMAGE_UID).toBe(1000);
    for (const { owner, pod: template } of podTemplates(objects)) {
      const podSecurity = template.spec.securityContext;
      expect([owner, podSecurity.runAsNonRoot]).toEqual([owner, true]);
      expect([owner, podSecurity.seccompProfile]).toEqual([owner, { type: 'RuntimeDefault' }]);
      expect(template.spec.automountServiceAccountToken).toBe(false);
      for (const container of template.spec.containers) {
        const security = container.securityContext;
        expect([owner, security.allowPrivilegeEscalation]).toEqual([owner, false]);
        expect([owner, security.readOnlyRootFilesystem]).toEqual([owner, true]);
        expect([owner, security.capabilities.drop]).toEqual([owner, ['ALL']]);
        expect([owner, container.resources.requests.memory]).toEqual([owner, expect.any(String)]);
        expect([owner, container.resources.limits.memory]).toEqual([owner, expect.any(String)]);
        if (String(container.image).includes('simauth')) {
          expect([owner, podSecurity.runAsUser]).toEqual([owner, IMAGE_UID]);
          expect(container.image).toMatch(/simauth:\d+\.\d+\.\d+$/);
        }
      }
    }
  });

  it('asks for the memory docs/operations/scaling.md measured, and spreads replicas across zones', () => {
    const mib = (q: string) => Number(/^(\d+)Mi$/.exec(q)![1]);
    const scaling = readFileSync(join(ROOT, 'docs/operations/scaling.md'), 'utf8');
    const memory = /## Memory[\s\S]*?(?=\n## |$)/.exec(scaling)![0];
    const measured = Math.max(...[...memory.matchAll(/(\d+) MB/g)].map((m) => Number(m[1])));
    expect(mib(api.resources.requests.memory)).toBeGreaterThanOrEqual(measured);
    expect(mib(api.resources.limits.memory)).toBeGreaterThan(mib(api.resources.requests.memory));
    expect(api.resources.requests.cpu).toEqual(expect.any(String));
    const zones = pod.spec.topologySpreadConstraints.find(
      (t: any) => t.topologyKey === 'topology.kubernetes.io/zone',
    );
    expect(zones.maxSkew).toBe(1);
    expect(zones.whenUnsatisfiable).toBe(
      overlay === 'production' ? 'DoNotSchedule' : 'ScheduleAnyway',
    );
  });

  it('has a PodDisruptionBudget, a CPU autoscaler, a Service and a NetworkPolicy for the api pods', () => {
    const labels = pod.metadata.labels;
    const pdb = find(objects, 'PodDisruptionBudget', 'simauth');
    expect(labelsMatch(pdb.spec.selector.matchLabels, labels)).toBe(true);
    expect(pdb.spec.maxUnavailable).toBe(1);
    const hpa = find(objects, 'HorizontalPodAutoscaler', 'simauth');
    expect(hpa.spec.scaleTargetRef).toEqual({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      name: 'simauth',
    });
    expect(hpa.spec.minReplicas).toBeGreaterThanOrEqual(2);
    expect(hpa.spec.metrics.map((m: any) => m.resource.name)).toEqual(['cpu']);
    const service = find(objects, 'Service', 'simauth');
    expect(labelsMatch(service.spec.selector, labels)).toBe(true);
    const policy = find(objects, 'NetworkPolicy', 'simauth');
    expect(labelsMatch(policy.spec.podSelector.matchLabels, labels)).toBe(true);
    expect(policy.spec.policyTypes).toEqual(['Ingress', 'Egress']);
  });

  it('passes the live-status streams through the example Ingress unbuffered and open', () => {
    const ingress = find(objects, 'Ingress', 'simauth');
    const annotations = ingress.metadata.annotations;
    expect(annotations['nginx.ingress.kubernetes.io/proxy-buffering']).toBe('off');
    expect(
      Number(annotations['nginx.ingress.kubernetes.io/proxy-read-timeout']),
    ).toBeGreaterThanOrEqual(3600);
    expect(ingress.spec.rules[0].http.paths[0].backend.service.name).toBe('simauth');
  });

  it('migrates once per release in a Job running the compiled CLI, and the pods do not migrate', () => {
    const job = find(objects, 'Job', 'simauth-migrate');
    const [migrate] = job.spec.template.spec.containers;
    expect(migrate.image).toBe(api.image);
    expect(migrate.command).toEqual(['node', 'dist/apps/api/src/cli/migrate.js']);
    // The path the image holds (the system tests build dist/ first).
    expect(existsSync(join(ROOT, migrate.command[1]))).toBe(true);
    expect(job.spec.template.spec.restartPolicy).toBe('Never');
    expect(settings.MIGRATE_ON_START).toBe('false');
  });

  it('takes every setting from a ConfigMap the schema accepts, and every secret from a Secret, none written here', () => {
    for (const key of Object.keys(settings)) expect([key, SETTINGS.has(key)]).toEqual([key, true]);
    expect(() =>
      loadConfig({ ...settings, DATABASE_URL: 'postgres://u@db/simauth' }),
    ).not.toThrow();
    expect(api.envFrom).toEqual([
      { configMapRef: { name: expect.stringMatching(/^simauth-settings-/) } },
      { secretRef: { name: 'simauth-secrets' } },
    ]);
    expect(objects.filter((o) => o.kind === 'Secret')).toEqual([]);
    for (const { owner, pod: template } of podTemplates(objects)) {
      for (const container of template.spec.containers) {
        for (const variable of container.env ?? []) {
          if (SECRET_NAME.test(variable.name))
            expect([owner, variable.name, variable.value]).toEqual([
              owner,
              variable.name,
              undefined,
            ]);
        }
      }
    }
    for (const key of Object.keys(settings)) expect(key).not.toMatch(SECRET_NAME);
  });
});

describe('the two overlays differ where they must', () => {
  it('production: production mode, https, and nothing of the sandbox or the demo', () => {
    const objects = render('production');
    const settings = settingsOf(objects);
    expect(settings.NODE_ENV).toBe('production');
    expect(settings.PUBLIC_URL).toMatch(/^https:\/\//);
    for (const key of Object.keys(settings)) {
      expect(key).not.toMatch(
        /^SANDBOX_|^ALLOW_INSECURE_PUBLIC_URL$|^ALLOW_EMBEDDED_DATABASE$|^EMBEDDED_PG_/,
      );
    }
    const rendered = JSON.stringify(objects);
    expect(rendered).not.toMatch(/sandbox|postgres:\d|simauth-postgres/i);
    expect(objects.map((o) => o.metadata.name)).not.toContain('simauth-postgres');
  });

  it('demo: development mode, one sandbox every replica shares, and its own Postgres', () => {
    const objects = render('demo');
    const settings = settingsOf(objects);
    expect(settings.NODE_ENV).toBe('development');
    const sandbox = find(objects, 'Deployment', 'simauth-sandbox');
    expect(sandbox.spec.replicas).toBe(1);
    expect(sandbox.spec.template.spec.containers[0].command).toEqual([
      'node',
      'dist/apps/sandbox/src/main.js',
    ]);
    const service = find(objects, 'Service', 'simauth-sandbox');
    expect(settings.SANDBOX_URL).toBe(
      `http://${service.metadata.name}:${service.spec.ports[0].port}`,
    );
    find(objects, 'Deployment', 'simauth-postgres');
  });
});

describe('docs/operations/deploy.md, as an operator follows it', () => {
  const guide = readFileSync(join(ROOT, 'docs/operations/deploy.md'), 'utf8');
  const shellBlocks = [...guide.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) =>
    m[1].replace(/\\\n\s*/g, ' '),
  );
  /** The Secrets a block's `kubectl create secret generic` commands make: name → keys. */
  const secretsMade = (block: string) =>
    new Map(
      [...block.matchAll(/kubectl create secret generic (\S+)([^\n]*)/g)].map((m) => [
        m[1],
        [...m[2].matchAll(/--from-literal=([A-Z_]+)=/g)].map((k) => k[1]),
      ]),
    );
  /** Every Secret key the pods read: `secret/key`, from env and from whole-Secret envFrom. */
  const secretsRead = (objects: K8sObject[]) =>
    podTemplates(objects).flatMap(({ pod: template }) =>
      template.spec.containers.flatMap((c: any) => [
        ...(c.env ?? [])
          .filter((v: any) => v.valueFrom?.secretKeyRef)
          .map((v: any) => `${v.valueFrom.secretKeyRef.name}/${v.valueFrom.secretKeyRef.key}`),
        ...(c.envFrom ?? [])
          .filter((e: any) => e.secretRef)
          .map((e: any) => `${e.secretRef.name}/DATABASE_URL`),
      ]),
    );
  const made = (block: string) =>
    [...secretsMade(block)].flatMap(([name, keys]) => keys.map((k) => `${name}/${k}`));

  it('renders exactly the overlays it names', () => {
    const named = shellBlocks.flatMap((b) =>
      [...b.matchAll(/kubectl (?:kustomize|apply -k) deploy\/kubernetes\/overlays\/(\w+)/g)].map(
        (m) => m[1],
      ),
    );
    expect([...new Set(named)].sort()).toEqual(['demo', 'production']);
  });

  it("creates the demo's Secrets with every key its manifests read", () => {
    const block = shellBlocks.find((b) => b.includes('apply -k deploy/kubernetes/overlays/demo'))!;
    for (const key of secretsRead(render('demo'))) expect(made(block)).toContain(key);
  });

  it("creates production's Secrets with what its manifests read and what production mode asks for", () => {
    const block = shellBlocks.find(
      (b) => b.includes('create secret') && !b.includes('overlays/demo'),
    )!;
    const objects = render('production');
    for (const key of secretsRead(objects)) expect(made(block)).toContain(key);
    // The api's ConfigMap and Secret (any values) start in production mode, refused for nothing.
    const apiSecret = Object.fromEntries(
      secretsMade(block)
        .get('simauth-secrets')!
        .map((k) => [
          k,
          k === 'DATABASE_URL'
            ? 'postgres://u:p@db/simauth'
            : k === 'TOTP_ENCRYPTION_KEY'
              ? Buffer.alloc(32, 7).toString('base64')
              : 'value',
        ]),
    );
    const config = loadConfig({ ...settingsOf(objects), ...apiSecret });
    expect(config.mode).toBe('production');
    expect(startupChecks(config).refusals).toEqual([]);
  });

  it("never hands the schema owner's Secret to the api", () => {
    for (const overlay of ['demo', 'production']) {
      const api = find(render(overlay), 'Deployment', 'simauth');
      expect(JSON.stringify(api)).not.toContain('simauth-migration');
    }
  });
});
