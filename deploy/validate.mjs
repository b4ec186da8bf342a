#!/usr/bin/env node
// Checks the Dockerfile, docker-compose.yml and deploy/k8s offline and prints
// every problem: `node deploy/validate.mjs` (after `pnpm --dir deploy install
// --ignore-workspace`). deploy/test/ runs the same checks as tests.
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseCompose, composeProblems, composeSchemaProblems } from './checks/compose.mjs';
import { dockerfileProblems, entrypointProblems, readRepo } from './checks/dockerfile.mjs';
import { build, kustomizationDirs, readYaml } from './checks/kustomize.mjs';
import { deploymentProblems, schemaProblems, unknownFieldProblems } from './checks/kubernetes.mjs';
import { ROOT } from './checks/repo.mjs';

export const K8S_DIR = join(ROOT, 'deploy/k8s');

export function yamlFiles(dir = K8S_DIR) {
  return readdirSync(dir, { recursive: true })
    .filter((file) => /\.ya?ml$/.test(file))
    .map((file) => join(dir, file))
    .sort();
}

/** Overlays are complete deployments; base and components are parts of one. */
export const isOverlay = (dir) => relative(K8S_DIR, dir).startsWith('overlays/');

export async function allProblems() {
  const problems = [];
  const section = async (title, run) => {
    try {
      for (const problem of await run()) problems.push(`${title}: ${problem}`);
    } catch (error) {
      problems.push(`${title}: ${error.message}`);
    }
  };
  await section('Dockerfile', () =>
    dockerfileProblems(readRepo('Dockerfile'), readRepo('.dockerignore')),
  );
  await section('entrypoint', () => entrypointProblems(readRepo('deploy/docker/entrypoint.sh')));
  const compose = parseCompose(readRepo('docker-compose.yml'));
  await section('compose schema', () => composeSchemaProblems(compose));
  await section('compose', () => composeProblems(compose));
  for (const file of yamlFiles()) await section(relative(ROOT, file), () => (readYaml(file), []));
  for (const dir of kustomizationDirs(yamlFiles()).filter((d) => !d.includes('/components/'))) {
    const where = relative(ROOT, dir);
    await section(where, async () => {
      const objects = build(dir);
      return [
        ...(await schemaProblems(objects)),
        ...unknownFieldProblems(objects),
        ...deploymentProblems(objects, { complete: isOverlay(dir) }),
      ];
    });
  }
  return problems;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const problems = await allProblems();
  for (const problem of problems) console.error(problem);
  console.log(
    problems.length
      ? `${problems.length} problems`
      : 'Dockerfile, compose and Kubernetes manifests: no problems',
  );
  process.exitCode = problems.length ? 1 : 0;
}
