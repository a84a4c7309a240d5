import { Histogram, Metric, Registry } from 'prom-client';
import { FastHistogram } from '../src/fast-histogram';

const BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

/** Observes the same values in a prom-client Histogram and a FastHistogram; both expositions. */
async function expose(
  labelNames: string[],
  observations: [string[], number][],
): Promise<{ ours: Registry; reference: Registry }> {
  const reference = new Registry();
  const ours = new Registry();
  const histogram = new Histogram({
    name: 'x_seconds',
    help: 'requests',
    labelNames,
    buckets: BUCKETS,
    registers: [reference],
  });
  const fast = new FastHistogram('x_seconds', 'requests', labelNames, BUCKETS);
  ours.registerMetric(fast as unknown as Metric);
  for (const [values, seconds] of observations) {
    histogram.observe(Object.fromEntries(labelNames.map((n, i) => [n, values[i]])), seconds);
    fast.observe(values, seconds);
  }
  return { ours, reference };
}

describe('fast histogram', () => {
  it('exposes exactly what a prom-client Histogram exposes for the same request observations', async () => {
    const { ours, reference } = await expose(
      ['method', 'route', 'status'],
      [
        [['GET', '/health/live', '200'], 0.0004],
        [['POST', '/v1/logins', '201'], 0.012],
        [['GET', '/health/live', '200'], 0.005], // on a bound: counted in that bucket
        [['POST', '/v1/logins', '429'], 7], // above every bound: only in +Inf
        [['GET', 'unmatched', '404'], 0.3],
        [['GET', '/health/live', '200'], 0.07],
        [['POST', '/v1/logins', '201'], 2.5],
        [['GET', '/health/live', '503'], 0.02], // a new status of a route seen before
      ],
    );
    const exposed = await ours.metrics();
    expect(exposed).toBe(await reference.metrics());
    expect(exposed).toContain(
      'x_seconds_bucket{le="0.005",method="GET",route="/health/live",status="200"} 2',
    );

    reference.resetMetrics();
    ours.resetMetrics();
    expect(await ours.metrics()).toBe(await reference.metrics());
  });

  it('does the same for provider calls, by provider and outcome', async () => {
    const { ours, reference } = await expose(
      ['provider', 'outcome'],
      [
        [['truid', '200'], 0.02],
        [['truid', '201'], 0.3],
        [['fcm', 'timeout'], 5],
        [['truid', '200'], 0.011],
        [['fcm', '200'], 0.004],
        [['truid', 'network'], 0.001],
      ],
    );
    const exposed = await ours.metrics();
    expect(exposed).toBe(await reference.metrics());
    expect(exposed).toContain('x_seconds_count{provider="truid",outcome="200"} 2');
  });
});
