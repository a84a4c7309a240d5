import { Histogram, Metric, Registry } from 'prom-client';
import { RequestDurations } from '../src/request-durations';

const BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

describe('request durations histogram', () => {
  it('exposes exactly what a prom-client Histogram exposes for the same observations', async () => {
    const reference = new Registry();
    const ours = new Registry();
    const histogram = new Histogram({
      name: 'x_seconds',
      help: 'requests',
      labelNames: ['method', 'route', 'status'],
      buckets: BUCKETS,
      registers: [reference],
    });
    const durations = new RequestDurations('x_seconds', 'requests', BUCKETS);
    ours.registerMetric(durations as unknown as Metric);

    const observations: [string, string, number, number][] = [
      ['GET', '/health/live', 200, 0.0004],
      ['POST', '/v1/logins', 201, 0.012],
      ['GET', '/health/live', 200, 0.005], // on a bound: counted in that bucket
      ['POST', '/v1/logins', 429, 7], // above every bound: only in +Inf
      ['GET', 'unmatched', 404, 0.3],
      ['GET', '/health/live', 200, 0.07],
      ['POST', '/v1/logins', 201, 2.5],
      ['GET', '/health/live', 503, 0.02], // a new status of a route seen before
    ];
    for (const [method, route, status, seconds] of observations) {
      histogram.observe({ method, route, status: String(status) }, seconds);
      durations.observe(method, route, status, seconds);
    }
    const exposed = await ours.metrics();
    expect(exposed).toBe(await reference.metrics());
    expect(exposed).toContain(
      'x_seconds_bucket{le="0.005",method="GET",route="/health/live",status="200"} 2',
    );

    reference.resetMetrics();
    ours.resetMetrics();
    expect(await ours.metrics()).toBe(await reference.metrics());
  });
});
