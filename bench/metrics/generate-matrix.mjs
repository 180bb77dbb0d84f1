// SPDX-License-Identifier: MIT
// bench/metrics: writes a /api/v1/query_range answer in Prometheus' exact format (status, data.resultType "matrix",
// data.result[] of {metric, values: [[unix seconds with milliseconds, "value"], ...]}), deterministic (seeded PRNG).
//
//   node generate-matrix.mjs OUTFILE [--series N] [--points N]      default 10 series x 100,000 points
//
// The series look like what Prometheus answers for rate(prometheus_http_requests_total[1m]) and friends: labels
// __name__, code, handler, instance, job; a 15 s step from 2023-11-14T22:13:20.123Z; values formatted like Go's
// strconv.FormatFloat(v, 'f', -1, 64) (counters as integers, rates with full precision, a few "NaN" gaps
// and "+Inf"). Prints "query_range.json: N series x M points, B bytes" on stdout.
import { writeFileSync } from 'node:fs';

const args = process.argv.slice(2);
const out = args.find((a, i) => !a.startsWith('--') && (i === 0 || !args[i - 1].startsWith('--')));
const option = (name, fallback) => {
  const i = args.indexOf(name);
  if (i < 0) return fallback;
  const n = Number(args[i + 1]);
  if (!Number.isInteger(n) || n <= 0) { console.error(`generate-matrix: ${name} needs a positive number`); process.exit(2); }
  return n;
};
if (!out) { console.error('usage: node generate-matrix.mjs OUTFILE [--series N] [--points N]'); process.exit(2); }
const seriesCount = option('--series', 10);
const points = option('--points', 100000);

let seed = 0x2545f491;
const random = () => { // xorshift32
  seed ^= seed << 13; seed >>>= 0;
  seed ^= seed >>> 17;
  seed ^= seed << 5; seed >>>= 0;
  return seed / 0x100000000;
};

const handlers = ['/api/v1/query_range', '/api/v1/query', '/metrics', '/api/v1/series', '/api/v1/labels', '/-/ready',
  '/api/v1/label/:name/values', '/federate', '/api/v1/rules', '/api/v1/alerts'];
const start = 1700000000123; // milliseconds
const stepMs = 15000;

const parts = ['{"status":"success","data":{"resultType":"matrix","result":['];
for (let s = 0; s < seriesCount; ++s) {
  const metric = {
    __name__: 'prometheus_http_requests_total',
    code: s % 4 === 3 ? '500' : '200',
    handler: handlers[s % handlers.length],
    instance: '127.0.0.1:9090',
    job: 'prometheus',
  };
  const kind = s % 3; // 0 counter, 1 rate, 2 gauge in bytes
  let counter = Math.floor(random() * 1000);
  let level = random() * 5;
  const values = new Array(points);
  for (let k = 0; k < points; ++k) {
    const t = ((start + k * stepMs) / 1000).toFixed(3);
    let v;
    if (random() < 0.0005) v = 'NaN';
    else if (kind === 0) { counter += Math.floor(random() * 20); v = String(counter); }
    else if (kind === 1) { level = Math.max(0, level + (random() - 0.5) * 0.4); v = String(level); }
    else v = String(Math.floor(40e6 + random() * 8e6));
    if (k === points - 1 && s === seriesCount - 1) v = '+Inf';
    values[k] = `[${t},"${v}"]`;
  }
  parts.push(`${s ? ',' : ''}{"metric":${JSON.stringify(metric)},"values":[${values.join(',')}]}`);
}
parts.push(']}}');
const body = parts.join('');
writeFileSync(out, body);
console.log(`query_range.json: ${seriesCount} series x ${points} points, ${Buffer.byteLength(body)} bytes`);
