#!/usr/bin/env node
// Peer benchmark: edit -> updated diagnostics latency of yaml-language-server (stdio LSP).
//
//   node measure.mjs VALUES SCHEMA EDITTARGET [--edits N] [--timeout-ms MS] [--gap-ms MS] [--verbose]
//
// Starts node_modules/yaml-language-server/bin/yaml-language-server --stdio, associates SCHEMA
// with VALUES through the `yaml.schemas` setting, opens VALUES, then N times alternately writes
// EDITTARGET.invalidValue / EDITTARGET.validValue into the target line with one incremental
// textDocument/didChange and measures the time until the textDocument/publishDiagnostics that
// reflects that edit arrives (>= 1 diagnostic on the target line for the invalid value, zero
// diagnostics for the valid value). Prints one JSON line on stdout; progress goes to stderr.
// Exits non-zero with a message on protocol errors, server exit or a timeout.

import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';

const HERE = dirname(fileURLToPath(import.meta.url));
const SERVER_PKG = join(HERE, 'node_modules', 'yaml-language-server');
const SERVER_BIN = join(SERVER_PKG, 'bin', 'yaml-language-server');

// ------------------------------------------------------------------ arguments
function usage(msg) {
  if (msg) console.error(`measure.mjs: ${msg}`);
  console.error('usage: node measure.mjs VALUES SCHEMA EDITTARGET [--edits N] [--timeout-ms MS] [--gap-ms MS] [--verbose]');
  process.exit(2);
}
const positional = [];
const opts = { edits: 40, timeoutMs: 10000, gapMs: 50, verbose: false };
{
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const num = (name) => {
      const v = Number(argv[++i]);
      if (!Number.isInteger(v) || v < 0) usage(`${name} needs a non-negative integer`);
      return v;
    };
    if (a === '--edits') opts.edits = num(a);
    else if (a === '--timeout-ms') opts.timeoutMs = num(a);
    else if (a === '--gap-ms') opts.gapMs = num(a);
    else if (a === '--verbose' || a === '-v') opts.verbose = true;
    else if (a === '-h' || a === '--help') usage();
    else if (a.startsWith('-')) usage(`unknown option ${a}`);
    else positional.push(a);
  }
  if (positional.length !== 3) usage('expected VALUES SCHEMA EDITTARGET');
  if (opts.edits < 1) usage('--edits must be >= 1');
}
const valuesPath = resolve(positional[0]);
const schemaPath = resolve(positional[1]);
const targetPath = resolve(positional[2]);
const log = (...a) => { if (opts.verbose) console.error('[measure]', ...a); };

let serverVersion;
try {
  serverVersion = JSON.parse(readFileSync(join(SERVER_PKG, 'package.json'), 'utf8')).version;
} catch {
  usage(`yaml-language-server is not installed in ${HERE}/node_modules (run: npm ci --prefix ${HERE})`);
}
function readInput(path, what, parseJson) {
  try {
    const t = readFileSync(path, 'utf8');
    return parseJson ? JSON.parse(t) : t;
  } catch (e) {
    usage(`cannot read ${what} ${path}: ${e.message}`);
  }
}
const text = readInput(valuesPath, 'values file', false);
readInput(schemaPath, 'schema', true); // fail early on a missing or broken schema file
const target = readInput(targetPath, 'edit target', true);
for (const k of ['line', 'column', 'validValue', 'invalidValue']) {
  if (target[k] === undefined) usage(`${targetPath} lacks "${k}"`);
}
const docLines = text.split('\n');
const lineCount = text.endsWith('\n') ? docLines.length - 1 : docLines.length;
const tLine = target.line - 1; // LSP positions are 0-based
const tChar = target.column - 1;
{
  const actual = (docLines[tLine] ?? '').slice(tChar, tChar + target.validValue.length);
  if (actual !== target.validValue) {
    usage(`line ${target.line} column ${target.column} of ${valuesPath} holds ${JSON.stringify(actual)}, ` +
      `edit-target says ${JSON.stringify(target.validValue)}`);
  }
}

// ------------------------------------------------------------------ failure handling
let server;
function fail(msg) {
  console.error(`measure.mjs: ERROR: ${msg}`);
  if (stderrTail) console.error(`--- yaml-language-server stderr (tail) ---\n${stderrTail.slice(-4000)}`);
  if (server && server.exitCode === null) server.kill('SIGKILL');
  process.exit(1);
}

// ------------------------------------------------------------------ LSP transport
let stderrTail = '';
server = spawn(process.execPath, [SERVER_BIN, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
server.on('error', (e) => fail(`cannot start yaml-language-server: ${e.message}`));
server.on('exit', (code, signal) => {
  if (!shuttingDown) fail(`yaml-language-server exited unexpectedly (code ${code}, signal ${signal})`);
});
server.stderr.on('data', (d) => { stderrTail = (stderrTail + d.toString()).slice(-8000); });
server.stdin.on('error', (e) => fail(`writing to yaml-language-server failed: ${e.message}`));

let shuttingDown = false;
let nextId = 1;
const pending = new Map(); // id -> {resolve, reject, method}
const listeners = new Set(); // (msg, receivedAt) => void, for notifications

function send(msg) {
  const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...msg }), 'utf8');
  server.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
  server.stdin.write(body);
}
function request(method, params, timeoutMs = opts.timeoutMs) {
  const id = nextId++;
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => {
      pending.delete(id);
      reject(new Error(`timeout after ${timeoutMs} ms waiting for the response to ${method}`));
    }, timeoutMs);
    pending.set(id, {
      method,
      resolve: (r) => { clearTimeout(timer); resolvePromise(r); },
      reject: (e) => { clearTimeout(timer); reject(e); },
    });
    send({ id, method, params });
  });
}
const notify = (method, params) => send({ method, params });

let buf = Buffer.alloc(0);
server.stdout.on('data', (chunk) => {
  buf = buf.length ? Buffer.concat([buf, chunk]) : chunk;
  for (;;) {
    const headerEnd = buf.indexOf('\r\n\r\n');
    if (headerEnd < 0) return;
    const header = buf.subarray(0, headerEnd).toString('ascii');
    const m = /Content-Length:\s*(\d+)/i.exec(header);
    if (!m) fail(`malformed LSP header from server: ${JSON.stringify(header)}`);
    const len = Number(m[1]);
    if (buf.length < headerEnd + 4 + len) return;
    const body = buf.subarray(headerEnd + 4, headerEnd + 4 + len).toString('utf8');
    buf = buf.subarray(headerEnd + 4 + len);
    const receivedAt = performance.now();
    let msg;
    try { msg = JSON.parse(body); } catch (e) { fail(`invalid JSON from server: ${e.message}`); }
    dispatch(msg, receivedAt);
  }
});

// ------------------------------------------------------------------ settings
const schemaUri = pathToFileURL(schemaPath).href;
const docUri = pathToFileURL(valuesPath).href;
const yamlSettings = {
  validate: true,
  hover: true,
  completion: true,
  format: { enable: false },
  // The association under test: schema file -> values file (absolute path glob).
  schemas: { [schemaUri]: [valuesPath] },
  // No network here, and the benchmark must not depend on it: no SchemaStore catalog, no CRD store.
  schemaStore: { enable: false },
  kubernetesCRDStore: { enable: false },
};
const configSections = {
  yaml: yamlSettings,
  http: { proxy: '', proxyStrictSSL: false },
  '[yaml]': {},
  editor: { tabSize: 2, insertSpaces: true, detectIndentation: false },
};
let yamlConfigPulls = 0;
let lastScopedPullAt = 0; // yaml-language-server asks for the `[yaml]` section when a (debounced) validation starts
const configPullWaiters = [];

function dispatch(msg, receivedAt) {
  if (msg.id !== undefined && msg.method === undefined) { // response
    const p = pending.get(msg.id);
    if (!p) return;
    pending.delete(msg.id);
    if (msg.error) p.reject(new Error(`${p.method} failed: ${msg.error.code} ${msg.error.message}`));
    else p.resolve(msg.result);
    return;
  }
  if (msg.id !== undefined) { // server -> client request
    let result = null;
    if (msg.method === 'workspace/configuration') {
      const items = msg.params?.items ?? [];
      result = items.map((it) => configSections[it.section] ?? null);
      if (items.length === 1 && items[0].section === '[yaml]') lastScopedPullAt = receivedAt;
      if (items.some((it) => it.section === 'yaml')) {
        yamlConfigPulls++;
        log(`answered yaml configuration pull #${yamlConfigPulls}`);
        setImmediate(() => configPullWaiters.splice(0).forEach((w) => w()));
      }
    } else {
      log(`answering server request ${msg.method} with null`);
    }
    send({ id: msg.id, result });
    return;
  }
  // notification
  if (msg.method === 'window/logMessage' || msg.method === 'window/showMessage') {
    log(`server ${msg.method}: ${msg.params?.message}`);
    if (msg.method === 'window/showMessage' && msg.params?.type === 1) fail(`server error: ${msg.params.message}`);
  }
  for (const l of [...listeners]) l(msg, receivedAt);
}

function waitFor(predicate, what, timeoutMs = opts.timeoutMs) {
  return new Promise((resolvePromise) => {
    const timer = setTimeout(() => {
      listeners.delete(l);
      fail(`timeout after ${timeoutMs} ms waiting for ${what}`);
    }, timeoutMs);
    const l = (msg, at) => {
      if (predicate(msg)) {
        clearTimeout(timer);
        listeners.delete(l);
        resolvePromise({ msg, at });
      }
    };
    listeners.add(l);
  });
}
function waitForConfigPulls(n, timeoutMs = opts.timeoutMs) {
  return new Promise((resolvePromise) => {
    const timer = setTimeout(() => fail(`timeout after ${timeoutMs} ms waiting for workspace/configuration pull #${n}`), timeoutMs);
    const check = () => {
      if (yamlConfigPulls >= n) { clearTimeout(timer); resolvePromise(); } else configPullWaiters.push(check);
    };
    check();
  });
}
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// ------------------------------------------------------------------ benchmark
const isOurDiagnostics = (msg) => msg.method === 'textDocument/publishDiagnostics' && msg.params?.uri === docUri;
const onTargetLine = (d) => d.range?.start?.line === tLine;
const describe = (diags) => diags.slice(0, 3).map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.message}`).join(' | ');

function percentile(sorted, p) { // nearest-rank
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}
const medianOf = (sorted) => {
  const n = sorted.length;
  if (!n) return NaN;
  return n % 2 ? sorted[(n - 1) / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
};
const round = (x) => Math.round(x * 100) / 100;

async function main() {
  const init = await request('initialize', {
    processId: process.pid,
    clientInfo: { name: 'deploy-studio-bench', version: '1' },
    rootUri: pathToFileURL(dirname(valuesPath)).href,
    workspaceFolders: [{ uri: pathToFileURL(dirname(valuesPath)).href, name: 'bench' }],
    locale: 'en',
    capabilities: {
      workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: false }, workspaceFolders: true },
      textDocument: {
        synchronization: { didSave: false, dynamicRegistration: false },
        publishDiagnostics: { relatedInformation: true, versionSupport: true },
      },
    },
  });
  const reported = init?.serverInfo?.version;
  if (reported && reported !== 'unknown') serverVersion = reported;
  const sync = init?.capabilities?.textDocumentSync;
  const syncKind = typeof sync === 'number' ? sync : sync?.change;
  if (syncKind !== 2) fail(`server does not offer incremental sync (textDocumentSync=${JSON.stringify(sync)})`);
  log(`initialized yaml-language-server ${serverVersion}`);
  notify('initialized', {});
  await waitForConfigPulls(1); // pull triggered by `initialized`
  notify('workspace/didChangeConfiguration', { settings: configSections });
  await waitForConfigPulls(2); // pull triggered by didChangeConfiguration (the server ignores the params)

  // didOpen -> first validation (includes loading + compiling the schema). The file must be valid.
  let version = 1;
  const openDiag = waitFor(isOurDiagnostics, 'diagnostics after didOpen');
  const tOpen = performance.now();
  notify('textDocument/didOpen', { textDocument: { uri: docUri, languageId: 'yaml', version, text } });
  const { msg: first, at: tFirst } = await openDiag;
  const openMs = tFirst - tOpen;
  if (first.params.diagnostics.length) {
    fail(`yaml-language-server reports ${first.params.diagnostics.length} diagnostic(s) on the unedited file ` +
      `(it must satisfy the schema): ${describe(first.params.diagnostics)}`);
  }
  log(`didOpen -> diagnostics: ${openMs.toFixed(1)} ms (${lineCount} lines)`);

  let current = target.validValue;
  const samples = [];
  const untilValidationStart = []; // didChange -> server starts validating (debounce + queueing)
  let stale = 0;
  let schemaMessage = null;
  for (let i = 0; i < opts.edits; i++) {
    const next = i % 2 === 0 ? target.invalidValue : target.validValue;
    const expectInvalid = next === target.invalidValue;
    version++;
    const v = version;
    const range = { start: { line: tLine, character: tChar }, end: { line: tLine, character: tChar + current.length } };
    const matches = (msg) => {
      if (!isOurDiagnostics(msg)) return false;
      const pv = msg.params.version;
      const diags = msg.params.diagnostics;
      const ok = (pv === undefined || pv === null || pv === v) &&
        (expectInvalid ? diags.length >= 1 && diags.some(onTargetLine) : diags.length === 0);
      if (!ok) {
        stale++;
        log(`edit ${i + 1}: ignoring publish (version ${pv}, ${diags.length} diagnostics: ${describe(diags)})`);
      }
      return ok;
    };
    const wait = waitFor(matches, `diagnostics for edit ${i + 1} (version ${v}, ` +
      `${expectInvalid ? 'expecting the schema violation' : 'expecting no diagnostics'})`);
    const t0 = performance.now();
    lastScopedPullAt = 0;
    notify('textDocument/didChange', {
      textDocument: { uri: docUri, version: v },
      contentChanges: [{ range, text: next }],
    });
    const { msg, at } = await wait;
    const ms = at - t0;
    samples.push(ms);
    if (lastScopedPullAt > t0) untilValidationStart.push(lastScopedPullAt - t0);
    current = next;
    if (expectInvalid && !schemaMessage) {
      const d = msg.params.diagnostics.find(onTargetLine);
      schemaMessage = { message: d.message, severity: d.severity, source: d.source, code: d.code, range: d.range };
      log(`schema violation reported as: ${JSON.stringify(schemaMessage)}`);
    }
    log(`edit ${i + 1} (${expectInvalid ? 'invalid' : 'valid'}): ${ms.toFixed(1)} ms` +
      (lastScopedPullAt > t0 ? ` (validation started after ${(lastScopedPullAt - t0).toFixed(1)} ms)` : ''));
    if (opts.gapMs) await sleep(opts.gapMs);
  }

  shuttingDown = true;
  try {
    await request('shutdown', null, 3000);
    notify('exit', null);
  } catch { /* the measurement is done; a slow shutdown does not matter */ }
  setTimeout(() => { if (server.exitCode === null) server.kill('SIGKILL'); }, 1000).unref();

  const sorted = [...samples].sort((a, b) => a - b);
  const n = sorted.length;
  const median = medianOf(sorted);
  const result = {
    tool: 'yaml-language-server',
    version: serverVersion,
    edits: n,
    medianMs: round(median),
    p99Ms: round(percentile(sorted, 99)),
    lines: lineCount,
    minMs: round(sorted[0]),
    maxMs: round(sorted[n - 1]),
    firstEditMs: round(samples[0]),
    // median time from didChange until the server starts validating (its fixed 200 ms debounce);
    // medianMs minus this is roughly the parse + schema validation + publish cost
    validationStartMedianMs: untilValidationStart.length === n
      ? round(medianOf([...untilValidationStart].sort((a, b) => a - b))) : null,
    openMs: round(openMs),
    staleIgnored: stale,
    node: process.version,
    violation: schemaMessage?.message,
  };
  process.stdout.write(JSON.stringify(result) + '\n');
}

main().catch((e) => fail(e.message));
