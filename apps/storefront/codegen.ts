import { readdirSync } from 'node:fs';
import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Typed documents for the storefront, generated from the committed SDL.
 *
 * Plain plugins (typescript-operations + typed-document-node), not the client preset:
 * every `.graphql` document under src/ becomes a `TypedDocumentNode` in src/generated/
 * (git-ignored, rebuilt by `pnpm codegen`). A document that no longer matches the
 * schema fails here, and a field a component reads that its fragment does not select
 * fails typecheck.
 *
 * One output per lazily loaded feature (src/generated/<feature>.ts): a generated file
 * is one module, and the bundler keeps a module whole in the chunk of its first
 * importer. With a single file, every page's documents would ride in the entry chunk.
 * What the shell needs on every page (shared/, shell, status) goes to graphql.ts.
 */
const ENTRY_FEATURES = ['shell', 'status'];

/**
 * Fragments that components of several lazy features share (the product card):
 * each feature's output gets their definitions too, so its operations can spread
 * them. Only their types are imported across features; a generated document is
 * inlined into each operation that uses it.
 */
const SHARED_FRAGMENTS = 'src/shared/catalog/**/*.graphql';

const lazyFeatures = readdirSync('src/features', { withFileTypes: true, recursive: false })
  .filter((entry) => entry.isDirectory() && !ENTRY_FEATURES.includes(entry.name))
  .map((entry) => entry.name)
  .filter((name) =>
    readdirSync(`src/features/${name}`, { recursive: true }).some((file) =>
      String(file).endsWith('.graphql'),
    ),
  );

const output = {
  // typescript-operations 6 emits the enums and inputs the documents use itself;
  // adding the `typescript` plugin would declare them twice.
  plugins: ['typescript-operations', 'typed-document-node'],
  config: {
    enumsAsTypes: true,
    useTypeImports: true,
    // Results always carry every selected key (null rather than absent); nullable
    // input fields may still be left out.
    avoidOptionals: { field: true, object: true, inputValue: false, defaultValue: false },
    // Apollo's cache adds __typename to every selection but the root.
    nonOptionalTypename: true,
    skipTypeNameForRoot: true,
    // Apollo Client 4 re-exports the type; no extra dependency needed.
    documentNodeImport: '@apollo/client#TypedDocumentNode',
    // A custom scalar without a mapping below fails codegen instead of becoming `any`.
    strictScalars: true,
    scalars: {
      // ISO 8601 strings on the wire; parse where a Date is needed.
      DateTime: 'string',
      JSON: 'unknown',
    },
  },
};

const config: CodegenConfig = {
  schema: '../../packages/schema/schema.graphql',
  ignoreNoDocuments: false,
  errorsOnly: true,
  generates: {
    'src/generated/graphql.ts': {
      ...output,
      documents: [
        'src/app/**/*.graphql',
        'src/shared/**/*.graphql',
        `src/features/{${ENTRY_FEATURES.join(',')}}/**/*.graphql`,
      ],
    },
    ...Object.fromEntries(
      lazyFeatures.map((name) => [
        `src/generated/${name}.ts`,
        { ...output, documents: [`src/features/${name}/**/*.graphql`, SHARED_FRAGMENTS] },
      ]),
    ),
  },
};

export default config;
