#!/usr/bin/env node
// SPDX-License-Identifier: MIT
//
// Validates a GitHub Actions workflow file against the GitHub workflow JSON schema with ajv, so that tests can check
// .github/workflows/*.yml with an independent validator.
//
//   node tests/peers/validate-workflow.mjs FILE.yml [--schema SCHEMA.json] [--quiet]
//
// Exit: 0 valid, 1 invalid (schema errors, or FILE is not YAML), 2 usage or I/O error (FILE unreadable, packages
// missing: run `npm ci` in tests/peers).
//
// The YAML is read with js-yaml (YAML 1.2 core schema, as GitHub reads `on:` as a string key). Default schema:
// SchemaStore's github-workflow.json (draft-07), the copy that @action-validator/core embeds verbatim in its
// WebAssembly module; no npm package ships the file on its own. The document whose "$id" is
// https://json.schemastore.org/github-workflow.json is cut out of the module's data and parsed as JSON. --schema
// takes another copy. ajv runs with strict mode off (SchemaStore schemas use keywords ajv's strict mode rejects),
// all errors, and formats from ajv-formats.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

const EMBEDDING_PACKAGE = '@action-validator/core';
const WORKFLOW_SCHEMA_ID = 'https://json.schemastore.org/github-workflow.json';

function usage(message) {
    if (message) process.stderr.write(`validate-workflow: ${message}\n`);
    process.stderr.write('usage: validate-workflow.mjs FILE.yml [--schema SCHEMA.json] [--quiet]\n');
    process.exit(2);
}

function fail(message) {
    process.stderr.write(`validate-workflow: ${message}\n`);
    process.exit(2);
}

let file = null;
let schemaFile = null;
let quiet = false;
{
    const args = process.argv.slice(2);
    for (let i = 0; i < args.length; ++i) {
        const a = args[i];
        if (a === '--schema') { if (i + 1 >= args.length) usage('--schema needs a file'); schemaFile = path.resolve(args[++i]); }
        else if (a === '--quiet' || a === '-q') quiet = true;
        else if (a === '-h' || a === '--help') usage();
        else if (a.startsWith('-')) usage(`unknown option ${a}`);
        else if (file === null) file = a;
        else usage(`unexpected argument ${a}`);
    }
    if (file === null) usage('FILE is required');
}

let Ajv, addFormats, yaml;
try {
    Ajv = require('ajv');
    addFormats = require('ajv-formats');
    yaml = require('js-yaml');
} catch {
    fail(`ajv, ajv-formats or js-yaml is not installed: run \`npm ci\` in ${here}`);
}

// Cuts the JSON object that contains `"$id": "<id>"` out of a binary: back to the brace that opens it, then
// forward to its matching close brace, skipping braces inside JSON strings.
function embeddedJsonDocument(bytes, id) {
    const text = bytes.toString('latin1');
    const idAt = text.search(new RegExp(`"\\$id"\\s*:\\s*"${id.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}"`));
    if (idAt < 0) return null;
    const start = text.lastIndexOf('{', idAt);
    let depth = 0;
    let inString = false;
    for (let i = start; i < text.length; ++i) {
        const c = text[i];
        if (inString) {
            if (c === '\\') ++i;
            else if (c === '"') inString = false;
        } else if (c === '"') inString = true;
        else if (c === '{') ++depth;
        else if (c === '}' && --depth === 0) return bytes.subarray(start, i + 1).toString('utf8');
    }
    return null;
}

let schema;
let schemaName;
if (schemaFile) {
    try {
        schema = JSON.parse(fs.readFileSync(schemaFile, 'utf8'));
    } catch (e) {
        fail(`cannot read the schema ${schemaFile}: ${e.message}`);
    }
    schemaName = schemaFile;
} else {
    const packageDir = path.join(here, 'node_modules', EMBEDDING_PACKAGE);
    let wasm;
    let version;
    try {
        version = JSON.parse(fs.readFileSync(path.join(packageDir, 'package.json'), 'utf8')).version;
        wasm = fs.readFileSync(path.join(packageDir, 'action_validator_bg.wasm'));
    } catch {
        fail(`${EMBEDDING_PACKAGE} is not installed: run \`npm ci\` in ${here}`);
    }
    const json = embeddedJsonDocument(wasm, WORKFLOW_SCHEMA_ID);
    if (json === null) fail(`${EMBEDDING_PACKAGE}@${version} does not embed ${WORKFLOW_SCHEMA_ID}; pass --schema`);
    try {
        schema = JSON.parse(json);
    } catch (e) {
        fail(`the schema embedded in ${EMBEDDING_PACKAGE}@${version} is not JSON: ${e.message}`);
    }
    schemaName = `${WORKFLOW_SCHEMA_ID} as embedded in ${EMBEDDING_PACKAGE}@${version}`;
}

let validate;
try {
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    validate = ajv.compile(schema);
} catch (e) {
    fail(`cannot compile the schema ${schemaName}: ${e.message}`);
}

let text;
try {
    text = fs.readFileSync(file, 'utf8');
} catch (e) {
    fail(`cannot read ${file}: ${e.message}`);
}

let workflow;
try {
    workflow = yaml.load(text, { filename: file });
} catch (e) {
    process.stdout.write(`${file}: not YAML: ${e.message}\n`);
    process.exit(1);
}

if (validate(workflow)) {
    if (!quiet) process.stdout.write(`${file}: valid GitHub workflow (schema: ${schemaName})\n`);
    process.exit(0);
}

function detail(err) {
    const p = err.params || {};
    if (p.allowedValues) return ` (allowed: ${p.allowedValues.map((v) => JSON.stringify(v)).join(', ')})`;
    if (p.additionalProperty) return ` (${JSON.stringify(p.additionalProperty)})`;
    if (p.missingProperty) return ` (${JSON.stringify(p.missingProperty)})`;
    return '';
}

const errors = validate.errors;
process.stdout.write(`${file}: invalid GitHub workflow, ${errors.length} error${errors.length === 1 ? '' : 's'} (schema: ${schemaName})\n`);
for (const err of errors)
    process.stdout.write(`  ${err.instancePath || '/'}: ${err.message}${detail(err)}\n`);
process.exit(1);
