// SPDX-License-Identifier: MIT
// Generates the bench/scan corpus: FILES files (default 10,000) of about TOTAL_MB (default 50) MB in
// nested folders — Kubernetes manifests, Helm values, JSON config, .env files, Markdown — full of
// the words secret rules look for (secretName, tokenPath, password: ${…}) and, in every 200th file,
// one planted secret. Deterministic (seeded), so every run scans the same bytes.
//
//   node generate-files.mjs DIR [--files N] [--mb M] [--expected FILE]

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const args = process.argv.slice(2);
const dir = args[0];
if (!dir) {
    console.error('usage: node generate-files.mjs DIR [--files N] [--mb M] [--expected FILE]');
    process.exit(2);
}
const option = (name, fallback) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : fallback;
};
const fileCount = Number(option('--files', 10000));
const totalBytes = Number(option('--mb', 50)) * 1024 * 1024;
const expectedFile = option('--expected', null);

let seed = 20261126;
const random = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
};
const pick = (list) => list[Math.floor(random() * list.length)];
const chars = (n, alphabet) => Array.from({ length: n }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const UPPER32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

const services = ['api', 'worker', 'web', 'billing', 'search', 'media', 'auth', 'gateway', 'royalties', 'reports'];
const envs = ['dev', 'staging', 'prod', 'qa'];

const blocks = {
    manifest: (s, e) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${s}-${e}
  labels:
    app.kubernetes.io/name: ${s}
spec:
  replicas: ${1 + Math.floor(random() * 5)}
  template:
    spec:
      containers:
        - name: ${s}
          image: registry.example.com/${s}:1.${Math.floor(random() * 20)}.${Math.floor(random() * 9)}
          env:
            - name: DB_PASSWORD
              valueFrom:
                secretKeyRef:
                  name: ${s}-db-credentials
                  key: password
            - name: API_TOKEN_PATH
              value: /var/run/secrets/tokens/${s}
            - name: AUTH_ISSUER
              value: https://auth.example.com/realms/${e}
          resources:
            requests: {cpu: ${100 + Math.floor(random() * 400)}m, memory: ${128 * (1 + Math.floor(random() * 8))}Mi}
---
`,
    values: (s, e) => `# Helm values for ${s} in ${e}. Secrets come from existingSecret; never put them here.
image:
  repository: registry.example.com/${s}
  tag: "2.${Math.floor(random() * 30)}.${Math.floor(random() * 9)}"
existingSecret: ${s}-${e}-secrets
externalDatabase:
  host: ${s}-${e}.cluster-${chars(12, 'abcdefghijklmnopqrstuvwxyz0123456789')}.eu-west-1.rds.amazonaws.com
  passwordSecretKey: password
  username: ${s}
oauth:
  tokenUrl: https://auth.example.com/token
  clientSecretName: ${s}-oauth
  scopes: [read, write]
password: "\${DB_PASSWORD}"
apiKey: <api-key>
`,
    json: (s, e) => `{"service": "${s}", "environment": "${e}", "apiKeyHeader": "X-Api-Key", "tokenTtlSeconds": ${300 + Math.floor(random() * 3000)},
 "secretsProvider": "vault", "vaultPath": "secret/data/${s}/${e}", "credentialsFile": "/etc/${s}/credentials.json",
 "features": {"bulkDistribution": ${random() < 0.5}, "royaltySplitsV2": ${random() < 0.5}}, "build": "${chars(40, '0123456789abcdef')}"}
`,
    env: (s, e) => `# ${s} ${e} settings; secrets are injected at deploy time
SERVICE_NAME=${s}
LOG_LEVEL=${pick(['debug', 'info', 'warn'])}
DATABASE_URL=postgres://${s}@db.${e}.internal:5432/${s}
REDIS_URL=redis://cache.${e}.internal:6379/0
AUTH_TOKEN=changeme
SECRET_KEY_BASE=\${SECRET_KEY_BASE}
`,
    markdown: (s, e) => `## ${s} (${e})

The ${s} service reads its password and API token from the Secret \`${s}-credentials\`. Rotate the token
with \`kubectl create secret generic\` and never commit a private key. Authentication uses OAuth; the
access key for the bucket lives in the keychain. See the runbook for credential rotation.

| setting | value |
|---|---|
| replicas | ${1 + Math.floor(random() * 5)} |
| build | ${chars(40, '0123456789abcdef')} |

`,
};

const planted = [
    ['aws-access-key-id', () => `aws:\n  accessKeyId: AKIA${chars(16, UPPER32)}\n`],
    ['github-pat', () => `GITHUB_TOKEN=ghp_${chars(36, ALNUM)}\n`],
    ['private-key', () => `-----BEGIN RSA PRIVATE KEY-----\n${Array.from({ length: 6 }, () => chars(64, ALNUM)).join('\n')}\n-----END RSA PRIVATE KEY-----\n`],
    ['slack-webhook-url', () => `webhook: https://hooks.slack.com/services/T${chars(8, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ')}/B${chars(8, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ')}/${chars(24, ALNUM)}\n`],
    ['database-url-password', () => `url: postgresql://app:${chars(14, ALNUM)}@db.internal:5432/app\n`],
];

const kinds = [
    ['yaml', (s, e) => blocks.manifest(s, e)],
    ['yaml', (s, e) => blocks.values(s, e)],
    ['json', (s, e) => blocks.json(s, e)],
    ['env', (s, e) => blocks.env(s, e)],
    ['md', (s, e) => blocks.markdown(s, e)],
];

const perFile = totalBytes / fileCount;
const expected = {};
let written = 0;
for (let i = 0; i < fileCount; i++) {
    const s = pick(services);
    const e = pick(envs);
    const [ext, block] = kinds[i % kinds.length];
    let text = '';
    while (text.length < perFile) text += block(s, e);
    if (i % 200 === 17) {
        const [rule, make] = planted[(i / 200 | 0) % planted.length];
        const lines = text.split('\n');
        lines.splice(Math.floor(lines.length / 2), 0, make().trimEnd());
        text = lines.join('\n');
        expected[rule] = (expected[rule] || 0) + 1;
    }
    const folder = join(dir, `team-${i % 10}`, s, e, `part-${Math.floor(i / 100) % 10}`);
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, `file-${i}.${ext}`), text);
    written += Buffer.byteLength(text);
}
mkdirSync(join(dir, '.git'), { recursive: true });
writeFileSync(join(dir, '.git', 'config'), `[core]\n\ttoken = ghp_${chars(36, ALNUM)}\n`);
if (expectedFile) writeFileSync(expectedFile, JSON.stringify(expected, null, 2) + '\n');
console.log(`generated ${fileCount} files, ${(written / 1048576).toFixed(1)} MB, ${Object.values(expected).reduce((a, b) => a + b, 0)} planted secrets`);
