import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Typed documents for the back-office, generated from the committed contract.
 * Plugins, not the client preset (Apollo advises against the preset): each
 * `.graphql` document under src/ becomes a `TypedDocumentNode` export in
 * src/generated/graphql.ts, so a query that drifts from the schema fails
 * typecheck. The output is git-ignored; `pnpm codegen` (run by turbo before
 * typecheck, lint, test and build) recreates it.
 */
const config: CodegenConfig = {
  overwrite: true,
  schema: '../../packages/schema/schema.graphql',
  documents: ['src/**/*.graphql'],
  generates: {
    'src/generated/graphql.ts': {
      // typescript-operations 6 emits the enums and inputs the documents use itself;
      // adding the `typescript` plugin would declare them twice.
      plugins: ['typescript-operations', 'typed-document-node'],
      config: {
        enumsAsTypes: true,
        // Apollo adds __typename to every selection; typing it keeps test mocks honest.
        nonOptionalTypename: true,
        skipTypeNameForRoot: true,
        useTypeImports: true,
        // Every custom scalar must be mapped here explicitly (e.g. DateTime: 'string').
        strictScalars: true,
        scalars: {
          // ISO 8601 strings on the wire; views format them with Intl.
          DateTime: 'string',
          JSON: 'unknown',
        },
        // @graphql-typed-document-node/core is not a direct dependency; Apollo re-exports the type.
        documentNodeImport: '@apollo/client#TypedDocumentNode',
      },
    },
  },
};

export default config;
