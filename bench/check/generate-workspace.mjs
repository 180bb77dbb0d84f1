#!/usr/bin/env node
// SPDX-License-Identifier: MIT
//
// Writes the workspace that bench/check validates: a GitOps repository with 5,000 Kubernetes documents
// (about 3 KB each, ~1% of them with a planted schema error), a Helm chart with a draft-07 values.schema.json
// and 30 environments (a few of them invalid), and a .deploy-studio.yaml that lists the environments.
//
// Deterministic: the same seed gives byte-identical files. No npm dependencies.
//
//   node bench/check/generate-workspace.mjs OUTDIR [--seed N] [--documents N] [--expected FILE] [--git]
//
// --expected FILE  writes the planted errors (file, document index, kind, what is wrong) as JSON to FILE,
//                  which must lie outside OUTDIR (the workspace holds only what a real repository would).
// --git            makes OUTDIR a Git repository with one commit (needs the git CLI), so that tools which
//                  walk the tree meet a real .git folder.

import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';

// ---------------------------------------------------------------------------------------------------------------
// Command line

function usage(message) {
    if (message) process.stderr.write(`generate-workspace: ${message}\n`);
    process.stderr.write('usage: generate-workspace.mjs OUTDIR [--seed N] [--documents N] [--expected FILE] [--git]\n');
    process.exit(2);
}

const opts = { seed: 20241126, documents: 5000, expected: null, git: false, out: null };
{
    const args = process.argv.slice(2);
    for (let i = 0; i < args.length; ++i) {
        const a = args[i];
        if (a === '--seed') opts.seed = Number(args[++i]);
        else if (a === '--documents') opts.documents = Number(args[++i]);
        else if (a === '--expected') opts.expected = args[++i];
        else if (a === '--git') opts.git = true;
        else if (a === '-h' || a === '--help') usage();
        else if (a.startsWith('-')) usage(`unknown option ${a}`);
        else if (opts.out === null) opts.out = a;
        else usage(`unexpected argument ${a}`);
    }
    if (!opts.out) usage('OUTDIR is required');
    if (!Number.isInteger(opts.seed)) usage('--seed needs an integer');
    if (!Number.isInteger(opts.documents) || opts.documents < 100) usage('--documents needs an integer >= 100');
    if (opts.expected === undefined) usage('--expected needs a file name');
}

const OUT = path.resolve(opts.out);
if (fs.existsSync(OUT) && fs.readdirSync(OUT).length > 0) usage(`${OUT} exists and is not empty`);
if (opts.expected && path.resolve(opts.expected).startsWith(OUT + path.sep))
    usage('--expected must be outside OUTDIR');

// ---------------------------------------------------------------------------------------------------------------
// Seeded PRNG (mulberry32) and helpers

let prngState = opts.seed >>> 0;
function random() {
    prngState = (prngState + 0x6d2b79f5) >>> 0;
    let t = prngState;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const int = (lo, hi) => lo + Math.floor(random() * (hi - lo + 1)); // inclusive
const pick = (list) => list[Math.floor(random() * list.length)];
const chance = (p) => random() < p;
function shuffled(list) {
    const a = list.slice();
    for (let i = a.length - 1; i > 0; --i) {
        const j = Math.floor(random() * (i + 1));
        [a[i], a[j]] = [a[j], a[i]];
    }
    return a;
}
const hex = (n) => Array.from({ length: n }, () => '0123456789abcdef'[int(0, 15)]).join('');
const clone = (v) => JSON.parse(JSON.stringify(v));

// ---------------------------------------------------------------------------------------------------------------
// A small block-style YAML writer (enough for what we generate: maps, lists, strings, numbers, booleans)

const PLAIN_SAFE = /^[A-Za-z0-9_./][A-Za-z0-9_ ./:=,@%+()\-]*$/;
const LOOKS_TYPED = /^(?:true|false|yes|no|on|off|y|n|null|~|[-+]?(?:\d[\d_]*(?:\.\d*)?(?:e[-+]?\d+)?|\.\d+|0x[0-9a-f]+|0o[0-7]+|\.inf|\.nan))$/i;

function scalar(v) {
    if (v === null) return 'null';
    if (typeof v === 'number' || typeof v === 'boolean') return String(v);
    const s = String(v);
    if (s.length > 0 && PLAIN_SAFE.test(s) && !LOOKS_TYPED.test(s) && !s.endsWith(' ') && !s.includes(': ') && !s.includes(' #'))
        return s;
    return JSON.stringify(s); // a JSON string is a valid double-quoted YAML scalar
}

function isMap(v) { return v !== null && typeof v === 'object' && !Array.isArray(v); }

function emit(value, indent, out) {
    const pad = ' '.repeat(indent);
    if (isMap(value)) {
        for (const [k, v] of Object.entries(value)) {
            const key = scalar(k);
            if (isMap(v) && Object.keys(v).length > 0) {
                out.push(`${pad}${key}:`);
                emit(v, indent + 2, out);
            } else if (Array.isArray(v) && v.length > 0) {
                out.push(`${pad}${key}:`);
                emit(v, indent, out); // Kubernetes style: list items at the key's indentation
            } else if (typeof v === 'string' && v.includes('\n')) {
                out.push(`${pad}${key}: |${v.endsWith('\n') ? '' : '-'}`);
                for (const line of v.replace(/\n$/, '').split('\n')) out.push(line ? `${pad}  ${line}` : '');
            } else {
                out.push(`${pad}${key}: ${isMap(v) ? '{}' : Array.isArray(v) ? '[]' : scalar(v)}`);
            }
        }
    } else if (Array.isArray(value)) {
        for (const item of value) {
            if (isMap(item) && Object.keys(item).length > 0) {
                const sub = [];
                emit(item, indent + 2, sub);
                sub[0] = `${pad}- ${sub[0].slice(indent + 2)}`;
                out.push(...sub);
            } else if (Array.isArray(item)) {
                throw new Error('nested lists are not generated');
            } else {
                out.push(`${pad}- ${isMap(item) ? '{}' : scalar(item)}`);
            }
        }
    } else {
        out.push(pad + scalar(value));
    }
}

function toYaml(value) {
    const out = [];
    emit(value, 0, out);
    return out.join('\n') + '\n';
}

// ---------------------------------------------------------------------------------------------------------------
// Vocabulary

const TEAMS = ['catalog', 'streaming', 'payments', 'identity', 'royalties', 'search', 'media', 'social',
    'analytics', 'notifications', 'billing', 'platform'];
const SERVICE_BASES = ['api', 'gateway', 'worker', 'indexer', 'ingest', 'transcoder', 'playlist', 'sync', 'calculator',
    'session', 'profile', 'recommender', 'feature-store', 'notifier', 'mailer', 'webhooks', 'scheduler', 'ledger',
    'payouts', 'uploader', 'media-proxy', 'thumbnailer', 'collector', 'event-router', 'edge', 'license-check',
    'rights', 'lyrics', 'top-charts', 'feed', 'comments', 'moderation', 'fraud', 'experiments', 'config', 'audit',
    'exporter', 'reconciler', 'importer', 'resolver', 'cache-warmer', 'graph', 'metadata', 'previews', 'reports'];
const REGIONS = ['eu-west-1', 'eu-central-1', 'us-east-1', 'us-west-2', 'ap-southeast-1'];
const REGISTRY = 'registry.tunemantra.example';

// ---------------------------------------------------------------------------------------------------------------
// Document builders. Every builder returns { kind, doc }.

const NOTE_SENTENCES = [
    'Scaled up for the Friday release peak; revisit after the campaign ends.',
    'Memory limit raised after the OOM kills seen in the last incident review.',
    'Owned jointly with the platform team until the migration to the new cluster is done.',
    'Do not enable the canary without talking to the on-call engineer first.',
    'Requests were sized from the p95 of the last 30 days of usage.',
    'The database pool must stay below the connection limit of the shared cluster.',
    'Readiness depends on the cache being warm; startup can take up to two minutes.',
    'Traffic from the mobile clients arrives through the edge gateway only.',
    'Rotated credentials are delivered by the sealed secret in the same folder.',
    'Keep the replica count in line with the partitions of the Kafka topic.',
];

function commonMeta(name, team, service, extra = {}) {
    const notes = chance(0.7) ? { 'tunemantra.io/notes': shuffled(NOTE_SENTENCES).slice(0, int(2, 7)).join(' ') } : {};
    return {
        name,
        namespace: team,
        labels: {
            'app.kubernetes.io/name': service,
            'app.kubernetes.io/instance': `${service}-${team}`,
            'app.kubernetes.io/part-of': 'tunemantra',
            'app.kubernetes.io/managed-by': 'argocd',
            'app.kubernetes.io/version': `${int(1, 9)}.${int(0, 40)}.${int(0, 20)}`,
            'tunemantra.io/team': team,
            'tunemantra.io/cost-center': `cc-${int(1000, 9999)}`,
            'tunemantra.io/tier': pick(['frontend', 'backend', 'data', 'batch']),
        },
        annotations: {
            'tunemantra.io/owner': `${team}-oncall@tunemantra.example`,
            'tunemantra.io/runbook': `https://runbooks.tunemantra.example/${team}/${service}`,
            'tunemantra.io/slack-channel': `#team-${team}`,
            'tunemantra.io/description': `${service} of the ${team} domain. It serves ${team} data to the rest of the platform; ` +
                `see the runbook before scaling it down or changing its database settings.`,
            'tunemantra.io/source': `https://git.tunemantra.example/${team}/${service}/commit/${hex(40)}`,
            'tunemantra.io/pagerduty-service': `P${hex(6).toUpperCase()}`,
            'tunemantra.io/data-classification': pick(['public', 'internal', 'confidential', 'restricted']),
            'tunemantra.io/sla': pick(['99.5', '99.9', '99.95']),
            'tunemantra.io/change-ticket': `CHG-${int(10000, 99999)}`,
            // an unquoted date: YAML 1.1 tools read it as a timestamp, Kubernetes (and we) as a string
            'tunemantra.io/last-reviewed': `2024-${String(int(1, 12)).padStart(2, '0')}-${String(int(1, 28)).padStart(2, '0')}`,
            'tunemantra.io/depends-on': Array.from({ length: int(2, 6) }, () => `${pick(SERVICE_BASES)}.${pick(TEAMS)}`).join(','),
            'argocd.argoproj.io/sync-wave': String(int(-2, 5)),
            ...notes,
            ...extra,
        },
    };
}

function envVars(team, service, count) {
    const names = ['LOG_LEVEL', 'LOG_FORMAT', 'HTTP_PORT', 'METRICS_PORT', 'DB_HOST', 'DB_PORT', 'DB_NAME', 'DB_POOL_SIZE',
        'REDIS_URL', 'KAFKA_BROKERS', 'KAFKA_TOPIC', 'OTEL_EXPORTER_OTLP_ENDPOINT', 'OTEL_SERVICE_NAME', 'REGION',
        'FEATURE_FLAGS_URL', 'CACHE_TTL_SECONDS', 'REQUEST_TIMEOUT_MS', 'MAX_CONNECTIONS', 'JAVA_OPTS', 'GOMAXPROCS',
        'S3_BUCKET', 'CDN_BASE_URL', 'AUTH_ISSUER', 'AUTH_AUDIENCE'];
    return shuffled(names).slice(0, count).map((n) => {
        const value = {
            LOG_LEVEL: pick(['info', 'debug', 'warn']), LOG_FORMAT: 'json', HTTP_PORT: '8080', METRICS_PORT: '9090',
            DB_HOST: `${team}-db.${team}.svc.cluster.local`, DB_PORT: '5432', DB_NAME: service.replace(/-/g, '_'),
            DB_POOL_SIZE: String(int(5, 50)), REDIS_URL: `redis://${team}-redis.${team}.svc.cluster.local:6379/0`,
            KAFKA_BROKERS: 'kafka-0.kafka.platform.svc:9092,kafka-1.kafka.platform.svc:9092',
            KAFKA_TOPIC: `${team}.${service}.events`, OTEL_EXPORTER_OTLP_ENDPOINT: 'http://otel-collector.platform.svc:4317',
            OTEL_SERVICE_NAME: service, REGION: pick(REGIONS), FEATURE_FLAGS_URL: 'http://flags.platform.svc/api/v1',
            CACHE_TTL_SECONDS: String(int(30, 3600)), REQUEST_TIMEOUT_MS: String(int(500, 30000)),
            MAX_CONNECTIONS: String(int(50, 2000)), JAVA_OPTS: `-Xms${int(1, 4) * 256}m -Xmx${int(4, 8) * 256}m -XX:+UseG1GC`,
            GOMAXPROCS: String(int(1, 4)), S3_BUCKET: `tunemantra-${team}-${service}`,
            CDN_BASE_URL: `https://cdn.tunemantra.example/${team}`, AUTH_ISSUER: 'https://auth.tunemantra.example/',
            AUTH_AUDIENCE: `${team}-${service}`,
        }[n];
        return { name: n, value };
    }).concat([{ name: 'DB_PASSWORD', valueFrom: { secretKeyRef: { name: `${service}-db`, key: 'password' } } },
        { name: 'POD_NAME', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } }]);
}

function container(team, service, image, port, withProbes = true) {
    const c = {
        name: service,
        image: `${REGISTRY}/${team}/${image}:${int(1, 9)}.${int(0, 40)}.${int(0, 20)}`,
        imagePullPolicy: 'IfNotPresent',
        args: ['--config=/etc/app/application.yaml', `--port=${port}`],
        ports: [{ name: 'http', containerPort: port, protocol: 'TCP' }, { name: 'metrics', containerPort: 9090, protocol: 'TCP' }],
        env: envVars(team, service, int(10, 22)),
        resources: {
            requests: { cpu: `${int(1, 10) * 50}m`, memory: `${int(2, 16) * 64}Mi` },
            limits: { cpu: `${int(2, 8) * 250}m`, memory: `${int(4, 32) * 64}Mi` },
        },
        securityContext: {
            runAsNonRoot: true, runAsUser: 10001, allowPrivilegeEscalation: false, readOnlyRootFilesystem: true,
            capabilities: { drop: ['ALL'] },
        },
        volumeMounts: [{ name: 'config', mountPath: '/etc/app', readOnly: true }, { name: 'tmp', mountPath: '/tmp' }],
    };
    if (withProbes) {
        c.readinessProbe = { httpGet: { path: '/health/ready', port: 'http' }, initialDelaySeconds: 5, periodSeconds: 10, failureThreshold: 3 };
        c.livenessProbe = { httpGet: { path: '/health/live', port: 'http' }, initialDelaySeconds: 15, periodSeconds: 20, timeoutSeconds: 2 };
        if (chance(0.4)) c.startupProbe = { httpGet: { path: '/health/started', port: 'http' }, failureThreshold: 30, periodSeconds: 5 };
    }
    return c;
}

function podSpec(team, service, port) {
    const containers = [container(team, service, service, port)];
    if (chance(0.25)) {
        containers.push({
            name: 'envoy', image: `${REGISTRY}/platform/envoy:1.${int(28, 31)}.${int(0, 5)}`,
            args: ['--config-path', '/etc/envoy/envoy.yaml', '--log-level', 'warn'],
            ports: [{ name: 'envoy-admin', containerPort: 9901 }],
            resources: { requests: { cpu: '50m', memory: '64Mi' }, limits: { cpu: '250m', memory: '128Mi' } },
            securityContext: { runAsNonRoot: true, runAsUser: 10101, allowPrivilegeEscalation: false, readOnlyRootFilesystem: true },
        });
    }
    return {
        serviceAccountName: service,
        securityContext: { fsGroup: 10001, seccompProfile: { type: 'RuntimeDefault' } },
        terminationGracePeriodSeconds: pick([30, 45, 60]),
        containers,
        volumes: [{ name: 'config', configMap: { name: `${service}-config` } }, { name: 'tmp', emptyDir: { sizeLimit: '256Mi' } }],
        affinity: {
            podAntiAffinity: {
                preferredDuringSchedulingIgnoredDuringExecution: [{
                    weight: 100,
                    podAffinityTerm: {
                        topologyKey: 'kubernetes.io/hostname',
                        labelSelector: { matchLabels: { 'app.kubernetes.io/name': service } },
                    },
                }],
            },
        },
        topologySpreadConstraints: [{
            maxSkew: 1, topologyKey: 'topology.kubernetes.io/zone', whenUnsatisfiable: 'ScheduleAnyway',
            labelSelector: { matchLabels: { 'app.kubernetes.io/name': service } },
        }],
    };
}

function deployment(team, service, port) {
    return {
        kind: 'Deployment',
        doc: {
            apiVersion: 'apps/v1', kind: 'Deployment',
            metadata: commonMeta(service, team, service),
            spec: {
                replicas: int(2, 6),
                revisionHistoryLimit: 5,
                selector: { matchLabels: { 'app.kubernetes.io/name': service, 'app.kubernetes.io/instance': `${service}-${team}` } },
                strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: 0 } },
                template: {
                    metadata: {
                        labels: { 'app.kubernetes.io/name': service, 'app.kubernetes.io/instance': `${service}-${team}`, 'tunemantra.io/team': team },
                        annotations: { 'prometheus.io/scrape': 'true', 'prometheus.io/port': '9090', 'checksum/config': hex(64) },
                    },
                    spec: podSpec(team, service, port),
                },
            },
        },
    };
}

function statefulSet(team, service, port) {
    const spec = podSpec(team, service, port);
    spec.containers[0].volumeMounts.push({ name: 'data', mountPath: '/var/lib/app' });
    return {
        kind: 'StatefulSet',
        doc: {
            apiVersion: 'apps/v1', kind: 'StatefulSet',
            metadata: commonMeta(service, team, service),
            spec: {
                serviceName: `${service}-headless`,
                replicas: int(1, 5),
                podManagementPolicy: 'Parallel',
                selector: { matchLabels: { 'app.kubernetes.io/name': service } },
                template: { metadata: { labels: { 'app.kubernetes.io/name': service, 'tunemantra.io/team': team } }, spec },
                volumeClaimTemplates: [{
                    metadata: { name: 'data' },
                    spec: { accessModes: ['ReadWriteOnce'], storageClassName: 'gp3', resources: { requests: { storage: `${int(1, 50) * 10}Gi` } } },
                }],
            },
        },
    };
}

function service(team, svc, port, headless = false) {
    const name = headless ? `${svc}-headless` : svc;
    const spec = {
        type: 'ClusterIP',
        selector: { 'app.kubernetes.io/name': svc },
        ports: [{ name: 'http', port: 80, targetPort: 'http', protocol: 'TCP' }, { name: 'metrics', port: 9090, targetPort: 9090, protocol: 'TCP' }],
        sessionAffinity: 'None',
    };
    if (headless) spec.clusterIP = 'None';
    return { kind: 'Service', doc: { apiVersion: 'v1', kind: 'Service', metadata: commonMeta(name, team, svc), spec } };
}

function configMap(team, svc) {
    const lines = [`# ${svc} configuration (${team})`, 'server:', `  port: ${8080}`, `  shutdownGracePeriod: ${int(10, 60)}s`, 'logging:',
        `  level: ${pick(['info', 'debug', 'warn'])}`, '  format: json', 'database:', `  host: ${team}-db.${team}.svc.cluster.local`,
        `  pool: ${int(5, 50)}`, `  statementTimeout: ${int(1, 30)}s`, 'cache:', `  ttl: ${int(30, 3600)}s`, `  maxEntries: ${int(1, 100) * 1000}`,
        'features:'];
    for (let i = 0, n = int(20, 60); i < n; ++i) lines.push(`  ${pick(['new', 'beta', 'legacy', 'fast', 'safe'])}${pick(['Checkout', 'Search', 'Player', 'Upload', 'Feed', 'Royalty', 'Payout', 'Export'])}${i}: ${pick(['true', 'false'])}`);
    lines.push('upstreams:');
    for (let i = 0, n = int(5, 16); i < n; ++i) {
        const t = pick(TEAMS);
        lines.push(`  - name: ${t}-${pick(SERVICE_BASES)}`, `    url: http://${pick(SERVICE_BASES)}.${t}.svc.cluster.local`, `    timeoutMs: ${int(100, 5000)}`, `    retries: ${int(0, 3)}`);
    }
    const data = { 'application.yaml': lines.join('\n') + '\n', LOG_LEVEL: 'info', REGION: pick(REGIONS), CACHE_TTL_SECONDS: String(int(30, 3600)) };
    for (let i = 0, n = int(4, 12); i < n; ++i) data[`FEATURE_${pick(['SEARCH', 'PLAYER', 'UPLOAD', 'FEED', 'EXPORT'])}_${i}`] = pick(['true', 'false', 'on', 'off']);
    return { kind: 'ConfigMap', doc: { apiVersion: 'v1', kind: 'ConfigMap', metadata: commonMeta(`${svc}-config`, team, svc), data } };
}

function hpa(team, svc, targetKind) {
    const min = int(2, 4);
    return {
        kind: 'HorizontalPodAutoscaler',
        doc: {
            apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler',
            metadata: commonMeta(svc, team, svc),
            spec: {
                scaleTargetRef: { apiVersion: 'apps/v1', kind: targetKind, name: svc },
                minReplicas: min,
                maxReplicas: min + int(2, 20),
                metrics: [
                    { type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: int(50, 85) } } },
                    { type: 'Resource', resource: { name: 'memory', target: { type: 'Utilization', averageUtilization: int(60, 90) } } },
                ],
                behavior: {
                    scaleDown: { stabilizationWindowSeconds: 300, policies: [{ type: 'Percent', value: 50, periodSeconds: 60 }] },
                    scaleUp: { stabilizationWindowSeconds: 0, policies: [{ type: 'Pods', value: 4, periodSeconds: 15 }] },
                },
            },
        },
    };
}

function pdb(team, svc) {
    const spec = { selector: { matchLabels: { 'app.kubernetes.io/name': svc } } };
    if (chance(0.5)) spec.minAvailable = 1; else spec.maxUnavailable = '25%';
    spec.unhealthyPodEvictionPolicy = 'AlwaysAllow';
    return { kind: 'PodDisruptionBudget', doc: { apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: commonMeta(svc, team, svc), spec } };
}

function serviceAccount(team, svc) {
    return {
        kind: 'ServiceAccount',
        doc: {
            apiVersion: 'v1', kind: 'ServiceAccount',
            metadata: commonMeta(svc, team, svc, { 'eks.amazonaws.com/role-arn': `arn:aws:iam::${int(100000000000, 999999999999)}:role/${team}-${svc}` }),
            automountServiceAccountToken: false,
        },
    };
}

function networkPolicy(team, svc) {
    return {
        kind: 'NetworkPolicy',
        doc: {
            apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy',
            metadata: commonMeta(svc, team, svc),
            spec: {
                podSelector: { matchLabels: { 'app.kubernetes.io/name': svc } },
                policyTypes: ['Ingress', 'Egress'],
                ingress: [
                    { from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'ingress-nginx' } } }], ports: [{ protocol: 'TCP', port: 8080 }] },
                    { from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'monitoring' } } }], ports: [{ protocol: 'TCP', port: 9090 }] },
                ],
                egress: [
                    { to: [{ namespaceSelector: {} , podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } }], ports: [{ protocol: 'UDP', port: 53 }, { protocol: 'TCP', port: 53 }] },
                    { to: [{ ipBlock: { cidr: '10.0.0.0/8', except: ['10.96.0.0/12'] } }], ports: [{ protocol: 'TCP', port: 5432 }, { protocol: 'TCP', port: 6379 }] },
                ],
            },
        },
    };
}

function ingress(team, svc) {
    const host = `${svc}.${team}.tunemantra.example`;
    return {
        kind: 'Ingress',
        doc: {
            apiVersion: 'networking.k8s.io/v1', kind: 'Ingress',
            metadata: commonMeta(svc, team, svc, {
                'cert-manager.io/cluster-issuer': 'letsencrypt-prod',
                'nginx.ingress.kubernetes.io/proxy-body-size': `${int(1, 64)}m`,
                'nginx.ingress.kubernetes.io/proxy-read-timeout': String(int(30, 300)),
            }),
            spec: {
                ingressClassName: 'nginx',
                tls: [{ hosts: [host], secretName: `${svc}-tls` }],
                rules: [{
                    host,
                    http: {
                        paths: [
                            { path: '/', pathType: 'Prefix', backend: { service: { name: svc, port: { name: 'http' } } } },
                            { path: '/api', pathType: 'Prefix', backend: { service: { name: svc, port: { number: 80 } } } },
                        ],
                    },
                }],
            },
        },
    };
}

function cronJob(team, svc) {
    const name = `${svc}-${pick(['cleanup', 'report', 'reindex', 'export', 'sync'])}`;
    const c = container(team, name, svc, 8080, false);
    c.args = ['--job', name.split('-').pop(), '--batch-size', String(int(100, 5000))];
    delete c.ports;
    return {
        kind: 'CronJob',
        doc: {
            apiVersion: 'batch/v1', kind: 'CronJob',
            metadata: commonMeta(name, team, svc),
            spec: {
                schedule: `${int(0, 59)} ${int(0, 23)} * * ${pick(['*', '1-5', '0'])}`,
                timeZone: 'Etc/UTC',
                concurrencyPolicy: 'Forbid',
                successfulJobsHistoryLimit: 3,
                failedJobsHistoryLimit: 5,
                jobTemplate: {
                    spec: {
                        backoffLimit: int(0, 6),
                        activeDeadlineSeconds: int(10, 120) * 60,
                        template: {
                            metadata: { labels: { 'app.kubernetes.io/name': svc, 'tunemantra.io/job': name } },
                            spec: {
                                restartPolicy: 'OnFailure', serviceAccountName: svc, containers: [c],
                                volumes: [{ name: 'config', configMap: { name: `${svc}-config` } }, { name: 'tmp', emptyDir: {} }],
                            },
                        },
                    },
                },
            },
        },
    };
}

function serviceMonitor(team, svc) {
    return {
        kind: 'ServiceMonitor',
        doc: {
            apiVersion: 'monitoring.coreos.com/v1', kind: 'ServiceMonitor',
            metadata: commonMeta(svc, team, svc),
            spec: {
                selector: { matchLabels: { 'app.kubernetes.io/name': svc } },
                namespaceSelector: { matchNames: [team] },
                endpoints: [{ port: 'metrics', path: '/metrics', interval: pick(['15s', '30s', '60s']), scrapeTimeout: '10s' }],
            },
        },
    };
}

function role(team, svc) {
    return {
        kind: 'Role',
        doc: {
            apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'Role',
            metadata: commonMeta(svc, team, svc),
            rules: [
                { apiGroups: [''], resources: ['configmaps'], verbs: ['get', 'list', 'watch'] },
                { apiGroups: ['coordination.k8s.io'], resources: ['leases'], verbs: ['get', 'create', 'update'] },
            ],
        },
    };
}

function roleBinding(team, svc) {
    return {
        kind: 'RoleBinding',
        doc: {
            apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'RoleBinding',
            metadata: commonMeta(svc, team, svc),
            roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: svc },
            subjects: [{ kind: 'ServiceAccount', name: svc, namespace: team }],
        },
    };
}

function sealedSecret(team, svc) {
    const enc = () => 'Ag' + Array.from({ length: int(180, 320) }, () => 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'[int(0, 63)]).join('');
    return {
        kind: 'SealedSecret',
        doc: {
            apiVersion: 'bitnami.com/v1alpha1', kind: 'SealedSecret',
            metadata: { name: `${svc}-db`, namespace: team, annotations: { 'sealedsecrets.bitnami.com/namespace-wide': 'false' } },
            spec: {
                encryptedData: { password: enc(), username: enc() },
                template: { metadata: { name: `${svc}-db`, namespace: team }, type: 'Opaque' },
            },
        },
    };
}

function application(team, svc) {
    return {
        kind: 'Application',
        doc: {
            apiVersion: 'argoproj.io/v1alpha1', kind: 'Application',
            metadata: { ...commonMeta(`${team}-${svc}`, team, svc, { 'notifications.argoproj.io/subscribe.on-sync-failed.slack': `team-${team}` }), namespace: 'argocd', finalizers: ['resources-finalizer.argocd.argoproj.io'] },
            spec: {
                project: team,
                source: { repoURL: 'https://git.tunemantra.example/platform/gitops.git', targetRevision: 'main', path: `apps/${team}/${svc}` },
                destination: { server: 'https://kubernetes.default.svc', namespace: team },
                syncPolicy: { automated: { prune: true, selfHeal: true }, syncOptions: ['CreateNamespace=false', 'ServerSideApply=true'], retry: { limit: 5, backoff: { duration: '5s', factor: 2, maxDuration: '3m' } } },
            },
        },
    };
}

function namespace(team) {
    return {
        kind: 'Namespace',
        doc: {
            apiVersion: 'v1', kind: 'Namespace',
            metadata: { name: team, labels: { 'tunemantra.io/team': team, 'pod-security.kubernetes.io/enforce': 'restricted' } },
        },
    };
}

function appProject(team) {
    return {
        kind: 'AppProject',
        doc: {
            apiVersion: 'argoproj.io/v1alpha1', kind: 'AppProject',
            metadata: { name: team, namespace: 'argocd' },
            spec: {
                description: `Applications of the ${team} team`,
                sourceRepos: ['https://git.tunemantra.example/platform/gitops.git'],
                destinations: [{ server: 'https://kubernetes.default.svc', namespace: team }],
                clusterResourceWhitelist: [{ group: '', kind: 'Namespace' }],
            },
        },
    };
}

function clusterDocs() {
    return [
        ['cluster/rbac/readonly.yaml', [
            { kind: 'ClusterRole', doc: { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: { name: 'tunemantra-readonly' }, rules: [{ apiGroups: ['', 'apps', 'batch'], resources: ['*'], verbs: ['get', 'list', 'watch'] }] } },
            { kind: 'ClusterRoleBinding', doc: { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRoleBinding', metadata: { name: 'tunemantra-readonly' }, roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'tunemantra-readonly' }, subjects: [{ kind: 'Group', name: 'tunemantra:developers', apiGroup: 'rbac.authorization.k8s.io' }] } },
        ]],
        ['cluster/cert-manager/clusterissuer.yaml', [
            { kind: 'ClusterIssuer', doc: { apiVersion: 'cert-manager.io/v1', kind: 'ClusterIssuer', metadata: { name: 'letsencrypt-prod' }, spec: { acme: { server: 'https://acme-v02.api.letsencrypt.org/directory', email: 'platform@tunemantra.example', privateKeySecretRef: { name: 'letsencrypt-prod' }, solvers: [{ http01: { ingress: { ingressClassName: 'nginx' } } }] } } } },
        ]],
        ['cluster/monitoring/platform-rules.yaml', [
            { kind: 'PrometheusRule', doc: { apiVersion: 'monitoring.coreos.com/v1', kind: 'PrometheusRule', metadata: { name: 'platform-slo', namespace: 'monitoring' }, spec: { groups: [{ name: 'slo', rules: [{ alert: 'HighErrorRate', expr: 'sum(rate(http_requests_total{code=~"5.."}[5m])) / sum(rate(http_requests_total[5m])) > 0.02', for: '10m', labels: { severity: 'page' }, annotations: { summary: 'Error rate above 2% for 10 minutes' } }] }] } } },
        ]],
        ['cluster/logging/fluent-bit.yaml', [
            { kind: 'DaemonSet', doc: { apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'fluent-bit', namespace: 'platform', labels: { 'app.kubernetes.io/name': 'fluent-bit' } }, spec: { selector: { matchLabels: { 'app.kubernetes.io/name': 'fluent-bit' } }, template: { metadata: { labels: { 'app.kubernetes.io/name': 'fluent-bit' } }, spec: { serviceAccountName: 'fluent-bit', tolerations: [{ operator: 'Exists' }], containers: [{ name: 'fluent-bit', image: 'cr.fluentbit.io/fluent/fluent-bit:3.1.9', resources: { requests: { cpu: '50m', memory: '64Mi' }, limits: { memory: '256Mi' } }, volumeMounts: [{ name: 'varlog', mountPath: '/var/log', readOnly: true }] }], volumes: [{ name: 'varlog', hostPath: { path: '/var/log' } }] } } } } },
        ]],
    ];
}

// ---------------------------------------------------------------------------------------------------------------
// Planted schema errors: each mutation must make the document invalid against the strict schemas.

const MUTATIONS = {
    Deployment: [
        ['unknown-field', 'spec.replica instead of spec.replicas', (d) => renameKey(d.spec, 'replicas', 'replica')],
        ['wrong-type', 'spec.replicas: "three"', (d) => { d.spec.replicas = 'three'; }],
        ['missing-required', 'first container has no name', (d) => { delete d.spec.template.spec.containers[0].name; }],
        ['unknown-field', 'container imagePulPolicy (typo)', (d) => renameKey(d.spec.template.spec.containers[0], 'imagePullPolicy', 'imagePulPolicy')],
        ['wrong-type', 'containerPort: "8080" (string)', (d) => { d.spec.template.spec.containers[0].ports[0].containerPort = String(d.spec.template.spec.containers[0].ports[0].containerPort); }],
        ['missing-required', 'spec.selector missing', (d) => { delete d.spec.selector; }],
        ['unknown-field', 'resources.limit instead of resources.limits', (d) => renameKey(d.spec.template.spec.containers[0].resources, 'limits', 'limit')],
    ],
    StatefulSet: [
        ['missing-required', 'spec.serviceName missing', (d) => { delete d.spec.serviceName; }],
        ['wrong-type', 'spec.replicas: "3"', (d) => { d.spec.replicas = '3'; }],
    ],
    Service: [
        ['missing-required', 'first port has no port number', (d) => { delete d.spec.ports[0].port; }],
        ['wrong-type', 'port: "http" (string)', (d) => { d.spec.ports[0].port = 'http'; }],
        ['unknown-field', 'spec.selectors instead of spec.selector', (d) => renameKey(d.spec, 'selector', 'selectors')],
    ],
    HorizontalPodAutoscaler: [
        ['missing-required', 'spec.maxReplicas missing', (d) => { delete d.spec.maxReplicas; }],
        ['wrong-type', 'minReplicas: "2" (string)', (d) => { d.spec.minReplicas = String(d.spec.minReplicas); }],
        ['unknown-field', 'targetCPUUtilizationPercentage (autoscaling/v1 field) in v2', (d) => { d.spec.targetCPUUtilizationPercentage = 70; }],
    ],
    ConfigMap: [
        ['wrong-type', 'data value is an unquoted number', (d) => { d.data.MAX_CONNECTIONS = 100; }],
        ['wrong-type', 'data value is an unquoted boolean', (d) => { d.data.FEATURE_NEW_PLAYER = true; }],
    ],
    Ingress: [
        ['missing-required', 'path without pathType', (d) => { delete d.spec.rules[0].http.paths[0].pathType; }],
        ['unknown-field', 'ingressClass instead of ingressClassName', (d) => renameKey(d.spec, 'ingressClassName', 'ingressClass')],
        ['unknown-field', 'networking.k8s.io/v1beta1 backend (serviceName/servicePort)', (d) => { d.spec.rules[0].http.paths[0].backend = { serviceName: d.metadata.name, servicePort: 80 }; }],
    ],
    PodDisruptionBudget: [
        ['unknown-field', 'spec.minAvaliable (typo)', (d) => { d.spec.minAvaliable = 1; }],
    ],
    CronJob: [
        ['missing-required', 'spec.schedule missing', (d) => { delete d.spec.schedule; }],
        ['unknown-field', 'spec.concurrency instead of spec.concurrencyPolicy', (d) => renameKey(d.spec, 'concurrencyPolicy', 'concurrency')],
    ],
    ServiceMonitor: [
        ['wrong-type', 'endpoint interval: 30 (number, needs a duration string)', (d) => { d.spec.endpoints[0].interval = 30; }],
    ],
};

function renameKey(obj, from, to) {
    const entries = Object.entries(obj).map(([k, v]) => [k === from ? to : k, v]);
    for (const k of Object.keys(obj)) delete obj[k];
    for (const [k, v] of entries) obj[k] = v;
}

// ---------------------------------------------------------------------------------------------------------------
// Build the manifest tree

const files = new Map(); // relative path -> [{kind, doc}]
let documentCount = 0;
function addFile(rel, docs) {
    if (files.has(rel)) throw new Error(`duplicate file ${rel}`);
    files.set(rel, docs);
    documentCount += docs.length;
}

for (const [rel, docs] of clusterDocs()) addFile(rel, docs);
const teamArgo = new Map();
for (const team of TEAMS) {
    addFile(`apps/${team}/namespace.yaml`, [namespace(team)]);
    const apps = [appProject(team)];
    teamArgo.set(team, apps);
    documentCount += 1; // the AppProject, written with the team's Applications below
}

const usedNames = new Map(TEAMS.map((t) => [t, new Set()]));
let teamIndex = 0;
let budget = opts.documents - documentCount;
while (budget > 0) {
    const team = TEAMS[teamIndex++ % TEAMS.length];
    let base = pick(SERVICE_BASES), name = base, n = 2;
    while (usedNames.get(team).has(name)) name = `${base}-${n++}`;
    usedNames.get(team).add(name);
    const port = pick([8080, 8080, 8000, 3000, 9000]);
    const dir = `apps/${team}/${name}`;
    const stateful = chance(0.12);

    // planned files of this service, in order; each entry: [relative path, [docs]]
    const plan = [];
    const workload = stateful ? statefulSet(team, name, port) : deployment(team, name, port);
    const svc = service(team, name, port);
    const cfg = configMap(team, name);
    if (chance(0.1)) {
        // a single bundle file with everything in it
        const bundle = [cfg, workload, svc];
        if (stateful) bundle.push(service(team, name, port, true));
        if (chance(0.8)) bundle.push(serviceAccount(team, name));
        if (chance(0.7)) bundle.push(hpa(team, name, workload.kind));
        if (chance(0.6)) bundle.push(pdb(team, name));
        plan.push([`${dir}/all.yaml`, bundle]);
    } else {
        plan.push([`${dir}/configmap.yaml`, [cfg]]);
        plan.push([`${dir}/${stateful ? 'statefulset' : 'deployment'}.yaml`, [workload]]);
        plan.push([`${dir}/service.yaml`, stateful ? [svc, service(team, name, port, true)] : [svc]]);
        if (chance(0.8)) plan.push([`${dir}/serviceaccount.yaml`, [serviceAccount(team, name)]]);
        if (chance(0.7)) plan.push([`${dir}/hpa.yaml`, [hpa(team, name, workload.kind)]]);
        if (chance(0.6)) plan.push([`${dir}/pdb.yaml`, [pdb(team, name)]]);
        if (chance(0.6)) plan.push([`${dir}/networkpolicy.yaml`, [networkPolicy(team, name)]]);
        if (chance(0.4)) plan.push([`${dir}/ingress.yaml`, [ingress(team, name)]]);
        if (chance(0.25)) plan.push([`${dir}/cronjob.yaml`, [cronJob(team, name)]]);
        if (chance(0.3)) plan.push([`${dir}/servicemonitor.yaml`, [serviceMonitor(team, name)]]);
        if (chance(0.2)) plan.push([`${dir}/rbac.yaml`, [role(team, name), roleBinding(team, name)]]);
        if (chance(0.2)) plan.push([`${dir}/sealedsecret.yaml`, [sealedSecret(team, name)]]);
    }
    plan.push(['argocd', [application(team, name)]]);

    for (const [rel, docs] of plan) {
        if (budget <= 0) break;
        const take = docs.slice(0, budget);
        budget -= take.length;
        if (rel === 'argocd') { teamArgo.get(team).push(...take); documentCount += take.length; }
        else addFile(rel, take);
    }
}
for (const [team, docs] of teamArgo) {
    files.set(`argocd/${team}/applications.yaml`, docs); // already counted
}
if (documentCount !== opts.documents) throw new Error(`internal: ${documentCount} documents instead of ${opts.documents}`);

// ---------------------------------------------------------------------------------------------------------------
// Plant ~1% errors (one per chosen document)

const candidates = [];
for (const [rel, docs] of [...files.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    docs.forEach((d, i) => { if (MUTATIONS[d.kind]) candidates.push({ rel, index: i, entry: d }); });
}
const plantedCount = Math.round(opts.documents / 100);
const planted = [];
for (const c of shuffled(candidates).slice(0, plantedCount)) {
    const options = MUTATIONS[c.entry.kind];
    const [category, what, mutate] = options[int(0, options.length - 1)];
    mutate(c.entry.doc);
    planted.push({ file: c.rel, document: c.index, kind: c.entry.kind, name: c.entry.doc.metadata.name, category, what });
}
planted.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.document - b.document));

// ---------------------------------------------------------------------------------------------------------------
// Helm chart with values schema and 30 environments

const ENV_COUNT = 30;
const INVALID_ENVS = {
    env07: ['minimum', 'replicaCount: 0 (minimum is 1)'],
    env13: ['enum', 'logLevel: verbose (not in the enum)'],
    env19: ['additionalProperties', 'autoscalling: (typo, unknown key)'],
    env21: ['type', 'service.port: "8443" (string instead of integer)'],
    env26: ['required', 'image.tag: null deletes a required key'],
};

const valuesSchema = {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://tunemantra.example/charts/platform/values.schema.json',
    title: 'platform chart values',
    type: 'object',
    additionalProperties: false,
    required: ['image', 'replicaCount', 'service', 'resources', 'logLevel'],
    definitions: {
        quantityCpu: { type: 'string', pattern: '^[0-9]+(\\.[0-9]+)?m?$' },
        quantityMemory: { type: 'string', pattern: '^[0-9]+(Ki|Mi|Gi)$' },
        resourceList: {
            type: 'object', additionalProperties: false,
            properties: { cpu: { $ref: '#/definitions/quantityCpu' }, memory: { $ref: '#/definitions/quantityMemory' } },
        },
    },
    properties: {
        nameOverride: { type: 'string', maxLength: 63 },
        image: {
            type: 'object', additionalProperties: false, required: ['repository', 'tag'],
            properties: {
                repository: { type: 'string', minLength: 1 },
                tag: { type: 'string', minLength: 1 },
                pullPolicy: { type: 'string', enum: ['Always', 'IfNotPresent', 'Never'] },
            },
        },
        replicaCount: { type: 'integer', minimum: 1, maximum: 50 },
        logLevel: { type: 'string', enum: ['debug', 'info', 'warn', 'error'] },
        region: { type: 'string', enum: REGIONS },
        service: {
            type: 'object', additionalProperties: false, required: ['type', 'port'],
            properties: {
                type: { type: 'string', enum: ['ClusterIP', 'NodePort', 'LoadBalancer'] },
                port: { type: 'integer', minimum: 1, maximum: 65535 },
                annotations: { type: 'object', additionalProperties: { type: 'string' } },
            },
        },
        ingress: {
            type: 'object', additionalProperties: false, required: ['enabled'],
            properties: {
                enabled: { type: 'boolean' },
                className: { type: 'string' },
                hosts: {
                    type: 'array', minItems: 1,
                    items: {
                        type: 'object', additionalProperties: false, required: ['host'],
                        properties: { host: { type: 'string', minLength: 1 }, paths: { type: 'array', items: { type: 'string', pattern: '^/' } } },
                    },
                },
                tls: { type: 'boolean' },
            },
        },
        resources: {
            type: 'object', additionalProperties: false, required: ['requests'],
            properties: { requests: { $ref: '#/definitions/resourceList' }, limits: { $ref: '#/definitions/resourceList' } },
        },
        autoscaling: {
            type: 'object', additionalProperties: false, required: ['enabled'],
            properties: {
                enabled: { type: 'boolean' },
                minReplicas: { type: 'integer', minimum: 1 },
                maxReplicas: { type: 'integer', minimum: 1, maximum: 200 },
                targetCPUUtilizationPercentage: { type: 'integer', minimum: 1, maximum: 100 },
            },
        },
        podDisruptionBudget: {
            type: 'object', additionalProperties: false,
            properties: { enabled: { type: 'boolean' }, minAvailable: { type: 'integer', minimum: 0 } },
        },
        database: {
            type: 'object', additionalProperties: false, required: ['host', 'name'],
            properties: {
                host: { type: 'string' }, port: { type: 'integer', minimum: 1, maximum: 65535 }, name: { type: 'string' },
                poolSize: { type: 'integer', minimum: 1, maximum: 200 }, sslMode: { type: 'string', enum: ['disable', 'require', 'verify-full'] },
            },
        },
        redis: {
            type: 'object', additionalProperties: false,
            properties: { enabled: { type: 'boolean' }, url: { type: 'string', pattern: '^rediss?://' }, ttlSeconds: { type: 'integer', minimum: 0 } },
        },
        env: { type: 'object', additionalProperties: { type: 'string' } },
        featureFlags: { type: 'object', additionalProperties: { type: 'boolean' } },
        podAnnotations: { type: 'object', additionalProperties: { type: 'string' } },
        nodeSelector: { type: 'object', additionalProperties: { type: 'string' } },
        tolerations: {
            type: 'array',
            items: {
                type: 'object', additionalProperties: false, required: ['key', 'operator'],
                properties: { key: { type: 'string' }, operator: { enum: ['Exists', 'Equal'] }, value: { type: 'string' }, effect: { enum: ['NoSchedule', 'PreferNoSchedule', 'NoExecute'] } },
            },
        },
    },
};

const baseValues = {
    nameOverride: '',
    image: { repository: `${REGISTRY}/platform/tunemantra-api`, tag: '4.12.0', pullPolicy: 'IfNotPresent' },
    replicaCount: 2,
    logLevel: 'info',
    region: 'eu-west-1',
    service: { type: 'ClusterIP', port: 80, annotations: {} },
    ingress: { enabled: false, className: 'nginx', hosts: [{ host: 'api.tunemantra.example', paths: ['/'] }], tls: true },
    resources: { requests: { cpu: '250m', memory: '512Mi' }, limits: { cpu: '1', memory: '1Gi' } },
    autoscaling: { enabled: false, minReplicas: 2, maxReplicas: 10, targetCPUUtilizationPercentage: 70 },
    podDisruptionBudget: { enabled: true, minAvailable: 1 },
    database: { host: 'postgres.platform.svc.cluster.local', port: 5432, name: 'tunemantra', poolSize: 20, sslMode: 'require' },
    redis: { enabled: true, url: 'redis://redis.platform.svc.cluster.local:6379/0', ttlSeconds: 300 },
    env: { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://otel-collector.platform.svc:4317', LOG_FORMAT: 'json' },
    featureFlags: { newPlayer: false, royaltiesV2: false, searchRanking: true, lyricsSync: false },
    podAnnotations: { 'prometheus.io/scrape': 'true' },
    nodeSelector: {},
    tolerations: [],
};

function envValues(n) {
    const env = `env${String(n).padStart(2, '0')}`;
    const v = {
        image: { tag: `4.${int(8, 14)}.${int(0, 9)}` },
        replicaCount: int(2, 12),
        logLevel: pick(['debug', 'info', 'warn']),
        region: pick(REGIONS),
        ingress: { enabled: true, hosts: [{ host: `${env}.api.tunemantra.example`, paths: ['/', '/v2'] }, { host: `${env}.internal.tunemantra.example`, paths: ['/admin'] }] },
        resources: { requests: { cpu: `${int(2, 10) * 50}m`, memory: `${int(4, 16) * 128}Mi` }, limits: { cpu: String(int(1, 4)), memory: `${int(1, 4)}Gi` } },
        autoscaling: { enabled: chance(0.6), minReplicas: int(2, 4), maxReplicas: int(8, 60) },
        database: { host: `postgres-${env}.rds.tunemantra.example`, name: `tunemantra_${env}`, poolSize: int(10, 120) },
        env: { DEPLOY_ENV: env, OTEL_SERVICE_NAME: `tunemantra-api-${env}`, CACHE_TTL_SECONDS: String(int(30, 900)) },
        featureFlags: { newPlayer: chance(0.5), royaltiesV2: chance(0.3), lyricsSync: null },
        podAnnotations: { 'tunemantra.io/environment': env },
        nodeSelector: { 'node.kubernetes.io/instance-type': pick(['m6i.large', 'm6i.xlarge', 'c6i.xlarge']) },
        tolerations: [{ key: 'dedicated', operator: 'Equal', value: 'api', effect: 'NoSchedule' }],
    };
    if (chance(0.3)) v.redis = null; // some environments run without Redis: null deletes the map
    switch (env) {
    case 'env07': v.replicaCount = 0; break;
    case 'env13': v.logLevel = 'verbose'; break;
    case 'env19': v.autoscalling = { enabled: true }; break;
    case 'env21': v.service = { port: '8443' }; break;
    case 'env26': v.image = { tag: null }; break;
    }
    return [env, v];
}

const chartFiles = {
    'charts/platform/Chart.yaml': toYaml({
        apiVersion: 'v2', name: 'platform', description: 'TuneMantra API platform chart', type: 'application',
        version: '1.14.2', appVersion: '4.12.0', maintainers: [{ name: 'platform-team', email: 'platform@tunemantra.example' }],
    }),
    'charts/platform/values.yaml': '# Default values for the platform chart. Environments override them in values-<env>.yaml.\n' + toYaml(baseValues),
    'charts/platform/values.schema.json': JSON.stringify(valuesSchema, null, 2) + '\n',
    'charts/platform/templates/_helpers.tpl': [
        '{{/* Expand the name of the chart. */}}',
        '{{- define "platform.name" -}}',
        '{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}',
        '{{- end }}',
        '',
        '{{- define "platform.labels" -}}',
        'app.kubernetes.io/name: {{ include "platform.name" . }}',
        'app.kubernetes.io/instance: {{ .Release.Name }}',
        'helm.sh/chart: {{ .Chart.Name }}-{{ .Chart.Version | replace "+" "_" }}',
        '{{- end }}',
        '',
    ].join('\n'),
    'charts/platform/templates/deployment.yaml': [
        'apiVersion: apps/v1',
        'kind: Deployment',
        'metadata:',
        '  name: {{ include "platform.name" . }}',
        '  labels:',
        '    {{- include "platform.labels" . | nindent 4 }}',
        'spec:',
        '  {{- if not .Values.autoscaling.enabled }}',
        '  replicas: {{ .Values.replicaCount }}',
        '  {{- end }}',
        '  selector:',
        '    matchLabels:',
        '      app.kubernetes.io/name: {{ include "platform.name" . }}',
        '  template:',
        '    metadata:',
        '      {{- with .Values.podAnnotations }}',
        '      annotations:',
        '        {{- toYaml . | nindent 8 }}',
        '      {{- end }}',
        '      labels:',
        '        {{- include "platform.labels" . | nindent 8 }}',
        '    spec:',
        '      containers:',
        '        - name: api',
        '          image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"',
        '          imagePullPolicy: {{ .Values.image.pullPolicy }}',
        '          ports:',
        '            - name: http',
        '              containerPort: 8080',
        '          env:',
        '            {{- range $k, $v := .Values.env }}',
        '            - name: {{ $k }}',
        '              value: {{ $v | quote }}',
        '            {{- end }}',
        '          resources:',
        '            {{- toYaml .Values.resources | nindent 12 }}',
        '',
    ].join('\n'),
    'charts/platform/templates/service.yaml': [
        'apiVersion: v1',
        'kind: Service',
        'metadata:',
        '  name: {{ include "platform.name" . }}',
        'spec:',
        '  type: {{ .Values.service.type }}',
        '  ports:',
        '    - port: {{ .Values.service.port }}',
        '      targetPort: http',
        '',
    ].join('\n'),
};

const envNames = [];
for (let n = 1; n <= ENV_COUNT; ++n) {
    const [env, v] = envValues(n);
    envNames.push(env);
    chartFiles[`charts/platform/values-${env}.yaml`] = `# ${env} overrides of charts/platform/values.yaml\n` + toYaml(v);
}

const studioConfig = ['# Deploy Studio configuration: environments in promotion order.', 'environments:'];
for (const env of envNames) {
    studioConfig.push(`  - name: ${env}`, `    values: [charts/platform/values.yaml, charts/platform/values-${env}.yaml]`);
}
studioConfig.push('schemas:', '  kubernetesVersion: 1.31.6', '');

const extraFiles = {
    '.deploy-studio.yaml': studioConfig.join('\n'),
    'README.md': '# TuneMantra GitOps (generated benchmark workspace)\n\nGenerated by bench/check/generate-workspace.mjs.\n',
    '.github/workflows/validate.yaml': toYaml({
        name: 'validate', on: { pull_request: { branches: ['main'] } },
        jobs: { check: { 'runs-on': 'ubuntu-latest', steps: [{ uses: 'actions/checkout@v4' }, { run: 'deploy-studio-cli check . --format sarif > check.sarif' }] } },
    }),
};

// ---------------------------------------------------------------------------------------------------------------
// Write

function write(rel, text) {
    const abs = path.join(OUT, rel);
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    fs.writeFileSync(abs, text);
    return Buffer.byteLength(text);
}

let manifestBytes = 0;
const sortedFiles = [...files.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
for (const [rel, docs] of sortedFiles) {
    const header = `# ${rel}: managed through GitOps, changes go through a pull request\n`;
    const text = header + docs.map((d) => toYaml(d.doc)).join('---\n');
    manifestBytes += write(rel, text);
}
for (const [rel, text] of Object.entries(chartFiles)) write(rel, text);
for (const [rel, text] of Object.entries(extraFiles)) write(rel, text);

const multiDocFiles = sortedFiles.filter(([, d]) => d.length > 1).length;
const kinds = {};
for (const [, docs] of sortedFiles) for (const d of docs) kinds[d.kind] = (kinds[d.kind] || 0) + 1;

const summary = {
    seed: opts.seed,
    documents: documentCount,
    manifestFiles: sortedFiles.length,
    multiDocumentFiles: multiDocFiles,
    manifestBytes,
    averageDocumentBytes: Math.round(manifestBytes / documentCount),
    kinds,
    plantedErrors: planted,
    environments: envNames.length,
    invalidEnvironments: Object.entries(INVALID_ENVS).map(([env, [keyword, what]]) => ({ env, keyword, what })),
};

if (opts.expected) fs.writeFileSync(opts.expected, JSON.stringify(summary, null, 2) + '\n');

if (opts.git) {
    const env = { ...process.env, GIT_AUTHOR_NAME: 'bench', GIT_AUTHOR_EMAIL: 'bench@tunemantra.example',
        GIT_COMMITTER_NAME: 'bench', GIT_COMMITTER_EMAIL: 'bench@tunemantra.example',
        GIT_AUTHOR_DATE: '2024-11-26T12:00:00Z', GIT_COMMITTER_DATE: '2024-11-26T12:00:00Z' };
    const git = (...a) => execFileSync('git', a, { cwd: OUT, env, stdio: ['ignore', 'ignore', 'inherit'] });
    git('init', '-q', '-b', 'main');
    git('add', '-A');
    git('-c', 'commit.gpgsign=false', 'commit', '-q', '-m', 'Generated benchmark workspace');
}

process.stdout.write(`workspace ${OUT}: ${documentCount} documents in ${sortedFiles.length} manifest files ` +
    `(${multiDocFiles} multi-document), ${(manifestBytes / 1048576).toFixed(1)} MiB, ` +
    `${summary.averageDocumentBytes} bytes per document; ${planted.length} planted errors; ` +
    `${envNames.length} environments (${summary.invalidEnvironments.length} invalid)\n`);
