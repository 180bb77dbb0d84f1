// SPDX-License-Identifier: MIT
// The peer of bench/wizard: HashiCorp's hclwrite formatter (the one `terraform fmt` uses, from
// @cdktf/hcl-tools in tests/peers) formatting the .tf files the wizard generated. It only formats what the
// studio has already generated and formatted, so it is a floor for "writing this much HCL", not a rival.
//
//   node bench/wizard/peer.mjs DIR     prints the milliseconds it took (after one warm-up pass)
import { createRequire } from 'node:module';
import { readdirSync, readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(join(here, '../../tests/peers/package.json'));
const { format } = require('@cdktf/hcl-tools');

const dir = process.argv[2];
if (!dir) {
  console.error('usage: node bench/wizard/peer.mjs DIR');
  process.exit(2);
}
const texts = readdirSync(dir).filter((f) => f.endsWith('.tf') || f.endsWith('.tfvars')).map((f) => readFileSync(join(dir, f), 'utf8'));
for (const text of texts) await format(text); // warm-up: the WebAssembly module loads on first use
const start = process.hrtime.bigint();
for (const text of texts) await format(text);
console.log((Number(process.hrtime.bigint() - start) / 1e6).toFixed(3));
