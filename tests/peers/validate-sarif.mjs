#!/usr/bin/env node
// SPDX-License-Identifier: MIT
//
// Validates a SARIF log against the SARIF 2.1.0 JSON schema that ships in node_modules, so that tests can check
// `deploy-studio-cli check --format sarif` with an independent validator.
//
//   node tests/peers/validate-sarif.mjs FILE [--schema SCHEMA.json] [--quiet]
//
// Exit: 0 valid, 1 invalid (schema errors, or FILE is not JSON), 2 usage or I/O error (FILE unreadable, schema
// missing: run `npm ci` in tests/peers).
//
// Default schema: @microsoft/sarif-multitool-ts/assets/sarif-2.1.0.schema.json (the SARIF SDK's copy of the
// OASIS SARIF 2.1.0 schema with the errata fixes; its "$schema" is JSON Schema 2020-12). --schema takes another
// copy, for example the OASIS file itself. The Ajv class is chosen by the schema's "$schema": draft-04,
// draft-06/07 (the default), 2019-09 or 2020-12. Options: strict mode off, all errors, formats checked with
// ajv-formats (uri, uri-reference, date-time, uuid …), and no unicode flag on patterns: the OASIS file's
// `language` pattern "^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$" is not a valid unicode-mode regular expression.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

const DEFAULT_PACKAGE = '@microsoft/sarif-multitool-ts';
const DEFAULT_SCHEMA = path.join(here, 'node_modules', DEFAULT_PACKAGE, 'assets', 'sarif-2.1.0.schema.json');

function usage(message) {
    if (message) process.stderr.write(`validate-sarif: ${message}\n`);
    process.stderr.write('usage: validate-sarif.mjs FILE [--schema SCHEMA.json] [--quiet]\n');
    process.exit(2);
}

function fail(message) {
    process.stderr.write(`validate-sarif: ${message}\n`);
    process.exit(2);
}

let file = null;
let schemaFile = DEFAULT_SCHEMA;
let quiet = false;
{
    const args = process.argv.slice(2);
    for (let i = 0; i < args.length; ++i) {
        const a = args[i];
        if (a === '--schema') { if (i + 1 >= args.length) usage('--schema needs a file'); schemaFile = path.resolve(args[++i]); }
        else if (a === '--quiet' || a === '-q') quiet = true;
        else if (a === '-h' || a === '--help') usage();
        else if (a.startsWith('-') && a !== '-') usage(`unknown option ${a}`);
        else if (file === null) file = a;
        else usage(`unexpected argument ${a}`);
    }
    if (file === null) usage('FILE is required');
}

let Ajv, addFormats;
try {
    addFormats = require('ajv-formats');
    Ajv = require('ajv');
} catch {
    fail(`ajv or ajv-formats is not installed: run \`npm ci\` in ${here}`);
}

let schema;
try {
    schema = JSON.parse(fs.readFileSync(schemaFile, 'utf8'));
} catch (e) {
    if (schemaFile === DEFAULT_SCHEMA && e.code === 'ENOENT') fail(`the SARIF schema is not installed (${DEFAULT_PACKAGE}): run \`npm ci\` in ${here}`);
    fail(`cannot read the schema ${schemaFile}: ${e.message}`);
}

function ajvClass(s) {
    const id = typeof s.$schema === 'string' ? s.$schema : '';
    if (/draft-0?4/.test(id)) return require('ajv-draft-04');
    if (id.includes('2019-09')) return require('ajv/dist/2019');
    if (id.includes('2020-12')) return require('ajv/dist/2020');
    return Ajv; // draft-06 / draft-07 / none
}

let validate;
try {
    const AjvClass = ajvClass(schema);
    const ajv = new AjvClass({ strict: false, allErrors: true, unicodeRegExp: false });
    addFormats(ajv);
    validate = ajv.compile(schema);
} catch (e) {
    fail(`cannot compile the schema ${schemaFile}: ${e.message}`);
}

let text;
try {
    text = file === '-' ? fs.readFileSync(0, 'utf8') : fs.readFileSync(file, 'utf8');
} catch (e) {
    fail(`cannot read ${file}: ${e.message}`);
}

// the package's "exports" do not include package.json, so read it by path
const schemaName = schemaFile === DEFAULT_SCHEMA
    ? `${DEFAULT_PACKAGE}@${JSON.parse(fs.readFileSync(path.join(here, 'node_modules', DEFAULT_PACKAGE, 'package.json'), 'utf8')).version} assets/sarif-2.1.0.schema.json`
    : schemaFile;

let log;
try {
    log = JSON.parse(text.replace(/^\uFEFF/, ''));
} catch (e) {
    process.stdout.write(`${file}: not JSON: ${e.message}\n`);
    process.exit(1);
}

if (validate(log)) {
    if (!quiet) process.stdout.write(`${file}: valid SARIF 2.1.0 (schema: ${schemaName})\n`);
    process.exit(0);
}

function detail(err) {
    const p = err.params || {};
    if (p.allowedValues) return ` (allowed: ${p.allowedValues.map((v) => JSON.stringify(v)).join(', ')})`;
    if (p.additionalProperty) return ` (${JSON.stringify(p.additionalProperty)})`;
    return '';
}

const errors = validate.errors;
process.stdout.write(`${file}: invalid SARIF 2.1.0, ${errors.length} error${errors.length === 1 ? '' : 's'} (schema: ${schemaName})\n`);
for (const err of errors) {
    let value = '';
    if (err.instancePath) {
        let v = log;
        for (const seg of err.instancePath.split('/').slice(1)) v = v?.[seg.replace(/~1/g, '/').replace(/~0/g, '~')];
        if (v !== undefined && (typeof v !== 'object' || v === null)) value = ` (value ${JSON.stringify(v)})`;
    }
    process.stdout.write(`  ${err.instancePath || '/'}: ${err.message}${detail(err)}${value}\n`);
}
process.exit(1);
