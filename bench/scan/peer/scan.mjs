// SPDX-License-Identifier: MIT
// The bench/scan peer: the studio's own secret rules (deploy-studio-cli scan --list-rules --format json)
// run by Node.js's regular expression engine over the same files, the way gitleaks runs them —
// keyword prefilter on the lowercased text, each matching rule's regex over the file, the entropy
// threshold on the secret. Walks folders like the studio (.git skipped). Prints {"files", "findings",
// "byRule"} as JSON.
//
//   node scan.mjs RULES.json DIR

import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const [rulesFile, dir] = process.argv.slice(2);
if (!rulesFile || !dir) {
    console.error('usage: node scan.mjs RULES.json DIR');
    process.exit(2);
}
const rules = JSON.parse(readFileSync(rulesFile, 'utf8')).rules.map((rule) => ({
    ...rule,
    // 'm': the studio matches line by line, so $ is the end of a line.
    regex: new RegExp(rule.pattern, 'gm' + (rule.caseInsensitive ? 'i' : '')),
}));

const entropy = (text) => {
    const counts = new Map();
    for (const c of text) counts.set(c, (counts.get(c) || 0) + 1);
    let bits = 0;
    for (const n of counts.values()) {
        const p = n / text.length;
        bits -= p * Math.log2(p);
    }
    return bits;
};

const files = [];
const walk = (folder) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
        if (entry.isDirectory()) {
            if (entry.name !== '.git') walk(join(folder, entry.name));
        } else if (entry.isFile()) {
            files.push(join(folder, entry.name));
        }
    }
};
walk(dir);

let findings = 0;
const byRule = {};
for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const lower = text.toLowerCase();
    for (const rule of rules) {
        if (!rule.keywords.some((keyword) => lower.includes(keyword))) continue;
        rule.regex.lastIndex = 0;
        for (const match of text.matchAll(rule.regex)) {
            const secret = rule.secretGroup > 0 ? match[rule.secretGroup] : (match.slice(1).find((group) => group) ?? match[0]);
            if (rule.entropy > 0 && entropy(secret) <= rule.entropy) continue;
            findings++;
            byRule[rule.id] = (byRule[rule.id] || 0) + 1;
        }
    }
}
console.log(JSON.stringify({ files: files.length, findings, byRule }));
