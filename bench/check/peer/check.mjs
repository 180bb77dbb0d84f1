#!/usr/bin/env node
// SPDX-License-Identifier: MIT
//
// The peer of `deploy-studio-cli check` in bench/check: the same schema validation of a GitOps workspace, written
// the way a Node.js tool would write it (js-yaml + ajv), single-threaded.
//
//   node check.mjs WORKSPACE [--schema-location L]... [--kubernetes-version 1.31.6] [--verbose]
//                  [--format text|json] [--expected FILE]
//
// 1. Walks WORKSPACE (sorted), skipping .git, node_modules and the templates/ folder of every Helm chart
//    (a folder holding Chart.yaml), and parses every *.yaml / *.yml file with js-yaml, all documents.
// 2. Every document that is a map with a `kind` is a Kubernetes resource. Its schema is found the way kubeconform
//    finds it: each --schema-location is tried in order.
//      - A location ending in "json" is a template: {{.ResourceKind}} (kind, lower case), {{.ResourceAPIVersion}}
//        (version part of apiVersion), {{.Group}} (group part; for "v1" it is "v1"), {{.KindSuffix}}
//        ("-<first label of the group>-<version>", or "-v1" for the core group), {{.NormalizedKubernetesVersion}}
//        ("v1.31.6"), {{.StrictSuffix}} ("-strict").
//      - Any other location is a folder. The schema file is FOLDER/{kind}{KindSuffix}.json (the folder holds the
//        files, as in ../shared/schemas/kubernetes/v1.31.6-standalone-strict), and failing that kubeconform's layout
//        FOLDER/{NormalizedKubernetesVersion}-standalone{StrictSuffix}/{kind}{KindSuffix}.json.
//    Each schema file is compiled once (draft-04, as kubeconform does; ajv-draft-04, strict mode off, allErrors)
//    and every resource is validated against it. Formats are not asserted.
// 3. For every environment of .deploy-studio.yaml (or, without it, every values-<env>.yaml beside a Chart.yaml)
//    the values files are merged in order (maps merge, lists replace, null deletes the key) and the result is
//    validated against the chart's values.schema.json (the draft its $schema names; draft-07 by default).
//
// Prints the number of documents and of errors found and exits 0 (2 on a usage or I/O error). With --expected
// FILE (written by generate-workspace.mjs) it also compares what it found with what was planted and exits 1 on a
// difference.

import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createRequire } from 'node:module';
import yaml from 'js-yaml';
import Ajv from 'ajv';
import Ajv2019 from 'ajv/dist/2019.js';
import Ajv2020 from 'ajv/dist/2020.js';
import AjvDraft04 from 'ajv-draft-04';

const started = performance.now();
const require = createRequire(import.meta.url);
const here = path.dirname(new URL(import.meta.url).pathname);

class UsageError extends Error {}

// ---------------------------------------------------------------------------------------------------------------
// Command line

function parseArgs(argv) {
    const o = { workspace: null, locations: [], k8sVersion: null, verbose: false, format: 'text', expected: null };
    for (let i = 0; i < argv.length; ++i) {
        const a = argv[i];
        const value = () => {
            if (i + 1 >= argv.length) throw new UsageError(`${a} needs a value`);
            return argv[++i];
        };
        if (a === '--schema-location') o.locations.push(value());
        else if (a.startsWith('--schema-location=')) o.locations.push(a.slice('--schema-location='.length));
        else if (a === '--kubernetes-version') o.k8sVersion = value();
        else if (a === '--format') o.format = value();
        else if (a === '--expected') o.expected = value();
        else if (a === '--verbose' || a === '-v') o.verbose = true;
        else if (a === '-h' || a === '--help') throw new UsageError('');
        else if (a.startsWith('-')) throw new UsageError(`unknown option ${a}`);
        else if (o.workspace === null) o.workspace = a;
        else throw new UsageError(`unexpected argument ${a}`);
    }
    if (!o.workspace) throw new UsageError('WORKSPACE is required');
    if (!['text', 'json'].includes(o.format)) throw new UsageError(`--format must be text or json, not ${o.format}`);
    if (o.locations.length === 0) {
        // default: the shared test schemas beside the repository (../shared/schemas from the repository root)
        const shared = path.resolve(here, '../../../../shared/schemas');
        o.locations.push(path.join(shared, 'kubernetes/v1.31.6-standalone-strict'),
            path.join(shared, 'crds/{{.Group}}/{{.ResourceKind}}_{{.ResourceAPIVersion}}.json'));
    }
    for (const l of o.locations) {
        if (/^https?:\/\//.test(l)) throw new UsageError(`schema location ${l}: the peer works offline, give a local folder or template`);
        const unknown = [...l.matchAll(/\{\{\s*\.(\w+)\s*\}\}/g)].map((m) => m[1]).filter((n) => !TEMPLATE_FIELDS.includes(n));
        if (unknown.length) throw new UsageError(`schema location ${l}: unknown template field ${unknown[0]}`);
    }
    return o;
}

const TEMPLATE_FIELDS = ['NormalizedKubernetesVersion', 'StrictSuffix', 'ResourceKind', 'ResourceAPIVersion', 'Group', 'KindSuffix'];

// ---------------------------------------------------------------------------------------------------------------
// YAML: YAML 1.2 core schema plus merge keys. No timestamps: Kubernetes reads `2024-01-01` as a string.

const YAML_SCHEMA = yaml.CORE_SCHEMA.extend({ implicit: [yaml.types.merge] });

function parseAll(text, file) {
    return yaml.loadAll(text, null, { filename: file, schema: YAML_SCHEMA });
}

const isMap = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);

// ---------------------------------------------------------------------------------------------------------------
// Walk

function walk(root) {
    const files = [];
    const charts = [];
    const stack = [''];
    while (stack.length) {
        const rel = stack.pop();
        const entries = fs.readdirSync(path.join(root, rel), { withFileTypes: true });
        const isChart = entries.some((e) => e.isFile() && e.name === 'Chart.yaml');
        if (isChart) charts.push(rel);
        for (const e of entries) {
            const child = rel ? `${rel}/${e.name}` : e.name;
            if (e.isDirectory()) {
                if (e.name === '.git' || e.name === 'node_modules') continue;
                if (isChart && e.name === 'templates') continue; // Go templates, not YAML
                stack.push(child);
            } else if (e.isFile() && /\.ya?ml$/i.test(e.name)) {
                files.push(child);
            }
        }
    }
    files.sort();
    charts.sort();
    return { files, charts };
}

// ---------------------------------------------------------------------------------------------------------------
// Schemas

// Schema patterns come from Go (kubeconform and the API server use Go's RE2); CRDs use RE2-only syntax such as a
// leading "(?i)" (prometheusrule_v1.json). Translate what JavaScript lacks; a pattern that still does not compile
// matches everything (with one warning), as a validator must not crash on a schema it cannot read.
const warnedPatterns = new Set();
function re2RegExp(pattern, flags) {
    let p = pattern;
    let f = flags;
    const inline = /^(\^?)\(\?([ims]+)\)/.exec(p);
    if (inline) {
        p = inline[1] + p.slice(inline[0].length);
        for (const c of inline[2]) if (!f.includes(c)) f += c;
    }
    p = p.replace(/\\A/g, '^').replace(/\\z/g, '$')
        .replace(/\[:alpha:\]/g, 'A-Za-z').replace(/\[:digit:\]/g, '0-9').replace(/\[:alnum:\]/g, 'A-Za-z0-9')
        .replace(/\[:space:\]/g, '\\s').replace(/\[:upper:\]/g, 'A-Z').replace(/\[:lower:\]/g, 'a-z');
    try {
        return new RegExp(p, f);
    } catch (e) {
        if (!warnedPatterns.has(pattern)) {
            warnedPatterns.add(pattern);
            process.stderr.write(`check-peer: warning: pattern ${JSON.stringify(pattern)} is not a JavaScript regular expression; not checked\n`);
        }
        return { test: () => true };
    }
}
re2RegExp.code = 're2RegExp';

function ajvFor(draft, kubernetes) {
    const common = { strict: false, allErrors: true, validateFormats: false, code: { regExp: re2RegExp } };
    // Kubernetes schemas are large and trusted: skip meta-validation of the schema itself.
    const k8s = kubernetes ? { validateSchema: false } : {};
    switch (draft) {
    case 'draft-04': return new AjvDraft04({ ...common, ...k8s });
    case 'draft-07': return new Ajv({ ...common, ...k8s });
    case '2019-09': return new Ajv2019({ ...common, ...k8s });
    case '2020-12': return new Ajv2020({ ...common, ...k8s });
    }
    throw new Error(`unsupported draft ${draft}`);
}

function draftOf(schema, fallback) {
    const s = typeof schema.$schema === 'string' ? schema.$schema : '';
    if (/draft-0?4/.test(s)) return 'draft-04';
    if (/draft-0?[67]/.test(s)) return 'draft-07';
    if (s.includes('2019-09')) return '2019-09';
    if (s.includes('2020-12')) return '2020-12';
    return fallback; // kubernetes-json-schema says "http://json-schema.org/schema#"; kubeconform treats it as draft-04
}

class SchemaStore {
    constructor(locations, k8sVersion) {
        this.locations = locations;
        this.k8sVersion = k8sVersion;
        this.byGvk = new Map(); // "apiVersion|kind" -> { file, validate } | { missing: [tried files] }
        this.byFile = new Map(); // file -> validate function
        this.ajv = new Map(); // draft -> Ajv instance
        this.compiled = 0;
    }

    vars(apiVersion, kind) {
        const groupParts = apiVersion.split('/');
        const versionParts = groupParts[0].split('.');
        let kindSuffix = '-' + versionParts[0].toLowerCase();
        if (groupParts.length > 1) kindSuffix += '-' + groupParts[1].toLowerCase();
        return {
            NormalizedKubernetesVersion: this.k8sVersion === 'master' ? 'master' : `v${this.k8sVersion}`,
            StrictSuffix: '-strict',
            ResourceKind: kind.toLowerCase(),
            ResourceAPIVersion: groupParts[groupParts.length - 1],
            Group: groupParts[0],
            KindSuffix: kindSuffix,
        };
    }

    candidates(apiVersion, kind) {
        const v = this.vars(apiVersion, kind);
        const out = [];
        for (const l of this.locations) {
            if (l.endsWith('json')) {
                out.push(l.replace(/\{\{\s*\.(\w+)\s*\}\}/g, (_, name) => v[name]));
            } else {
                const file = `${v.ResourceKind}${v.KindSuffix}.json`;
                out.push(path.join(l, file), path.join(l, `${v.NormalizedKubernetesVersion}-standalone${v.StrictSuffix}`, file));
            }
        }
        return out;
    }

    lookup(apiVersion, kind) {
        const key = `${apiVersion}|${kind}`;
        let entry = this.byGvk.get(key);
        if (entry) return entry;
        const tried = this.candidates(apiVersion, kind);
        const file = tried.find((f) => fs.existsSync(f));
        entry = file ? { file, validate: this.compile(file) } : { missing: tried };
        this.byGvk.set(key, entry);
        return entry;
    }

    compile(file) {
        let validate = this.byFile.get(file);
        if (validate) return validate;
        const schema = JSON.parse(fs.readFileSync(file, 'utf8'));
        const draft = draftOf(schema, 'draft-04');
        delete schema.$schema; // "http://json-schema.org/schema#" is no meta-schema ajv knows; the draft is chosen above
        let ajv = this.ajv.get(draft);
        if (!ajv) this.ajv.set(draft, (ajv = ajvFor(draft, true)));
        validate = ajv.compile(schema);
        this.byFile.set(file, validate);
        ++this.compiled;
        return validate;
    }
}

// ---------------------------------------------------------------------------------------------------------------
// Helm values: merge and validate per environment

function mergeValues(base, over) {
    const out = isMap(base) ? { ...base } : {};
    for (const [k, v] of Object.entries(over)) {
        if (v === null) delete out[k];
        else if (isMap(v)) out[k] = mergeValues(isMap(out[k]) ? out[k] : {}, v);
        else out[k] = v; // scalars and lists replace
    }
    return out;
}

function environments(root, charts, findings) {
    const configFile = path.join(root, '.deploy-studio.yaml');
    if (fs.existsSync(configFile)) {
        let config;
        try {
            config = yaml.load(fs.readFileSync(configFile, 'utf8'), { filename: '.deploy-studio.yaml', schema: YAML_SCHEMA });
        } catch (e) {
            findings.push({ file: '.deploy-studio.yaml', message: e.message.split('\n')[0] });
            return [];
        }
        const envs = isMap(config) && Array.isArray(config.environments) ? config.environments : [];
        return envs.filter((e) => isMap(e) && Array.isArray(e.values) && e.values.length > 0)
            .map((e) => ({ name: String(e.name), values: e.values.map(String) }));
    }
    // conventions: values-<env>.yaml beside a chart's values.yaml
    const out = [];
    for (const chart of charts) {
        const dir = path.join(root, chart);
        for (const f of fs.readdirSync(dir).sort()) {
            const m = /^values-(.+)\.ya?ml$/.exec(f);
            if (m) out.push({ name: m[1], values: [path.posix.join(chart, 'values.yaml'), path.posix.join(chart, f)] });
        }
    }
    return out;
}

function chartOf(root, valuesFile) {
    let dir = path.dirname(path.join(root, valuesFile));
    while (dir.startsWith(root)) {
        if (fs.existsSync(path.join(dir, 'Chart.yaml'))) return dir;
        const up = path.dirname(dir);
        if (up === dir) break;
        dir = up;
    }
    return null;
}

function checkEnvironments(root, charts, stats) {
    const parsed = new Map(); // values file -> parsed map (values.yaml is shared by every environment)
    const validators = new Map(); // schema file -> validate | null
    const results = [];
    for (const env of environments(root, charts, stats.findings)) {
        let merged = {};
        let broken = false;
        for (const f of env.values) {
            if (!parsed.has(f)) {
                try {
                    const v = yaml.load(fs.readFileSync(path.join(root, f), 'utf8'), { filename: f, schema: YAML_SCHEMA });
                    parsed.set(f, isMap(v) ? v : {});
                } catch (e) {
                    parsed.set(f, e);
                }
            }
            const v = parsed.get(f);
            if (v instanceof Error) {
                stats.findings.push({ file: f, env: env.name, message: v.code === 'ENOENT' ? 'values file not found' : v.message.split('\n')[0] });
                broken = true;
                break;
            }
            merged = mergeValues(merged, v);
        }
        if (broken) { results.push({ env: env.name, valid: false, errors: 1 }); continue; }
        const chart = chartOf(root, env.values[0]);
        const schemaFile = chart && path.join(chart, 'values.schema.json');
        if (!schemaFile || !fs.existsSync(schemaFile)) { results.push({ env: env.name, valid: true, errors: 0, schema: null }); continue; }
        if (!validators.has(schemaFile)) {
            try {
                const schema = JSON.parse(fs.readFileSync(schemaFile, 'utf8'));
                validators.set(schemaFile, ajvFor(draftOf(schema, 'draft-07'), false).compile(schema));
            } catch (e) {
                validators.set(schemaFile, e);
            }
        }
        const validate = validators.get(schemaFile);
        const rel = path.relative(root, schemaFile);
        if (validate instanceof Error) {
            stats.findings.push({ file: rel, env: env.name, message: `not a usable JSON schema: ${validate.message}` });
            results.push({ env: env.name, valid: false, errors: 1 });
            continue;
        }
        if (validate(merged)) { results.push({ env: env.name, valid: true, errors: 0 }); continue; }
        for (const err of validate.errors) {
            stats.findings.push({ file: env.values[env.values.length - 1], env: env.name, message: `${err.instancePath || '/'} ${err.message}${describeParams(err)} (${rel})` });
        }
        results.push({ env: env.name, valid: false, errors: validate.errors.length });
    }
    return results;
}

function describeParams(err) {
    const p = err.params || {};
    if (p.additionalProperty) return `: ${p.additionalProperty}`;
    if (p.allowedValues) return `: ${p.allowedValues.join(', ')}`;
    return '';
}

// ---------------------------------------------------------------------------------------------------------------
// Main

function main() {
    const opts = parseArgs(process.argv.slice(2));
    const root = path.resolve(opts.workspace);
    if (!fs.existsSync(root) || !fs.statSync(root).isDirectory()) throw new UsageError(`workspace ${opts.workspace} is not a folder`);

    let k8sVersion = opts.k8sVersion;
    if (!k8sVersion) {
        try {
            const config = yaml.load(fs.readFileSync(path.join(root, '.deploy-studio.yaml'), 'utf8'), { schema: YAML_SCHEMA });
            k8sVersion = isMap(config) && isMap(config.schemas) && config.schemas.kubernetesVersion ? String(config.schemas.kubernetesVersion) : null;
        } catch { /* reported by the environment check */ }
    }
    const store = new SchemaStore(opts.locations, k8sVersion || '1.31.6');

    const { files, charts } = walk(root);
    const stats = {
        files: files.length, documents: 0, otherDocuments: 0, parseErrors: 0, missingSchema: 0,
        invalidDocuments: 0, schemaErrors: 0, findings: [], invalid: [],
    };

    for (const file of files) {
        let docs;
        try {
            docs = parseAll(fs.readFileSync(path.join(root, file), 'utf8'), file);
        } catch (e) {
            if (!(e instanceof yaml.YAMLException)) throw e;
            ++stats.parseErrors;
            stats.findings.push({ file, line: e.mark ? e.mark.line + 1 : undefined, message: e.reason || e.message });
            continue;
        }
        docs.forEach((doc, index) => {
            if (!isMap(doc) || !('kind' in doc)) {
                if (doc !== null && doc !== undefined) ++stats.otherDocuments;
                return;
            }
            ++stats.documents;
            const { kind, apiVersion } = doc;
            if (typeof kind !== 'string' || typeof apiVersion !== 'string' || !kind || !apiVersion) {
                ++stats.invalidDocuments;
                stats.invalid.push({ file, document: index });
                stats.findings.push({ file, document: index, message: typeof apiVersion !== 'string' ? 'missing apiVersion' : 'kind must be a string' });
                return;
            }
            const schema = store.lookup(apiVersion, kind);
            if (!schema.validate) {
                ++stats.missingSchema;
                stats.findings.push({ file, document: index, message: `no schema for ${apiVersion} ${kind} (tried ${schema.missing.join(', ')})` });
                return;
            }
            if (schema.validate(doc)) return;
            ++stats.invalidDocuments;
            stats.schemaErrors += schema.validate.errors.length;
            stats.invalid.push({ file, document: index });
            const name = isMap(doc.metadata) ? doc.metadata.name : undefined;
            for (const err of schema.validate.errors) {
                stats.findings.push({ file, document: index, message: `${kind}/${name}: ${err.instancePath || '/'} ${err.message}${describeParams(err)}` });
            }
        });
    }

    const envResults = checkEnvironments(root, charts, stats);
    const invalidEnvs = envResults.filter((r) => !r.valid);
    const elapsed = (performance.now() - started) / 1000;

    const summary = {
        tool: 'check-peer',
        node: process.version,
        ajv: require('ajv/package.json').version,
        jsYaml: require('js-yaml/package.json').version,
        workspace: root,
        yamlFiles: stats.files,
        documents: stats.documents,
        otherDocuments: stats.otherDocuments,
        parseErrors: stats.parseErrors,
        schemasCompiled: store.compiled,
        documentsWithoutSchema: stats.missingSchema,
        invalidDocuments: stats.invalidDocuments,
        schemaErrors: stats.schemaErrors,
        environments: envResults.length,
        invalidEnvironments: invalidEnvs.map((r) => r.env),
        environmentErrors: invalidEnvs.reduce((n, r) => n + r.errors, 0),
        findings: stats.parseErrors + stats.missingSchema + stats.invalidDocuments + invalidEnvs.length,
        elapsedSeconds: Number(elapsed.toFixed(3)),
    };

    let mismatch = [];
    if (opts.expected) mismatch = compareWithExpected(opts.expected, stats, invalidEnvs);

    if (opts.format === 'json') {
        process.stdout.write(JSON.stringify({ ...summary, ...(opts.expected ? { expectedMismatches: mismatch } : {}), ...(opts.verbose ? { messages: stats.findings } : {}) }, null, 2) + '\n');
    } else {
        if (opts.verbose) {
            for (const f of stats.findings) {
                const where = [f.file, f.line !== undefined ? `line ${f.line}` : null, f.document !== undefined ? `document ${f.document}` : null, f.env ? `env ${f.env}` : null].filter(Boolean).join(', ');
                process.stdout.write(`${where}: ${f.message}\n`);
            }
        }
        const w = process.stdout.write.bind(process.stdout);
        w(`check-peer ${root} (node ${summary.node}, ajv ${summary.ajv}, js-yaml ${summary.jsYaml})\n`);
        w(`  documents:    ${summary.documents} Kubernetes documents in ${summary.yamlFiles} YAML files (${summary.otherDocuments} other YAML documents, ${summary.parseErrors} files that do not parse)\n`);
        w(`  schemas:      ${summary.schemasCompiled} compiled, ${summary.documentsWithoutSchema} documents without a schema\n`);
        w(`  errors:       ${summary.invalidDocuments} invalid documents (${summary.schemaErrors} schema errors)\n`);
        w(`  environments: ${summary.environments} checked, ${invalidEnvs.length} invalid (${summary.environmentErrors} errors)${invalidEnvs.length ? ': ' + summary.invalidEnvironments.join(', ') : ''}\n`);
        w(`  findings:     ${summary.findings}\n`);
        w(`  elapsed:      ${summary.elapsedSeconds.toFixed(2)} s\n`);
        if (opts.expected) {
            if (mismatch.length === 0) w(`  expected:     everything planted was found, nothing else\n`);
            else for (const m of mismatch) w(`  MISMATCH: ${m}\n`);
        }
    }
    return opts.expected && mismatch.length ? 1 : 0;
}

function compareWithExpected(expectedFile, stats, invalidEnvs) {
    const expected = JSON.parse(fs.readFileSync(expectedFile, 'utf8'));
    const out = [];
    const key = (p) => `${p.file}#${p.document}`;
    const planted = new Map(expected.plantedErrors.map((p) => [key(p), p]));
    const found = new Set(stats.invalid.map(key));
    for (const [k, p] of planted) if (!found.has(k)) out.push(`planted error not found: ${k} (${p.kind}: ${p.what})`);
    for (const k of found) if (!planted.has(k)) out.push(`error in a document where none was planted: ${k}`);
    if (stats.parseErrors) out.push(`${stats.parseErrors} files do not parse`);
    if (stats.missingSchema) out.push(`${stats.missingSchema} documents without a schema`);
    if (stats.documents !== expected.documents) out.push(`${stats.documents} documents, expected ${expected.documents}`);
    const wantEnvs = new Set(expected.invalidEnvironments.map((e) => e.env));
    const gotEnvs = new Set(invalidEnvs.map((r) => r.env));
    for (const e of wantEnvs) if (!gotEnvs.has(e)) out.push(`invalid environment not reported: ${e}`);
    for (const e of gotEnvs) if (!wantEnvs.has(e)) out.push(`environment reported invalid unexpectedly: ${e}`);
    return out;
}

try {
    process.exitCode = main();
} catch (e) {
    if (e instanceof UsageError) {
        if (e.message) process.stderr.write(`check-peer: ${e.message}\n`);
        process.stderr.write('usage: check.mjs WORKSPACE [--schema-location L]... [--kubernetes-version V] [--verbose] [--format text|json] [--expected FILE]\n');
    } else {
        process.stderr.write(`check-peer: ${e.code === 'ENOENT' || e.code === 'EACCES' ? e.message : e.stack}\n`);
    }
    process.exitCode = 2;
}
