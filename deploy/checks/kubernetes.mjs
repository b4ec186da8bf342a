// Checks of rendered Kubernetes objects: the Kubernetes API schemas (through
// kubernetes-models), unknown fields (a strict TypeScript check of every
// object against the same models' types), and the rules Bazaar's deployment
// relies on (probes on the API's real paths, replicas, selectors, images,
// references, securityContext, graceful shutdown). Each returns problems as
// strings; an empty list means the objects pass.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import ts from 'typescript';
import { containersOf, parseImage, podSpecOf } from './kustomize.mjs';
import {
  NODE_VARIABLES,
  entrypointCommands,
  envKeys,
  serverRoutes,
  shutdownGraceSeconds,
} from './repo.mjs';

const name = (o) => `${o.kind}/${o.metadata?.name}`;
const CUSTOM_KINDS = new Set(['postgresql.cnpg.io/v1/Cluster']);
const modelPath = (o) => `kubernetes-models/${o.apiVersion}/${o.kind}`;

/** Validation against the Kubernetes OpenAPI schemas shipped in kubernetes-models. */
export async function schemaProblems(objects) {
  const problems = [];
  for (const object of objects) {
    if (CUSTOM_KINDS.has(`${object.apiVersion}/${object.kind}`)) {
      problems.push(...cloudNativePgProblems(object));
      continue;
    }
    let Model;
    try {
      Model = (await import(modelPath(object)))[object.kind];
    } catch {
      problems.push(`${name(object)}: unknown apiVersion/kind ${object.apiVersion} ${object.kind}`);
      continue;
    }
    try {
      new Model(structuredClone(object)).validate();
    } catch (error) {
      problems.push(`${name(object)}: ${error.message}`);
    }
  }
  return problems;
}

/**
 * The OpenAPI schemas allow unknown fields (the API server drops them with a
 * warning), so a misspelt `readinesProbe` would pass them. TypeScript's excess
 * property check on each object, typed with the models' interfaces, does not.
 */
export function unknownFieldProblems(objects) {
  const typed = objects.filter((o) => !CUSTOM_KINDS.has(`${o.apiVersion}/${o.kind}`));
  const lines = [];
  const owners = [];
  typed.forEach((object, index) => {
    lines.push(`import type { I${object.kind} as T${index} } from '${modelPath(object)}';`);
  });
  typed.forEach((object, index) => {
    const text = `export const o${index}: T${index} = ${JSON.stringify(object, null, 2)};`;
    for (const _ of text.split('\n')) owners.push(object);
    lines.push(text);
  });
  const header = typed.length;
  const dir = new URL('../node_modules/.cache/', import.meta.url).pathname;
  mkdirSync(dir, { recursive: true });
  const file = `${dir}manifests.${process.pid}.ts`;
  writeFileSync(file, lines.join('\n'));
  try {
    const program = ts.createProgram([file], {
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      types: [],
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      target: ts.ScriptTarget.ES2022,
    });
    return ts.getPreEmitDiagnostics(program).map((diagnostic) => {
      const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ');
      if (!diagnostic.file) return message;
      const { line } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start ?? 0);
      const owner = owners[line - header];
      return `${owner ? name(owner) : 'manifests'}: ${message}`;
    });
  } finally {
    rmSync(file, { force: true });
  }
}

/** The CloudNativePG Cluster has no schema here: the fields the docs rely on. */
function cloudNativePgProblems(cluster) {
  const problems = [];
  const spec = cluster.spec ?? {};
  const at = name(cluster);
  if (!(Number.isInteger(spec.instances) && spec.instances >= 2))
    problems.push(`${at}: spec.instances must be at least 2 for high availability`);
  if (!spec.storage?.size) problems.push(`${at}: spec.storage.size is required`);
  if (!spec.bootstrap?.initdb?.database || !spec.bootstrap?.initdb?.owner)
    problems.push(`${at}: spec.bootstrap.initdb needs database and owner`);
  if (!/postgresql:18/.test(spec.imageName ?? ''))
    problems.push(`${at}: spec.imageName must be a PostgreSQL 18 image`);
  return problems;
}

const matches = (selector, labels) =>
  Object.entries(selector ?? {}).every(([key, value]) => labels?.[key] === value);
const sameMap = (a, b) =>
  JSON.stringify(Object.entries(a ?? {}).sort()) === JSON.stringify(Object.entries(b ?? {}).sort());

/**
 * Bazaar's own rules. `complete`: the objects are a full overlay, so every
 * Secret and ConfigMap a pod refers to must be among them (a base leaves the
 * Secrets to its overlays).
 */
export function deploymentProblems(objects, { complete }) {
  const problems = [];
  const find = (kind, n) => objects.find((o) => o.kind === kind && o.metadata.name === n);
  const api = find('Deployment', 'bazaar-api');
  const job = find('Job', 'bazaar-migrate');
  if (!api) return ['Deployment/bazaar-api is missing'];
  if (!job) problems.push('Job/bazaar-migrate is missing');
  const pod = api.spec.template;
  const container = pod.spec.containers.find((c) => c.name === 'api');
  if (!container) return [...problems, 'Deployment/bazaar-api has no container named api'];
  const config = find('ConfigMap', 'bazaar-config');
  const routes = serverRoutes();
  const commands = entrypointCommands();

  // Replicas, probes on the paths the API serves, the port it listens on.
  if (!(api.spec.replicas >= 2))
    problems.push('Deployment/bazaar-api: replicas must be at least 2');
  const probes = { readinessProbe: '/readyz', livenessProbe: '/healthz' };
  for (const [probe, path] of Object.entries(probes)) {
    const got = container[probe]?.httpGet?.path;
    if (got !== path) problems.push(`Deployment/bazaar-api: ${probe} must GET ${path}, not ${got}`);
    if (got && !routes.has(got))
      problems.push(`Deployment/bazaar-api: ${probe} path ${got} is not a route of the API`);
  }
  if (container.startupProbe?.httpGet?.path && !routes.has(container.startupProbe.httpGet.path))
    problems.push(`Deployment/bazaar-api: startupProbe path is not a route of the API`);
  const ports = new Map((container.ports ?? []).map((p) => [p.name, p.containerPort]));
  for (const probe of ['readinessProbe', 'livenessProbe', 'startupProbe']) {
    const port = container[probe]?.httpGet?.port;
    if (
      port !== undefined &&
      !ports.has(port) &&
      !(container.ports ?? []).some((p) => p.containerPort === port)
    )
      problems.push(`Deployment/bazaar-api: ${probe} port ${port} is not a container port`);
  }
  const listenPort = Number(config?.data?.PORT ?? 4000);
  if (ports.get('http') !== listenPort)
    problems.push(
      `Deployment/bazaar-api: container port http (${ports.get('http')}) must equal PORT (${listenPort})`,
    );
  if (config?.data?.HOST !== '0.0.0.0')
    problems.push('ConfigMap/bazaar-config: HOST must be 0.0.0.0 in a pod');
  for (const [workload, c, command] of [
    [api, container, 'api'],
    [job, job?.spec.template.spec.containers[0], 'migrate'],
  ]) {
    if (!workload || !c) continue;
    const args = c.args ?? [];
    if (args[0] !== command) problems.push(`${name(workload)}: args must start with "${command}"`);
    if (args[0] && !commands.has(args[0]))
      problems.push(`${name(workload)}: "${args[0]}" is not an entrypoint command`);
  }

  // Graceful termination: preStop sleep plus the API's shutdown grace fit.
  const preStop = container.lifecycle?.preStop?.exec?.command ?? [];
  const sleep = preStop[0] === 'sleep' ? Number(preStop[1]) : 0;
  const grace = pod.spec.terminationGracePeriodSeconds ?? 30;
  if (grace < sleep + shutdownGraceSeconds())
    problems.push(
      `Deployment/bazaar-api: terminationGracePeriodSeconds (${grace}) must cover preStop (${sleep} s) + the API's shutdown grace (${shutdownGraceSeconds()} s)`,
    );
  if (api.spec.strategy?.rollingUpdate?.maxUnavailable !== 0)
    problems.push(
      'Deployment/bazaar-api: rollingUpdate.maxUnavailable must be 0 (old pods serve until new ones are ready)',
    );

  // Selectors: Deployment, Service, PDB, HPA all point at the API pods.
  if (!matches(api.spec.selector.matchLabels, pod.metadata.labels))
    problems.push('Deployment/bazaar-api: selector does not match its pod labels');
  const pdb = objects.find((o) => o.kind === 'PodDisruptionBudget');
  if (!pdb) problems.push('a PodDisruptionBudget is missing');
  else if (!sameMap(pdb.spec.selector?.matchLabels, api.spec.selector.matchLabels))
    problems.push(`${name(pdb)}: selector must equal the Deployment's selector`);
  const hpa = objects.find((o) => o.kind === 'HorizontalPodAutoscaler');
  if (!hpa) problems.push('a HorizontalPodAutoscaler is missing');
  else {
    const target = hpa.spec.scaleTargetRef;
    if (
      target.kind !== 'Deployment' ||
      target.name !== api.metadata.name ||
      target.apiVersion !== 'apps/v1'
    )
      problems.push(`${name(hpa)}: scaleTargetRef must be apps/v1 Deployment ${api.metadata.name}`);
    if (!(hpa.spec.minReplicas >= 2)) problems.push(`${name(hpa)}: minReplicas must be at least 2`);
    if (!(hpa.spec.maxReplicas >= hpa.spec.minReplicas))
      problems.push(`${name(hpa)}: maxReplicas < minReplicas`);
    if (hpa.spec.minReplicas !== api.spec.replicas)
      problems.push(`${name(hpa)}: minReplicas should equal the Deployment's replicas`);
  }
  for (const service of objects.filter((o) => o.kind === 'Service')) {
    const pods = objects.filter(
      (o) => podSpecOf(o) && matches(service.spec.selector, o.spec.template?.metadata?.labels),
    );
    if (pods.length !== 1) {
      problems.push(`${name(service)}: selector matches ${pods.length} workloads, expected 1`);
      continue;
    }
    const named = new Set(containersOf(pods[0]).flatMap((c) => (c.ports ?? []).map((p) => p.name)));
    for (const port of service.spec.ports ?? []) {
      if (typeof port.targetPort === 'string' && !named.has(port.targetPort))
        problems.push(
          `${name(service)}: targetPort ${port.targetPort} is not a container port of ${name(pods[0])}`,
        );
    }
  }
  for (const ingress of objects.filter((o) => o.kind === 'Ingress')) {
    for (const rule of ingress.spec.rules ?? []) {
      for (const path of rule.http?.paths ?? []) {
        const backend = path.backend.service;
        const service = find('Service', backend.name);
        if (!service) problems.push(`${name(ingress)}: backend Service ${backend.name} is missing`);
        else if (
          !service.spec.ports.some(
            (p) => p.name === backend.port.name || p.port === backend.port.number,
          )
        )
          problems.push(
            `${name(ingress)}: Service ${backend.name} has no port ${backend.port.name ?? backend.port.number}`,
          );
      }
    }
  }

  // One image for the API and its migrations; a tag or digest, never implicit.
  const images = new Set(
    [container.image, job?.spec.template.spec.containers[0].image].filter(Boolean),
  );
  if (images.size !== 1)
    problems.push(
      `the API and the migration Job must use one image, got ${[...images].join(', ')}`,
    );
  for (const workload of objects.filter(podSpecOf)) {
    for (const c of containersOf(workload)) {
      const image = parseImage(c.image);
      if (!image.tag && !image.digest)
        problems.push(`${name(workload)}: image ${c.image} needs a tag or digest`);
      if (
        !c.resources?.requests?.cpu ||
        !c.resources?.requests?.memory ||
        !c.resources?.limits?.memory
      )
        problems.push(
          `${name(workload)}: container ${c.name} needs cpu/memory requests and a memory limit`,
        );
      const security = c.securityContext ?? {};
      const podSecurity = podSpecOf(workload).securityContext ?? {};
      if (!(security.runAsNonRoot ?? podSecurity.runAsNonRoot))
        problems.push(`${name(workload)}: container ${c.name} must run as non-root`);
      if (security.allowPrivilegeEscalation !== false)
        problems.push(
          `${name(workload)}: container ${c.name} must set allowPrivilegeEscalation: false`,
        );
      if (security.readOnlyRootFilesystem !== true)
        problems.push(
          `${name(workload)}: container ${c.name} must have a read-only root filesystem`,
        );
      if (!(security.capabilities?.drop ?? []).includes('ALL'))
        problems.push(`${name(workload)}: container ${c.name} must drop ALL capabilities`);
    }
  }

  // Configuration: only variables env.ts (or Node) reads, and every reference resolvable.
  const known = envKeys();
  const checkKeys = (keys, where) => {
    for (const key of keys) {
      if (!known.has(key) && !NODE_VARIABLES.has(key))
        problems.push(`${where}: ${key} is not read by apps/api/src/env.ts`);
    }
  };
  if (config) checkKeys(Object.keys(config.data ?? {}), name(config));
  for (const secret of objects.filter(
    (o) => o.kind === 'Secret' && o.metadata.name === 'bazaar-secrets',
  ))
    checkKeys(Object.keys({ ...secret.data, ...secret.stringData }), name(secret));
  checkKeys(
    (container.env ?? []).map((e) => e.name),
    'Deployment/bazaar-api env',
  );
  for (const [key, value] of Object.entries(config?.data ?? {})) {
    if (value === '')
      problems.push(
        `${name(config)}: ${key} is empty (the API refuses empty values: leave it out)`,
      );
  }
  const generatedSecrets = new Set(
    objects
      .filter((o) => o.kind === 'Cluster' && o.apiVersion === 'postgresql.cnpg.io/v1')
      .map((o) => `${o.metadata.name}-app`),
  );
  for (const workload of objects.filter(podSpecOf)) {
    for (const c of containersOf(workload)) {
      const refs = [
        ...(c.envFrom ?? []).map((e) =>
          e.configMapRef ? ['ConfigMap', e.configMapRef.name] : ['Secret', e.secretRef?.name],
        ),
        ...(c.env ?? []).flatMap((e) => [
          ...(e.valueFrom?.configMapKeyRef
            ? [['ConfigMap', e.valueFrom.configMapKeyRef.name]]
            : []),
          ...(e.valueFrom?.secretKeyRef ? [['Secret', e.valueFrom.secretKeyRef.name]] : []),
        ]),
      ];
      for (const [kind, refName] of refs) {
        if (kind === 'ConfigMap' && !find('ConfigMap', refName))
          problems.push(`${name(workload)}: ConfigMap ${refName} is missing`);
        if (
          kind === 'Secret' &&
          complete &&
          !find('Secret', refName) &&
          !generatedSecrets.has(refName)
        )
          problems.push(`${name(workload)}: Secret ${refName} is missing`);
      }
    }
  }
  if (complete) {
    const databaseUrl =
      (container.env ?? []).some((e) => e.name === 'DATABASE_URL') ||
      objects.some(
        (o) =>
          o.kind === 'Secret' &&
          o.metadata.name === 'bazaar-secrets' &&
          'DATABASE_URL' in { ...o.data, ...o.stringData },
      );
    if (!databaseUrl) problems.push('Deployment/bazaar-api: DATABASE_URL comes from nowhere');
    const meili = config?.data?.MEILISEARCH_HOST;
    if (meili) {
      const url = new URL(meili);
      const service = find('Service', url.hostname.split('.')[0]);
      if (service && !service.spec.ports.some((p) => p.port === Number(url.port)))
        problems.push(
          `ConfigMap/bazaar-config: MEILISEARCH_HOST port ${url.port} is not a port of ${name(service)}`,
        );
      if (!service && !url.hostname.includes('.'))
        problems.push(
          `ConfigMap/bazaar-config: MEILISEARCH_HOST names Service ${url.hostname}, which is missing`,
        );
    }
    const instances =
      Number(config?.data?.DATABASE_POOL_SIZE ?? 20) * (hpa?.spec.maxReplicas ?? api.spec.replicas);
    const cluster = objects.find((o) => o.kind === 'Cluster');
    const maxConnections = Number(cluster?.spec.postgresql?.parameters?.max_connections ?? 100);
    if (cluster && instances >= maxConnections)
      problems.push(
        `DATABASE_POOL_SIZE x maxReplicas (${instances}) must stay below max_connections (${maxConnections})`,
      );
  }
  return problems;
}
