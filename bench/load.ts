import autocannon from 'autocannon';

/**
 * The load generator, run as its own process so it does not share a core's event loop with the
 * server it measures. Takes a JSON spec on argv, prints one JSON line of results.
 */
interface LoadSpec {
  url: string;
  connections: number;
  durationSec: number;
  requests: Array<{ method: 'GET' | 'POST'; path: string; headers?: Record<string, string>; body?: string }>;
}

const spec = JSON.parse(process.argv[2] ?? '{}') as LoadSpec;
const result = await autocannon({
  url: spec.url,
  connections: spec.connections,
  duration: spec.durationSec,
  pipelining: 1,
  requests: spec.requests,
});
process.stdout.write(
  `${JSON.stringify({
    requestsPerSecond: result.requests.average,
    p99Ms: result.latency.p99,
    total: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  })}\n`,
);
