#!/usr/bin/env node
// SPDX-License-Identifier: MIT
//
// bench/diff: writes two versions of a rendered release, OUT/from.yaml and OUT/to.yaml — about 50,000 lines
// each of multi-document Kubernetes manifests (Deployments with two containers, env lists, probes, volumes;
// Services, ConfigMaps, HPAs, PDBs) — with a few hundred scattered differences in to.yaml:
//   semantic: image tags, env values, env entries added/removed, resource limits, replicas written as a string
//             (a type change), containers swapped, env entries moved, args reordered, documents added/removed;
//   textual only: documents moved, comments rewritten, quoting changed (not semantic changes).
// The PRNG is seeded (--seed), so the same seed gives byte-identical files. Prints one summary line and writes
// OUT/planted.json with the counts.
//
//   node generate-manifests.mjs OUT [--services N] [--seed S]

import fs from 'node:fs';
import path from 'node:path';

const args = process.argv.slice(2);
let out = null;
let services = 232;
let seed = 20241126;
for (let i = 0; i < args.length; ++i) {
    if (args[i] === '--services') services = Number(args[++i]);
    else if (args[i] === '--seed') seed = Number(args[++i]);
    else if (!out) out = args[i];
    else { console.error(`generate-manifests: unexpected argument ${args[i]}`); process.exit(2); }
}
if (!out || !(services > 0)) {
    console.error('usage: node generate-manifests.mjs OUT [--services N] [--seed S]');
    process.exit(2);
}

// mulberry32: small, fast, deterministic.
function prng(s) {
    return () => {
        s |= 0; s = (s + 0x6d2b79f5) | 0;
        let t = Math.imul(s ^ (s >>> 15), 1 | s);
        t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}
const random = prng(seed);
const pick = (list) => list[Math.floor(random() * list.length)];
const chance = (p) => random() < p;

const teams = ['catalog', 'royalties', 'payments', 'ingest', 'search', 'identity', 'notify', 'reports', 'media', 'edge'];
const words = ['api', 'worker', 'sync', 'gateway', 'indexer', 'scheduler', 'exporter', 'resolver', 'importer', 'mailer',
    'ledger', 'router', 'renderer', 'transcoder', 'auditor'];
const envNames = ['LOG_LEVEL', 'LOG_FORMAT', 'NODE_ENV', 'PORT', 'METRICS_PORT', 'DATABASE_POOL_SIZE', 'REDIS_URL',
    'CACHE_TTL_SECONDS', 'FEATURE_ROYALTY_SPLITS_V2', 'FEATURE_BULK_DISTRIBUTION', 'STORAGE_BUCKET', 'CDN_BASE_URL',
    'REQUEST_TIMEOUT_MS', 'MAX_UPLOAD_MB', 'TRACING_SAMPLE_RATE', 'OTEL_EXPORTER_OTLP_ENDPOINT', 'SENTRY_ENVIRONMENT',
    'QUEUE_CONCURRENCY', 'RATE_LIMIT_PER_MINUTE', 'TZ'];

/// One service: its documents as models, so from/to can be written from the same data with edits applied.
function makeService(index) {
    const team = teams[index % teams.length];
    const name = `${team}-${words[Math.floor(index / teams.length) % words.length]}-${index}`;
    const env = [];
    const envCount = 12 + Math.floor(random() * 8);
    const names = [...envNames].sort(() => random() - 0.5).slice(0, envCount);
    for (const n of names) {
        if (n === 'REDIS_URL') env.push({ name: n, secretRef: { name: `${name}-redis`, key: 'url' } });
        else env.push({ name: n, value: envValue(n) });
    }
    return {
        name, team,
        namespace: `tunemantra-${team}`,
        replicas: 2 + Math.floor(random() * 4),
        tag: `1.${Math.floor(random() * 20)}.${Math.floor(random() * 10)}`,
        sidecarTag: `2.${Math.floor(random() * 3)}.${Math.floor(random() * 9)}`,
        port: pick([3000, 8080, 8000, 9000]),
        cpuRequest: pick(['100m', '250m', '500m']),
        memRequest: pick(['256Mi', '512Mi', '1Gi']),
        cpuLimit: pick(['500m', '1000m', '2000m']),
        memLimit: pick(['512Mi', '1Gi', '2Gi']),
        env,
        args: ['--config', '/etc/app/config.yaml', '--metrics', `--shard=${index % 8}`],
        sidecarFirst: false,
        replicasAsString: false,
        comment: `# ${name}: owned by team ${team}`,
        quoteTag: false,
        minReplicas: 2, maxReplicas: 6 + Math.floor(random() * 10),
        config: { 'app.yaml': `service: ${name}\nlogLevel: info\n`, LOG_LEVEL: 'info', REGION: pick(['eu-west-1', 'eu-central-1', 'us-east-1']) },
    };
}

function envValue(n) {
    switch (n) {
    case 'LOG_LEVEL': return pick(['info', 'warn', 'debug']);
    case 'LOG_FORMAT': return 'json';
    case 'NODE_ENV': return 'production';
    case 'PORT': return '"3000"';
    case 'METRICS_PORT': return '"9090"';
    case 'DATABASE_POOL_SIZE': return `"${5 + Math.floor(random() * 20)}"`;
    case 'CACHE_TTL_SECONDS': return `"${pick([60, 300, 900])}"`;
    case 'FEATURE_ROYALTY_SPLITS_V2': case 'FEATURE_BULK_DISTRIBUTION': return pick(['"true"', '"false"']);
    case 'STORAGE_BUCKET': return `tunemantra-media-${pick(['eu', 'us'])}`;
    case 'CDN_BASE_URL': return 'https://cdn.tunemantra.com';
    case 'REQUEST_TIMEOUT_MS': return `"${pick([2000, 5000, 10000])}"`;
    case 'MAX_UPLOAD_MB': return '"200"';
    case 'TRACING_SAMPLE_RATE': return `"0.${Math.floor(random() * 9) + 1}"`;
    case 'OTEL_EXPORTER_OTLP_ENDPOINT': return 'http://otel-collector.monitoring:4317';
    case 'SENTRY_ENVIRONMENT': return 'production';
    case 'QUEUE_CONCURRENCY': return `"${pick([4, 8, 16])}"`;
    case 'RATE_LIMIT_PER_MINUTE': return `"${pick([600, 1200])}"`;
    case 'TZ': return 'UTC';
    default: return 'x';
    }
}

function deployment(s) {
    const app = [
        `        - name: app`,
        `          image: ${s.quoteTag ? `"registry.tunemantra.com/${s.team}/${s.name}:${s.tag}"` : `registry.tunemantra.com/${s.team}/${s.name}:${s.tag}`}`,
        `          imagePullPolicy: IfNotPresent`,
        `          args:`,
        ...s.args.map((a) => `            - ${a}`),
        `          ports:`,
        `            - name: http`,
        `              containerPort: ${s.port}`,
        `              protocol: TCP`,
        `            - name: metrics`,
        `              containerPort: 9090`,
        `              protocol: TCP`,
        `          env:`,
        ...s.env.flatMap((e) => e.secretRef
            ? [`            - name: ${e.name}`, `              valueFrom:`, `                secretKeyRef:`,
               `                  name: ${e.secretRef.name}`, `                  key: ${e.secretRef.key}`]
            : [`            - name: ${e.name}`, `              value: ${e.value}`]),
        `          resources:`,
        `            requests:`,
        `              cpu: ${s.cpuRequest}`,
        `              memory: ${s.memRequest}`,
        `            limits:`,
        `              cpu: ${s.cpuLimit}`,
        `              memory: ${s.memLimit}`,
        `          livenessProbe:`,
        `            httpGet:`,
        `              path: /healthz`,
        `              port: http`,
        `            initialDelaySeconds: 15`,
        `            periodSeconds: 10`,
        `          readinessProbe:`,
        `            httpGet:`,
        `              path: /readyz`,
        `              port: http`,
        `            periodSeconds: 5`,
        `          securityContext:`,
        `            allowPrivilegeEscalation: false`,
        `            readOnlyRootFilesystem: true`,
        `            capabilities:`,
        `              drop: [ALL]`,
        `          volumeMounts:`,
        `            - name: config`,
        `              mountPath: /etc/app`,
        `              readOnly: true`,
        `            - name: tmp`,
        `              mountPath: /tmp`,
    ];
    const sidecar = [
        `        - name: log-shipper`,
        `          image: fluent/fluent-bit:${s.sidecarTag}`,
        `          resources:`,
        `            limits:`,
        `              cpu: 100m`,
        `              memory: 64Mi`,
        `          volumeMounts:`,
        `            - name: tmp`,
        `              mountPath: /var/log/app`,
    ];
    return [
        s.comment,
        `apiVersion: apps/v1`,
        `kind: Deployment`,
        `metadata:`,
        `  name: ${s.name}`,
        `  namespace: ${s.namespace}`,
        `  labels:`,
        `    app.kubernetes.io/name: ${s.name}`,
        `    app.kubernetes.io/part-of: tunemantra`,
        `    app.kubernetes.io/managed-by: argocd`,
        `    tunemantra.com/team: ${s.team}`,
        `  annotations:`,
        `    tunemantra.com/last-reviewed: 2024-03-07`,
        `spec:`,
        `  replicas: ${s.replicasAsString ? `"${s.replicas}"` : s.replicas}`,
        `  revisionHistoryLimit: 5`,
        `  strategy:`,
        `    type: RollingUpdate`,
        `    rollingUpdate:`,
        `      maxSurge: 25%`,
        `      maxUnavailable: 0`,
        `  selector:`,
        `    matchLabels:`,
        `      app.kubernetes.io/name: ${s.name}`,
        `  template:`,
        `    metadata:`,
        `      labels:`,
        `        app.kubernetes.io/name: ${s.name}`,
        `        tunemantra.com/team: ${s.team}`,
        `      annotations:`,
        `        prometheus.io/scrape: "true"`,
        `        prometheus.io/port: "9090"`,
        `    spec:`,
        `      serviceAccountName: ${s.name}`,
        `      securityContext:`,
        `        runAsNonRoot: true`,
        `        runAsUser: 10001`,
        `        fsGroup: 10001`,
        `      containers:`,
        ...(s.sidecarFirst ? [...sidecar, ...app] : [...app, ...sidecar]),
        `      volumes:`,
        `        - name: config`,
        `          configMap:`,
        `            name: ${s.name}-config`,
        `        - name: tmp`,
        `          emptyDir: {}`,
        `      tolerations:`,
        `        - key: dedicated`,
        `          operator: Equal`,
        `          value: ${s.team}`,
        `          effect: NoSchedule`,
        `      topologySpreadConstraints:`,
        `        - maxSkew: 1`,
        `          topologyKey: topology.kubernetes.io/zone`,
        `          whenUnsatisfiable: ScheduleAnyway`,
        `          labelSelector:`,
        `            matchLabels:`,
        `              app.kubernetes.io/name: ${s.name}`,
    ];
}

function others(s) {
    return {
        service: [
            `apiVersion: v1`, `kind: Service`, `metadata:`, `  name: ${s.name}`, `  namespace: ${s.namespace}`,
            `  labels:`, `    app.kubernetes.io/name: ${s.name}`, `spec:`, `  type: ClusterIP`,
            `  selector:`, `    app.kubernetes.io/name: ${s.name}`, `  ports:`,
            `    - name: http`, `      port: 80`, `      targetPort: http`, `      protocol: TCP`,
            `    - name: metrics`, `      port: 9090`, `      targetPort: metrics`, `      protocol: TCP`,
        ],
        config: [
            `apiVersion: v1`, `kind: ConfigMap`, `metadata:`, `  name: ${s.name}-config`, `  namespace: ${s.namespace}`,
            `data:`, `  app.yaml: |`, ...s.config['app.yaml'].trimEnd().split('\n').map((l) => `    ${l}`),
            `  LOG_LEVEL: ${s.config.LOG_LEVEL}`, `  REGION: ${s.config.REGION}`,
        ],
        hpa: [
            `apiVersion: autoscaling/v2`, `kind: HorizontalPodAutoscaler`, `metadata:`, `  name: ${s.name}`,
            `  namespace: ${s.namespace}`, `spec:`, `  scaleTargetRef:`, `    apiVersion: apps/v1`, `    kind: Deployment`,
            `    name: ${s.name}`, `  minReplicas: ${s.minReplicas}`, `  maxReplicas: ${s.maxReplicas}`, `  metrics:`,
            `    - type: Resource`, `      resource:`, `        name: cpu`, `        target:`, `          type: Utilization`,
            `          averageUtilization: 70`,
            `    - type: Resource`, `      resource:`, `        name: memory`, `        target:`, `          type: Utilization`,
            `          averageUtilization: 80`,
        ],
        pdb: [
            `apiVersion: policy/v1`, `kind: PodDisruptionBudget`, `metadata:`, `  name: ${s.name}`,
            `  namespace: ${s.namespace}`, `spec:`, `  maxUnavailable: 1`, `  selector:`, `    matchLabels:`,
            `      app.kubernetes.io/name: ${s.name}`,
        ],
    };
}

function documentsOf(s) {
    const o = others(s);
    return [deployment(s), o.service, o.config, o.hpa, o.pdb];
}

// --- the "from" release -------------------------------------------------------------------------------------------
const fromServices = [];
for (let i = 0; i < services; ++i) fromServices.push(makeService(i));

// --- the "to" release: a deep copy with edits -----------------------------------------------------------------------
const toServices = JSON.parse(JSON.stringify(fromServices));
const planted = { imageTags: 0, envValues: 0, envAdded: 0, envRemoved: 0, envMoved: 0, resourceLimits: 0,
    replicasTypeChanges: 0, containersSwapped: 0, argsReordered: 0, documentsAdded: 0, documentsRemoved: 0,
    configValues: 0, documentsMovedTextOnly: 0, commentsTextOnly: 0, quotingTextOnly: 0 };
const bump = (tag) => { const p = tag.split('.'); p[2] = String(Number(p[2]) + 1); return p.join('.'); };
for (const s of toServices) {
    if (chance(0.55)) { s.tag = bump(s.tag); ++planted.imageTags; }
    if (chance(0.25)) {
        const e = s.env.find((x) => x.value === '"true"' || x.value === '"false"' || x.name === 'LOG_LEVEL');
        if (e) { e.value = e.value === '"true"' ? '"false"' : e.value === '"false"' ? '"true"' : (e.value === 'debug' ? 'info' : 'debug'); ++planted.envValues; }
    }
    if (chance(0.12)) { s.env.push({ name: 'FEATURE_NEW_PLAYER', value: '"true"' }); ++planted.envAdded; }
    if (chance(0.08)) { s.env.splice(Math.floor(random() * s.env.length), 1); ++planted.envRemoved; }
    if (chance(0.08)) { s.env.unshift(s.env.pop()); ++planted.envMoved; }
    if (chance(0.1)) { s.memLimit = s.memLimit === '2Gi' ? '3Gi' : '2Gi'; ++planted.resourceLimits; }
    if (chance(0.05)) { s.replicasAsString = true; ++planted.replicasTypeChanges; }
    if (chance(0.1)) { s.sidecarFirst = true; ++planted.containersSwapped; }
    if (chance(0.05)) { s.args = [s.args[2], s.args[3], s.args[0], s.args[1]]; ++planted.argsReordered; }
    if (chance(0.06)) { s.config.LOG_LEVEL = 'debug'; ++planted.configValues; }
    if (chance(0.2)) { s.comment = `# ${s.name} (reviewed ${pick(['March', 'April', 'May'])})`; ++planted.commentsTextOnly; }
    if (chance(0.2)) { s.quoteTag = true; ++planted.quotingTextOnly; }
}

function render(list, { drop = new Set(), extra = [], moves = [] } = {}) {
    const docs = [];
    list.forEach((s, i) => {
        const d = documentsOf(s);
        d.forEach((lines, k) => { if (!drop.has(`${i}/${k}`)) docs.push(lines); });
    });
    for (const [fromIndex, toIndex] of moves) {
        const [d] = docs.splice(fromIndex, 1);
        docs.splice(toIndex, 0, d);
    }
    for (const e of extra) docs.push(e);
    return docs.map((d) => d.join('\n')).join('\n---\n') + '\n';
}

const drop = new Set();
for (let n = 0; n < 6; ++n) { drop.add(`${Math.floor(random() * services)}/${4}`); } // PDBs removed
planted.documentsRemoved = drop.size;
const extra = [];
for (let n = 0; n < 6; ++n) {
    const s = toServices[Math.floor(random() * services)];
    extra.push([`apiVersion: v1`, `kind: ServiceAccount`, `metadata:`, `  name: ${s.name}-deployer-${n}`,
        `  namespace: ${s.namespace}`, `automountServiceAccountToken: false`]);
}
planted.documentsAdded = extra.length;
const moves = [];
const total = services * 5 - drop.size;
for (let n = 0; n < 12; ++n) moves.push([Math.floor(random() * total), Math.floor(random() * total)]);
planted.documentsMovedTextOnly = moves.length;

fs.mkdirSync(out, { recursive: true });
const fromText = render(fromServices);
const toText = render(toServices, { drop, extra, moves });
fs.writeFileSync(path.join(out, 'from.yaml'), fromText);
fs.writeFileSync(path.join(out, 'to.yaml'), toText);
fs.writeFileSync(path.join(out, 'planted.json'), JSON.stringify(planted, null, 2) + '\n');
const lines = (t) => t.split('\n').length - 1;
const semantic = Object.entries(planted).filter(([k]) => !k.endsWith('TextOnly')).reduce((a, [, v]) => a + v, 0);
console.log(`from.yaml ${lines(fromText)} lines / ${(fromText.length / 1024).toFixed(0)} KiB, to.yaml ${lines(toText)} lines / ` +
    `${(toText.length / 1024).toFixed(0)} KiB, ${services * 5} documents; planted ${semantic} semantic edits ` +
    `(${Object.entries(planted).filter(([k, v]) => !k.endsWith('TextOnly') && v).map(([k, v]) => `${v} ${k}`).join(', ')}) ` +
    `and ${planted.documentsMovedTextOnly + planted.commentsTextOnly + planted.quotingTextOnly} text-only edits`);
