interface Exposed {
  metricName: string;
  labels: Record<string, string | number>;
  value: number;
}

interface Series {
  method: string;
  route: string;
  status: string;
  /** Observations per bucket (not cumulative); the last counts those above every bound. */
  counts: Float64Array;
  sum: number;
  count: number;
}

/**
 * A Prometheus histogram of request durations by method, route and status, exposed through
 * prom-client's registry exactly as a prom-client Histogram would be (see its test).
 *
 * It is kept here rather than in a prom-client Histogram because it is observed on every
 * request: prom-client validates and hashes the label set on each observation, which cost more
 * than a quarter of what simauth adds to the empty framework for a probe. This keeps one series
 * per method/route/status behind a plain key, and does the histogram arithmetic at scrape time.
 */
export class RequestDurations {
  readonly type = 'histogram' as const;
  readonly aggregator = 'sum' as const;
  private readonly series = new Map<string, Series>();

  constructor(
    readonly name: string,
    readonly help: string,
    private readonly buckets: readonly number[],
  ) {}

  observe(method: string, route: string, status: number, seconds: number): void {
    const key = `${method} ${status} ${route}`;
    let series = this.series.get(key);
    if (!series) {
      series = {
        method,
        route,
        status: String(status),
        counts: new Float64Array(this.buckets.length + 1),
        sum: 0,
        count: 0,
      };
      this.series.set(key, series);
    }
    let bucket = 0;
    while (bucket < this.buckets.length && seconds > this.buckets[bucket]) bucket++;
    series.counts[bucket]++;
    series.sum += seconds;
    series.count++;
  }

  /** What prom-client's registry reads on a scrape. */
  get(): Promise<{
    name: string;
    help: string;
    type: 'histogram';
    values: Exposed[];
    aggregator: 'sum';
  }> {
    const values: Exposed[] = [];
    for (const s of this.series.values()) {
      const labels = { method: s.method, route: s.route, status: s.status };
      let cumulative = 0;
      this.buckets.forEach((le, i) => {
        cumulative += s.counts[i];
        values.push({
          metricName: `${this.name}_bucket`,
          labels: { le, ...labels },
          value: cumulative,
        });
      });
      values.push(
        { metricName: `${this.name}_bucket`, labels: { le: '+Inf', ...labels }, value: s.count },
        { metricName: `${this.name}_sum`, labels, value: s.sum },
        { metricName: `${this.name}_count`, labels, value: s.count },
      );
    }
    return Promise.resolve({
      name: this.name,
      help: this.help,
      type: this.type,
      values,
      aggregator: this.aggregator,
    });
  }

  reset(): void {
    this.series.clear();
  }
}
