#!/usr/bin/env node
// Deterministic generator for the editor benchmark inputs (no dependencies).
//
//   node generate-values.mjs OUTDIR
//
// Writes into OUTDIR:
//   values.yaml         ~20,000-line Helm values file (umbrella chart with many components)
//   values.schema.json  draft-07 schema that values.yaml satisfies
//   edit-target.json    the scalar that the edit loops (peer and Deploy Studio) toggle
//
// The output is byte-for-byte identical on every run (seeded PRNG, no clock, no locale).
// Prints the edit target (1-based line/column) on stdout.

import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve, join } from 'node:path';

const COMPONENT_COUNT = 300; // tuned so that values.yaml is ~20,000 lines
const TARGET_INDEX = COMPONENT_COUNT / 2; // component in the middle of the file
const VALID_REPLICAS = '3';
const INVALID_REPLICAS = '-1'; // violates "minimum": 0 of replicaCount

// ---------------------------------------------------------------- PRNG
function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rnd = mulberry32(0x5eed2024);
const int = (lo, hi) => lo + Math.floor(rnd() * (hi - lo + 1));
const pick = (arr) => arr[Math.floor(rnd() * arr.length)];
const chance = (p) => rnd() < p;

// ---------------------------------------------------------------- vocabulary
const DOMAINS = ['orders', 'billing', 'catalog', 'search', 'identity', 'payments', 'shipping', 'inventory',
  'pricing', 'reviews', 'notifications', 'analytics', 'reporting', 'ledger', 'fraud', 'media', 'checkout',
  'loyalty', 'recommendations', 'audit', 'gateway', 'scheduler', 'export', 'geo'];
const ROLES = ['api', 'worker', 'consumer', 'cron', 'frontend', 'grpc', 'sync', 'indexer', 'proxy', 'cache'];
const TEAMS = ['core', 'commerce', 'platform', 'data', 'growth', 'edge', 'ops'];
const PULL = ['IfNotPresent', 'IfNotPresent', 'IfNotPresent', 'Always'];
const LOG_LEVELS = ['debug', 'info', 'info', 'warn', 'error'];
const CPU_REQ = ['50m', '100m', '150m', '250m', '500m', '1'];
const CPU_LIM = ['250m', '500m', '1', '1500m', '2', '4'];
const MEM_REQ = ['64Mi', '128Mi', '256Mi', '384Mi', '512Mi', '1Gi'];
const MEM_LIM = ['256Mi', '512Mi', '768Mi', '1Gi', '2Gi', '4Gi'];
const ZONES = ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'];
const COMMENTS = [
  'Tuned after the Q3 load test; do not lower without talking to SRE.',
  'TODO: move secrets to the external secrets operator.',
  'Overridden per environment in values-prod.yaml.',
  'Keep in sync with the HPA settings below.',
  'See runbook: https://wiki.example.com/runbooks/',
  'Requests sized from the last 30 days of p95 usage.',
  'Probe paths are served by the shared health module.',
  'Legacy setting, kept for backwards compatibility with chart 3.x.',
];

const pad = (n, w = 4) => String(n).padStart(w, '0');

// ---------------------------------------------------------------- YAML emitter
const lines = [];
const emit = (indent, text) => lines.push(' '.repeat(indent) + text);
const comment = (indent, p = 0.15) => { if (chance(p)) emit(indent, '# ' + pick(COMMENTS)); };
let target = null;

function emitProbe(ind, name, port, kind) {
  emit(ind, `${name}:`);
  if (kind === 'http') {
    emit(ind + 2, 'httpGet:');
    emit(ind + 4, `path: ${name === 'livenessProbe' ? '/healthz' : '/readyz'}`);
    emit(ind + 4, `port: ${port}`);
    if (chance(0.2)) emit(ind + 4, 'scheme: HTTP');
  } else if (kind === 'tcp') {
    emit(ind + 2, 'tcpSocket:');
    emit(ind + 4, `port: ${port}`);
  } else {
    emit(ind + 2, 'exec:');
    emit(ind + 4, 'command:');
    emit(ind + 6, '- /bin/sh');
    emit(ind + 6, '- -c');
    emit(ind + 6, '- "test -f /tmp/healthy"');
  }
  emit(ind + 2, `initialDelaySeconds: ${pick([0, 5, 10, 15, 30])}`);
  emit(ind + 2, `periodSeconds: ${pick([5, 10, 15, 20])}`);
  emit(ind + 2, `timeoutSeconds: ${pick([1, 2, 3, 5])}`);
  emit(ind + 2, `failureThreshold: ${pick([3, 3, 5, 6])}`);
}

function emitComponent(i) {
  const domain = DOMAINS[i % DOMAINS.length];
  const role = ROLES[Math.floor(i / DOMAINS.length) % ROLES.length];
  const name = `${domain}-${role}-${pad(i)}`;
  const team = pick(TEAMS);
  const port = pick([8080, 8080, 8000, 9090, 3000, 50051]);
  const ind = 4;

  if (chance(0.5)) emit(2, `# --- ${name} (team ${team}) ---`);
  emit(2, `${name}:`);
  emit(ind, `enabled: ${chance(0.9) ? 'true' : 'false'}`);
  if (chance(0.3)) emit(ind, `nameOverride: "${domain}-${role}"`);
  emit(ind, 'image:');
  emit(ind + 2, `repository: registry.example.com/${team}/${domain}-${role}`);
  emit(ind + 2, `tag: "${int(1, 4)}.${int(0, 30)}.${int(0, 99)}"`);
  emit(ind + 2, `pullPolicy: ${pick(PULL)}`);
  comment(ind);
  const replicas = i === TARGET_INDEX ? VALID_REPLICAS : String(pick([1, 1, 2, 2, 3, 4, 6]));
  const replicaLine = `replicaCount: ${replicas}`;
  emit(ind, replicaLine);
  if (i === TARGET_INDEX) {
    const lineText = lines[lines.length - 1];
    target = {
      line: lines.length, // 1-based
      column: lineText.indexOf(replicas) + 1, // 1-based column of the value's first character
      lspLine: lines.length - 1,
      lspCharacter: lineText.indexOf(replicas),
      key: 'replicaCount',
      path: `components.${name}.replicaCount`,
      component: name,
      componentIndex: i,
      validValue: VALID_REPLICAS,
      invalidValue: INVALID_REPLICAS,
      lineText,
    };
  }
  if (chance(0.4)) {
    emit(ind, 'autoscaling:');
    emit(ind + 2, `enabled: ${chance(0.5) ? 'true' : 'false'}`);
    emit(ind + 2, `minReplicas: ${int(1, 3)}`);
    emit(ind + 2, `maxReplicas: ${int(4, 20)}`);
    emit(ind + 2, `targetCPUUtilizationPercentage: ${pick([60, 70, 75, 80])}`);
  }
  comment(ind, 0.1);
  emit(ind, 'resources:');
  emit(ind + 2, 'requests:');
  emit(ind + 4, `cpu: ${pick(CPU_REQ)}`);
  emit(ind + 4, `memory: ${pick(MEM_REQ)}`);
  emit(ind + 2, 'limits:');
  emit(ind + 4, `cpu: ${pick(CPU_LIM)}`);
  emit(ind + 4, `memory: ${pick(MEM_LIM)}`);

  emit(ind, 'env:');
  emit(ind + 2, '- name: LOG_LEVEL');
  emit(ind + 4, `value: ${pick(LOG_LEVELS)}`);
  emit(ind + 2, '- name: SERVICE_NAME');
  emit(ind + 4, `value: "${name}"`);
  const extraEnv = int(0, 4);
  for (let e = 0; e < extraEnv; e++) {
    const k = pick(['DB_POOL_SIZE', 'CACHE_TTL_SECONDS', 'FEATURE_FLAGS', 'UPSTREAM_URL', 'OTEL_EXPORTER_OTLP_ENDPOINT', 'REGION']);
    emit(ind + 2, `- name: ${k}_${e}`);
    if (chance(0.25)) {
      emit(ind + 4, 'valueFrom:');
      emit(ind + 6, 'secretKeyRef:');
      emit(ind + 8, `name: ${name}-secrets`);
      emit(ind + 8, `key: ${k.toLowerCase()}`);
    } else {
      emit(ind + 4, `value: "${pick(['10', '300', 'a,b,c', `http://${domain}-backend:8080`, 'http://otel-collector:4317', 'eu-west-1'])}"`);
    }
  }

  emit(ind, 'service:');
  emit(ind + 2, `type: ${pick(['ClusterIP', 'ClusterIP', 'ClusterIP', 'NodePort', 'LoadBalancer'])}`);
  emit(ind + 2, `port: ${port}`);
  if (chance(0.3)) {
    emit(ind + 2, 'annotations:');
    emit(ind + 4, `prometheus.io/scrape: "true"`);
    emit(ind + 4, `prometheus.io/port: "${port}"`);
  }

  const ingressOn = chance(0.45);
  emit(ind, 'ingress:');
  emit(ind + 2, `enabled: ${ingressOn ? 'true' : 'false'}`);
  if (ingressOn) {
    emit(ind + 2, 'className: nginx');
    if (chance(0.5)) {
      emit(ind + 2, 'annotations:');
      emit(ind + 4, 'cert-manager.io/cluster-issuer: letsencrypt-prod');
      emit(ind + 4, `nginx.ingress.kubernetes.io/proxy-body-size: "${pick(['1m', '8m', '50m'])}"`);
    }
    emit(ind + 2, 'hosts:');
    const nh = int(1, 2);
    for (let h = 0; h < nh; h++) {
      emit(ind + 4, `- host: ${domain}${h ? '-' + h : ''}.${pick(['example.com', 'internal.example.com'])}`);
      emit(ind + 6, 'paths:');
      emit(ind + 8, `- path: /${role === 'frontend' ? '' : role}`);
      emit(ind + 10, `pathType: ${pick(['Prefix', 'Prefix', 'ImplementationSpecific', 'Exact'])}`);
    }
    emit(ind + 2, 'tls:');
    emit(ind + 4, `- secretName: ${name}-tls`);
    emit(ind + 6, 'hosts:');
    emit(ind + 8, `- ${domain}.example.com`);
  } else {
    emit(ind + 2, 'hosts: []');
  }

  comment(ind, 0.1);
  const probeKind = pick(['http', 'http', 'http', 'tcp', 'exec']);
  emitProbe(ind, 'livenessProbe', port, probeKind);
  emitProbe(ind, 'readinessProbe', port, probeKind);

  emit(ind, 'nodeSelector:');
  emit(ind + 2, 'kubernetes.io/os: linux');
  if (chance(0.4)) emit(ind + 2, `topology.kubernetes.io/zone: ${pick(ZONES)}`);
  if (chance(0.3)) emit(ind + 2, `node-pool: ${pick(['general', 'memory-optimized', 'spot'])}`);

  const tol = int(0, 2);
  if (tol === 0) {
    emit(ind, 'tolerations: []');
  } else {
    emit(ind, 'tolerations:');
    for (let t = 0; t < tol; t++) {
      const exists = chance(0.3);
      emit(ind + 2, `- key: ${pick(['dedicated', 'spot', 'node.kubernetes.io/not-ready', 'gpu'])}`);
      emit(ind + 4, `operator: ${exists ? 'Exists' : 'Equal'}`);
      if (!exists) emit(ind + 4, `value: "${pick(['true', team, 'batch'])}"`);
      emit(ind + 4, `effect: ${pick(['NoSchedule', 'PreferNoSchedule', 'NoExecute'])}`);
      if (chance(0.2)) emit(ind + 4, `tolerationSeconds: ${pick([60, 300, 3600])}`);
    }
  }
  if (chance(0.25)) {
    emit(ind, 'podAnnotations:');
    emit(ind + 2, `team: ${team}`);
    emit(ind + 2, `checksum/config: "${(i * 2654435761 >>> 0).toString(16).padStart(8, '0')}"`);
  }
  if (chance(0.2)) {
    emit(ind, 'config: |');
    emit(ind + 2, `# ${name} application config`);
    emit(ind + 2, 'server:');
    emit(ind + 4, `port: ${port}`);
    emit(ind + 2, 'logging:');
    emit(ind + 4, `level: ${pick(LOG_LEVELS)}`);
  }
}

// ---------------------------------------------------------------- values.yaml
emit(0, '# Default values for the "platform" umbrella chart.');
emit(0, '# This is a YAML-formatted file. Declare variables to be passed into your templates.');
emit(0, '# Generated by bench/editor/generate-values.mjs (deterministic) for the editor benchmark.');
emit(0, '');
emit(0, 'global:');
emit(2, 'imageRegistry: registry.example.com');
emit(2, 'imagePullSecrets:');
emit(4, '- name: regcred');
emit(2, 'storageClass: standard');
emit(2, 'clusterDomain: cluster.local');
emit(2, 'environment: production');
emit(2, 'labels:');
emit(4, 'app.kubernetes.io/part-of: platform');
emit(4, 'app.kubernetes.io/managed-by: Helm');
emit(0, '');
emit(0, 'serviceAccount:');
emit(2, '# Specifies whether a service account should be created');
emit(2, 'create: true');
emit(2, 'annotations: {}');
emit(2, 'name: ""');
emit(0, '');
emit(0, 'podSecurityContext:');
emit(2, 'runAsNonRoot: true');
emit(2, 'fsGroup: 2000');
emit(0, '');
emit(0, 'monitoring:');
emit(2, 'serviceMonitor:');
emit(4, 'enabled: true');
emit(4, 'interval: 30s');
emit(0, '');
emit(0, '# One entry per deployable component. Keys are the release-local component names.');
emit(0, 'components:');
for (let i = 0; i < COMPONENT_COUNT; i++) emitComponent(i);
const valuesText = lines.join('\n') + '\n';

// ---------------------------------------------------------------- values.schema.json
const str = (description, extra = {}) => ({ type: 'string', description, ...extra });
const QUANTITY_CPU = '^([0-9]+m|[0-9]+(\\.[0-9]+)?)$';
const QUANTITY_MEM = '^[0-9]+(Ki|Mi|Gi|Ti|K|M|G|T)?$';
const schema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://deploy-studio.example.com/bench/platform/values.schema.json',
  title: 'platform umbrella chart values',
  type: 'object',
  additionalProperties: false,
  required: ['global', 'components'],
  definitions: {
    image: {
      type: 'object',
      description: 'Container image of the component.',
      additionalProperties: false,
      required: ['repository', 'tag'],
      properties: {
        repository: str('Image repository, including the registry host.', { minLength: 1 }),
        tag: str('Image tag. Quote it so that YAML keeps it a string.', { minLength: 1 }),
        pullPolicy: { type: 'string', description: 'Kubernetes imagePullPolicy.', enum: ['Always', 'IfNotPresent', 'Never'] },
      },
    },
    quantities: {
      type: 'object',
      additionalProperties: false,
      properties: {
        cpu: { type: ['string', 'number'], description: 'CPU quantity, e.g. 250m or 1.', pattern: QUANTITY_CPU },
        memory: str('Memory quantity, e.g. 512Mi.', { pattern: QUANTITY_MEM }),
      },
    },
    resources: {
      type: 'object',
      description: 'Compute resources of the main container.',
      additionalProperties: false,
      properties: {
        requests: { $ref: '#/definitions/quantities', description: 'Guaranteed resources.' },
        limits: { $ref: '#/definitions/quantities', description: 'Upper bound of resources.' },
      },
    },
    envVar: {
      type: 'object',
      description: 'Environment variable of the main container.',
      additionalProperties: false,
      required: ['name'],
      properties: {
        name: str('Variable name.', { pattern: '^[A-Za-z_][A-Za-z0-9_]*$' }),
        value: str('Literal value.'),
        valueFrom: {
          type: 'object',
          description: 'Source of the value.',
          additionalProperties: false,
          properties: {
            secretKeyRef: {
              type: 'object', additionalProperties: false, required: ['name', 'key'],
              properties: { name: str('Secret name.'), key: str('Key in the secret.') },
            },
            configMapKeyRef: {
              type: 'object', additionalProperties: false, required: ['name', 'key'],
              properties: { name: str('ConfigMap name.'), key: str('Key in the ConfigMap.') },
            },
          },
        },
      },
    },
    probe: {
      type: 'object',
      description: 'Kubernetes probe.',
      additionalProperties: false,
      properties: {
        httpGet: {
          type: 'object', additionalProperties: false, required: ['path', 'port'],
          properties: {
            path: str('HTTP path.', { pattern: '^/' }),
            port: { type: ['integer', 'string'], minimum: 1, maximum: 65535 },
            scheme: { type: 'string', enum: ['HTTP', 'HTTPS'] },
          },
        },
        tcpSocket: {
          type: 'object', additionalProperties: false, required: ['port'],
          properties: { port: { type: ['integer', 'string'], minimum: 1, maximum: 65535 } },
        },
        exec: {
          type: 'object', additionalProperties: false, required: ['command'],
          properties: { command: { type: 'array', minItems: 1, items: { type: 'string' } } },
        },
        initialDelaySeconds: { type: 'integer', minimum: 0, maximum: 600 },
        periodSeconds: { type: 'integer', minimum: 1, maximum: 300 },
        timeoutSeconds: { type: 'integer', minimum: 1, maximum: 60 },
        failureThreshold: { type: 'integer', minimum: 1, maximum: 30 },
      },
    },
    toleration: {
      type: 'object',
      description: 'Pod toleration.',
      additionalProperties: false,
      properties: {
        key: str('Taint key.'),
        operator: { type: 'string', enum: ['Exists', 'Equal'] },
        value: str('Taint value (operator Equal only).'),
        effect: { type: 'string', enum: ['NoSchedule', 'PreferNoSchedule', 'NoExecute'] },
        tolerationSeconds: { type: 'integer', minimum: 0 },
      },
    },
    stringMap: { type: 'object', additionalProperties: { type: 'string' } },
    component: {
      type: 'object',
      description: 'One deployable component of the platform.',
      additionalProperties: false,
      required: ['enabled', 'image', 'replicaCount', 'resources'],
      properties: {
        enabled: { type: 'boolean', description: 'Deploy this component.' },
        nameOverride: str('Overrides the generated resource name.', { maxLength: 63 }),
        image: { $ref: '#/definitions/image' },
        replicaCount: { type: 'integer', description: 'Number of pods (ignored when autoscaling is enabled).', minimum: 0, maximum: 100 },
        autoscaling: {
          type: 'object', description: 'HorizontalPodAutoscaler settings.', additionalProperties: false,
          required: ['enabled'],
          properties: {
            enabled: { type: 'boolean' },
            minReplicas: { type: 'integer', minimum: 1, maximum: 100 },
            maxReplicas: { type: 'integer', minimum: 1, maximum: 500 },
            targetCPUUtilizationPercentage: { type: 'integer', minimum: 1, maximum: 100 },
          },
        },
        resources: { $ref: '#/definitions/resources' },
        env: { type: 'array', description: 'Extra environment variables.', items: { $ref: '#/definitions/envVar' } },
        service: {
          type: 'object', description: 'Kubernetes Service.', additionalProperties: false, required: ['type', 'port'],
          properties: {
            type: { type: 'string', enum: ['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'] },
            port: { type: 'integer', minimum: 1, maximum: 65535 },
            annotations: { $ref: '#/definitions/stringMap' },
          },
        },
        ingress: {
          type: 'object', description: 'Ingress exposing the service.', additionalProperties: false, required: ['enabled'],
          properties: {
            enabled: { type: 'boolean' },
            className: str('IngressClass name.'),
            annotations: { $ref: '#/definitions/stringMap' },
            hosts: {
              type: 'array',
              items: {
                type: 'object', additionalProperties: false, required: ['host'],
                properties: {
                  host: str('Host name.', { format: 'hostname' }),
                  paths: {
                    type: 'array',
                    items: {
                      type: 'object', additionalProperties: false, required: ['path'],
                      properties: {
                        path: str('URL path.', { pattern: '^/' }),
                        pathType: { type: 'string', enum: ['Prefix', 'Exact', 'ImplementationSpecific'] },
                      },
                    },
                  },
                },
              },
            },
            tls: {
              type: 'array',
              items: {
                type: 'object', additionalProperties: false,
                properties: { secretName: str('TLS secret.'), hosts: { type: 'array', items: { type: 'string' } } },
              },
            },
          },
        },
        livenessProbe: { $ref: '#/definitions/probe' },
        readinessProbe: { $ref: '#/definitions/probe' },
        nodeSelector: { $ref: '#/definitions/stringMap', description: 'Node labels the pods must match.' },
        tolerations: { type: 'array', items: { $ref: '#/definitions/toleration' } },
        podAnnotations: { $ref: '#/definitions/stringMap' },
        config: str('Application configuration file rendered into a ConfigMap.'),
      },
    },
  },
  properties: {
    global: {
      type: 'object',
      description: 'Values shared with every subchart.',
      additionalProperties: false,
      properties: {
        imageRegistry: str('Registry prepended to every image repository.'),
        imagePullSecrets: { type: 'array', items: { type: 'object', required: ['name'], properties: { name: { type: 'string' } }, additionalProperties: false } },
        storageClass: str('Default StorageClass.'),
        clusterDomain: str('Cluster DNS domain.'),
        environment: { type: 'string', enum: ['development', 'staging', 'production'] },
        labels: { $ref: '#/definitions/stringMap' },
      },
    },
    serviceAccount: {
      type: 'object', additionalProperties: false,
      properties: { create: { type: 'boolean' }, annotations: { $ref: '#/definitions/stringMap' }, name: { type: 'string' } },
    },
    podSecurityContext: {
      type: 'object', additionalProperties: false,
      properties: { runAsNonRoot: { type: 'boolean' }, fsGroup: { type: 'integer', minimum: 0 } },
    },
    monitoring: {
      type: 'object', additionalProperties: false,
      properties: {
        serviceMonitor: {
          type: 'object', additionalProperties: false,
          properties: { enabled: { type: 'boolean' }, interval: str('Scrape interval.', { pattern: '^[0-9]+(s|m)$' }) },
        },
      },
    },
    components: {
      type: 'object',
      description: 'Deployable components, keyed by component name.',
      propertyNames: { pattern: '^[a-z][a-z0-9-]*$' },
      additionalProperties: { $ref: '#/definitions/component' },
    },
  },
};
const schemaText = JSON.stringify(schema, null, 2) + '\n';

// ---------------------------------------------------------------- write
const outArg = process.argv[2];
if (!outArg) {
  console.error('usage: node generate-values.mjs OUTDIR');
  process.exit(2);
}
const outDir = resolve(outArg);
mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, 'values.yaml'), valuesText);
writeFileSync(join(outDir, 'values.schema.json'), schemaText);
const editTarget = { file: 'values.yaml', lines: lines.length, ...target };
writeFileSync(join(outDir, 'edit-target.json'), JSON.stringify(editTarget, null, 2) + '\n');
console.log(`values.yaml: ${lines.length} lines; edit target ${target.path} at line ${target.line}, ` +
  `column ${target.column} (${JSON.stringify(target.validValue)} <-> ${JSON.stringify(target.invalidValue)})`);
