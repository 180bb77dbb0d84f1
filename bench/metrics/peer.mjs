// SPDX-License-Identifier: MIT
// bench/metrics: the peer. Times Node's JSON.parse on the same query_range answer that metrics_bench reads.
//
//   node peer.mjs FILE [--runs N]
//
// The file is read and decoded to a string once (not timed, as the studio's bytes are already in memory);
// then two warm-up parses and N timed ones (default 7), each checked to hold the expected matrix.
// Prints one JSON line: {"tool":"node JSON.parse","node":…,"bytes":…,"points":…,"runs":…,"parseMs":…,"parseMBps":…,…}
import { readFileSync } from 'node:fs';

const args = process.argv.slice(2);
const file = args[0];
const i = args.indexOf('--runs');
const runs = i >= 0 ? Number(args[i + 1]) : 7;
if (!file || !Number.isInteger(runs) || runs <= 0) { console.error('usage: node peer.mjs FILE [--runs N]'); process.exit(2); }

const bytes = readFileSync(file);
const text = bytes.toString('utf8');

const count = (answer) => {
  if (answer.status !== 'success' || answer.data.resultType !== 'matrix') throw new Error('not a matrix answer');
  return answer.data.result.reduce((n, s) => n + s.values.length, 0);
};

let points = 0;
for (let w = 0; w < 2; ++w) points = count(JSON.parse(text));
const times = [];
for (let r = 0; r < runs; ++r) {
  const begin = process.hrtime.bigint();
  const answer = JSON.parse(text);
  const end = process.hrtime.bigint();
  times.push(Number(end - begin) / 1e6);
  if (count(answer) !== points) throw new Error('JSON.parse gave a different result');
}
times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)];
console.log(JSON.stringify({
  tool: 'node JSON.parse', node: process.version, bytes: bytes.length, points, runs,
  parseMs: median, parseMBps: bytes.length / 1e6 / (median / 1000), minMs: times[0], maxMs: times[times.length - 1],
}));
