// A small, strict subset of `kustomize build`, enough to render deploy/k8s
// offline: resources (files and directories), components, namespace, images
// and JSON 6902 patches. Any other field is refused rather than ignored, so a
// kustomization that uses more than this cannot pass the checks unrendered.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { parseAllDocuments } from 'yaml';

const FIELDS = {
  Kustomization: new Set([
    'apiVersion',
    'kind',
    'resources',
    'components',
    'namespace',
    'images',
    'patches',
  ]),
  Component: new Set(['apiVersion', 'kind', 'resources', 'patches']),
};
const API_VERSIONS = {
  Kustomization: 'kustomize.config.k8s.io/v1beta1',
  Component: 'kustomize.config.k8s.io/v1alpha1',
};
/** Kinds without a namespace among those used here. */
const CLUSTER_SCOPED = new Set([
  'Namespace',
  'ClusterRole',
  'ClusterRoleBinding',
  'CustomResourceDefinition',
]);

export class KustomizeError extends Error {}

/** Every YAML document of a file, as plain objects; empty documents dropped. */
export function readYaml(file) {
  const docs = parseAllDocuments(readFileSync(file, 'utf8'), { merge: true });
  return docs
    .map((doc) => {
      if (doc.errors.length) throw new KustomizeError(`${file}: ${doc.errors[0].message}`);
      return doc.toJS();
    })
    .filter((doc) => doc !== null && doc !== undefined);
}

function readKustomization(dir, kind) {
  const file = join(dir, 'kustomization.yaml');
  if (!existsSync(file)) throw new KustomizeError(`${dir}: no kustomization.yaml`);
  const [k] = readYaml(file);
  if (k.kind !== kind) throw new KustomizeError(`${file}: kind must be ${kind}, not ${k.kind}`);
  if (k.apiVersion !== API_VERSIONS[kind])
    throw new KustomizeError(`${file}: apiVersion must be ${API_VERSIONS[kind]}`);
  for (const key of Object.keys(k)) {
    if (!FIELDS[kind].has(key)) throw new KustomizeError(`${file}: unsupported field "${key}"`);
  }
  return { file, k };
}

const idOf = (o) => `${o.kind}/${o.metadata?.namespace ?? '~'}/${o.metadata?.name}`;

function addResources(dir, file, paths, into) {
  for (const path of paths ?? []) {
    const full = join(dir, path);
    if (!existsSync(full)) throw new KustomizeError(`${file}: resource ${path} does not exist`);
    const added = statSync(full).isDirectory() ? build(full) : readYaml(full);
    for (const object of added) {
      if (!object.kind || !object.metadata?.name)
        throw new KustomizeError(
          `${relative(dir, full)}: every object needs kind and metadata.name`,
        );
      if (into.some((other) => idOf(other) === idOf(object)))
        throw new KustomizeError(`${file}: ${idOf(object)} is defined twice`);
      into.push(object);
    }
  }
}

/** RFC 6902 pointer into parent and key; "-" appends to an array. */
function locate(root, pointer, op) {
  const parts = pointer
    .split('/')
    .slice(1)
    .map((p) => p.replaceAll('~1', '/').replaceAll('~0', '~'));
  let parent = root;
  for (const part of parts.slice(0, -1)) {
    parent = parent?.[Array.isArray(parent) ? Number(part) : part];
    if (parent === undefined || parent === null || typeof parent !== 'object')
      throw new KustomizeError(`patch ${op} ${pointer}: path does not exist`);
  }
  return { parent, key: parts.at(-1) };
}

export function applyJsonPatch(object, ops) {
  for (const { op, path, value } of ops) {
    const { parent, key } = locate(object, path, op);
    const isArray = Array.isArray(parent);
    const index = key === '-' ? parent.length : Number(key);
    if (op === 'add') {
      if (isArray) parent.splice(index, 0, structuredClone(value));
      else parent[key] = structuredClone(value);
    } else if (op === 'replace' || op === 'remove') {
      const exists = isArray ? index < parent.length : Object.hasOwn(parent, key);
      if (!exists) throw new KustomizeError(`patch ${op} ${path}: path does not exist`);
      if (op === 'remove') {
        if (isArray) parent.splice(index, 1);
        else delete parent[key];
      } else if (isArray) parent[index] = structuredClone(value);
      else parent[key] = structuredClone(value);
    } else {
      throw new KustomizeError(`patch op "${op}" is not supported`);
    }
  }
}

function applyPatches(dir, file, patches, objects) {
  for (const entry of patches ?? []) {
    const { target, patch, path } = entry;
    if (!target?.kind || !target?.name)
      throw new KustomizeError(`${file}: every patch needs target.kind and target.name`);
    const text = patch ?? (path && readFileSync(join(dir, path), 'utf8'));
    if (!text) throw new KustomizeError(`${file}: patch on ${target.kind}/${target.name} is empty`);
    const [ops] = parseAllDocuments(text).map((doc) => doc.toJS());
    if (!Array.isArray(ops))
      throw new KustomizeError(`${file}: only JSON 6902 patches (a list of ops) are supported`);
    const matches = objects.filter(
      (o) => o.kind === target.kind && o.metadata.name === target.name,
    );
    if (matches.length === 0)
      throw new KustomizeError(`${file}: patch target ${target.kind}/${target.name} not found`);
    for (const object of matches) applyJsonPatch(object, ops);
  }
}

/** Containers of any pod template among the kinds used here. */
export function podSpecOf(object) {
  if (object.kind === 'Pod') return object.spec;
  if (object.kind === 'CronJob') return object.spec?.jobTemplate?.spec?.template?.spec;
  return object.spec?.template?.spec;
}

export function containersOf(object) {
  const spec = podSpecOf(object);
  return spec ? [...(spec.initContainers ?? []), ...(spec.containers ?? [])] : [];
}

/** `name[:tag][@digest]` split the way kustomize's image transformer reads it. */
export function parseImage(image) {
  const [withoutDigest, digest] = image.split('@');
  const slash = withoutDigest.lastIndexOf('/');
  const colon = withoutDigest.lastIndexOf(':');
  return colon > slash
    ? { name: withoutDigest.slice(0, colon), tag: withoutDigest.slice(colon + 1), digest }
    : { name: withoutDigest, tag: undefined, digest };
}

function applyImages(images, objects) {
  for (const object of objects) {
    for (const container of containersOf(object)) {
      const current = parseImage(container.image);
      const rule = images.find((image) => image.name === current.name);
      if (!rule) continue;
      const name = rule.newName ?? current.name;
      if (rule.digest) container.image = `${name}@${rule.digest}`;
      else container.image = `${name}:${rule.newTag ?? current.tag ?? 'latest'}`;
    }
  }
}

/** Renders a kustomization directory into its list of objects. */
export function build(dir) {
  const { file, k } = readKustomization(dir, 'Kustomization');
  const objects = [];
  addResources(dir, file, k.resources, objects);
  for (const path of k.components ?? []) {
    const componentDir = join(dir, path);
    const component = readKustomization(componentDir, 'Component');
    addResources(componentDir, component.file, component.k.resources, objects);
    applyPatches(componentDir, component.file, component.k.patches, objects);
  }
  applyPatches(dir, file, k.patches, objects);
  if (k.namespace) {
    for (const object of objects) {
      if (!CLUSTER_SCOPED.has(object.kind)) object.metadata.namespace = k.namespace;
    }
  }
  if (k.images) applyImages(k.images, objects);
  return objects;
}

/** Every kustomization.yaml below `root`, as directories. */
export function kustomizationDirs(files) {
  return files.filter((f) => f.endsWith('/kustomization.yaml')).map((f) => dirname(f));
}
