import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Typed documents for the storefront, generated from the committed SDL.
 *
 * Plain plugins (typescript + typescript-operations + typed-document-node), not the
 * client preset: every `.graphql` document under src/ becomes a `TypedDocumentNode`
 * in src/generated/graphql.ts (git-ignored, rebuilt by `pnpm codegen`). A document
 * that no longer matches the schema fails here, and a field a component reads that
 * its fragment does not select fails typecheck.
 */
const config: CodegenConfig = {
  schema: '../../packages/schema/schema.graphql',
  documents: ['src/**/*.graphql'],
  ignoreNoDocuments: false,
  errorsOnly: true,
  generates: {
    'src/generated/graphql.ts': {
      plugins: ['typescript', 'typescript-operations', 'typed-document-node'],
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
        scalars: {},
      },
    },
  },
};

export default config;
