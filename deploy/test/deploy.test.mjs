// The deployment files pass every offline check, and each check catches the
// mistake it exists for (a copy of the real files, broken on purpose).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { join } from 'node:path';
import { parseCompose, composeProblems, composeSchemaProblems } from '../checks/compose.mjs';
import {
  dockerfileProblems,
  dockerignore,
  entrypointProblems,
  readRepo,
} from '../checks/dockerfile.mjs';
import { KustomizeError, applyJsonPatch, build, readYaml } from '../checks/kustomize.mjs';
import { deploymentProblems, schemaProblems, unknownFieldProblems } from '../checks/kubernetes.mjs';
import { K8S_DIR, allProblems, yamlFiles } from '../validate.mjs';

const dockerfile = readRepo('Dockerfile');
const ignore = readRepo('.dockerignore');
const entrypoint = readRepo('deploy/docker/entrypoint.sh');
const compose = () => parseCompose(readRepo('docker-compose.yml'));
const overlay = () => build(join(K8S_DIR, 'overlays/example'));
const find = (objects, kind, name) =>
  objects.find((o) => o.kind === kind && (!name || o.metadata.name === name));
const apiContainer = (objects) =>
  find(objects, 'Deployment', 'bazaar-api').spec.template.spec.containers[0];
const includes = (problems, text) =>
  assert.ok(
    problems.some((p) => p.includes(text)),
    `expected a problem with "${text}", got:\n${problems.join('\n')}`,
  );

describe('the real deployment files', () => {
  it('have no problems', async () => {
    assert.deepEqual(await allProblems(), []);
  });

  it('render the example overlay into every piece the deployment needs', () => {
    const objects = overlay();
    const kinds = objects.map((o) => `${o.kind}/${o.metadata.name}`).sort();
    for (const expected of [
      'ConfigMap/bazaar-config',
      'Deployment/bazaar-api',
      'Service/bazaar-api',
      'Ingress/bazaar',
      'PodDisruptionBudget/bazaar-api',
      'HorizontalPodAutoscaler/bazaar-api',
      'Job/bazaar-migrate',
      'StatefulSet/bazaar-meilisearch',
      'Cluster/bazaar-db',
    ])
      assert.ok(kinds.includes(expected), `${expected} missing from ${kinds.join(', ')}`);
    assert.ok(
      objects.filter((o) => o.kind !== 'Namespace').every((o) => o.metadata.namespace === 'bazaar'),
    );
    assert.equal(apiContainer(objects).image, 'registry.example.com/bazaar:1.0.0');
    assert.equal(
      find(objects, 'Job').spec.template.spec.containers[0].image,
      'registry.example.com/bazaar:1.0.0',
    );
    assert.deepEqual(apiContainer(objects).env, [
      { name: 'DATABASE_URL', valueFrom: { secretKeyRef: { name: 'bazaar-db-app', key: 'uri' } } },
    ]);
  });

  it('parse as YAML, every file', () => {
    assert.ok(yamlFiles().length >= 15);
    for (const file of yamlFiles()) assert.ok(readYaml(file).length >= 1, file);
  });
});

describe('Kubernetes checks catch', () => {
  it('too few replicas, wrong probe paths and selectors that miss the pods', () => {
    const objects = overlay();
    find(objects, 'Deployment').spec.replicas = 1;
    apiContainer(objects).readinessProbe.httpGet.path = '/ready';
    find(objects, 'PodDisruptionBudget').spec.selector.matchLabels['app.kubernetes.io/component'] =
      'web';
    find(objects, 'HorizontalPodAutoscaler').spec.scaleTargetRef.name = 'api';
    find(objects, 'Service', 'bazaar-api').spec.ports[0].targetPort = 'web';
    const problems = deploymentProblems(objects, { complete: true });
    includes(problems, 'replicas must be at least 2');
    includes(problems, 'readinessProbe must GET /readyz, not /ready');
    includes(problems, 'path /ready is not a route of the API');
    includes(
      problems,
      "PodDisruptionBudget/bazaar-api: selector must equal the Deployment's selector",
    );
    includes(problems, 'scaleTargetRef must be apps/v1 Deployment bazaar-api');
    includes(problems, 'targetPort web is not a container port');
  });

  it('two images, a shutdown that cannot finish, root and writable containers', () => {
    const objects = overlay();
    find(objects, 'Job').spec.template.spec.containers[0].image = 'bazaar:other';
    find(objects, 'Deployment').spec.template.spec.terminationGracePeriodSeconds = 8;
    apiContainer(objects).securityContext.readOnlyRootFilesystem = false;
    find(objects, 'Deployment').spec.template.spec.securityContext.runAsNonRoot = false;
    const problems = deploymentProblems(objects, { complete: true });
    includes(problems, 'must use one image');
    includes(problems, 'terminationGracePeriodSeconds (8) must cover');
    includes(problems, 'must have a read-only root filesystem');
    includes(problems, 'must run as non-root');
  });

  it('variables the API does not read, empty values and missing Secrets', () => {
    const objects = overlay();
    find(objects, 'ConfigMap').data.DATABSE_POOL_SIZE = '5';
    find(objects, 'ConfigMap').data.SMTP_URL = '';
    objects.splice(objects.indexOf(find(objects, 'Secret', 'bazaar-meilisearch')), 1);
    const problems = deploymentProblems(objects, { complete: true });
    includes(problems, 'DATABSE_POOL_SIZE is not read by apps/api/src/env.ts');
    includes(problems, 'SMTP_URL is empty');
    includes(problems, 'StatefulSet/bazaar-meilisearch: Secret bazaar-meilisearch is missing');
  });

  it('schema violations and misspelt fields', async () => {
    const objects = overlay();
    find(objects, 'Deployment').spec.replicas = 'two';
    apiContainer(objects).livenesProbe = { httpGet: { path: '/healthz', port: 'http' } };
    find(objects, 'Cluster').spec.instances = 1;
    includes(
      await schemaProblems(objects),
      'Deployment/bazaar-api: data/spec/replicas must be integer',
    );
    includes(await schemaProblems(objects), 'Cluster/bazaar-db: spec.instances must be at least 2');
    const typo = overlay();
    apiContainer(typo).livenesProbe = { httpGet: { path: '/healthz', port: 'http' } };
    includes(unknownFieldProblems(typo), `'"livenesProbe"' does not exist in type 'IContainer'`);
  });

  it('kustomizations that point at nothing or use what the renderer cannot do', () => {
    assert.throws(
      () => applyJsonPatch({ spec: {} }, [{ op: 'replace', path: '/spec/replicas', value: 3 }]),
      KustomizeError,
    );
    assert.throws(
      () => build(join(K8S_DIR, 'components/meilisearch')),
      /kind must be Kustomization/,
    );
  });
});

describe('compose checks catch', () => {
  it('schema violations', () => {
    const doc = compose();
    doc.services.api.healthcheck.intervall = '5s';
    includes(composeSchemaProblems(doc), 'additionalProperty":"intervall"');
  });

  it('start order without health checks, a skipped migration, the wrong PostgreSQL', async () => {
    const doc = compose();
    delete doc.services.meilisearch.healthcheck;
    delete doc.services.api.depends_on.migrate;
    doc.services.postgres.image = 'postgres:16';
    const problems = await composeProblems(doc);
    includes(problems, 'waits for meilisearch to be healthy, but it has no healthcheck');
    includes(problems, 'must wait for migrate with condition service_completed_successfully');
    includes(problems, 'image must be PostgreSQL 18');
  });

  it('values the API refuses and a database URL that misses the database service', async () => {
    const doc = compose();
    doc.services.api.environment.STRIPE_SECRET_KEY = '${STRIPE_SECRET_KEY:-}';
    doc.services.api.environment.PUBLIC_URL = 'localhost';
    doc.services.api.environment.DATABASE_URL = 'postgresql://bazaar:x@db:5432/bazaar';
    const problems = await composeProblems(doc);
    includes(problems, 'STRIPE_SECRET_KEY resolves to an empty value');
    includes(problems, 'PUBLIC_URL: Invalid URL');
    const wrongHost = compose();
    wrongHost.services.api.environment.DATABASE_URL =
      'postgresql://bazaar:${POSTGRES_PASSWORD}@db:5432/bazaar';
    includes(await composeProblems(wrongHost), 'DATABASE_URL host db is not a service');
  });
});

describe('Dockerfile checks catch', () => {
  it('an SPA copied where the API does not look, a root user, a wrong port', () => {
    const broken = dockerfile
      .replace('/app/backoffice/dist\n', '/app/admin/dist\n')
      .replace('USER 1000:1000', 'USER root')
      .replace('EXPOSE 4000', 'EXPOSE 8080');
    const problems = dockerfileProblems(broken, ignore);
    includes(problems, 'the API looks for an SPA in /app/backoffice/dist, which no COPY fills');
    includes(problems, 'USER must be a numeric non-root uid');
    includes(problems, 'EXPOSE 8080 must equal ENV PORT 4000');
  });

  it('another pnpm, a file the context lacks; every API import declared even without hoisting', () => {
    const broken = dockerfile
      .replace('--config.node-linker=hoisted ', '')
      .replace('pnpm@10.34.9', 'pnpm@9.0.0')
      .replace('COPY pnpm-lock.yaml', 'COPY pnpm-lock.yaml missing.txt');
    const problems = dockerfileProblems(broken, ignore);
    // pg, once only reachable through the hoisted layout, is declared by apps/api now.
    assert.ok(
      !problems.some((problem) => problem.includes('without declaring it')),
      problems.join('\n'),
    );
    includes(problems, 'pnpm must be installed as pnpm@10.34.9');
    includes(problems, 'COPY missing.txt: not in the repository');
  });

  it('a .dockerignore that drops what the build needs or keeps what it must not', () => {
    const problems = dockerfileProblems(dockerfile, `${ignore}\nscripts\n!**/node_modules\n`);
    includes(problems, '.dockerignore excludes scripts/precompress.mjs');
    includes(problems, '.dockerignore must exclude node_modules');
    const ignored = dockerignore('**/dist\n!apps/api/dist/keep\n');
    assert.equal(ignored('apps/storefront/dist/index.html'), true);
    assert.equal(ignored('apps/api/dist/keep'), false);
    assert.equal(ignored('apps/api/src/main.ts'), false);
  });

  it('an entrypoint that no longer runs the migration runner', () => {
    const problems = entrypointProblems(
      entrypoint.replace('dist/cli.js migrate', 'dist/migrate.js'),
    );
    includes(problems, "entrypoint migrate must run @bazaar/db's dist/cli.js migrate");
  });
});
