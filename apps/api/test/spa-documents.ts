// The GraphQL documents the single-page apps send: every `.graphql` file under
// apps/<app>/src, each operation together with the fragments it spreads
// (looked up across all files of the same app, transitively), with the
// `__typename` Apollo Client adds to every selection below the root (it counts
// towards the cost limit). Tests run them through the API's own validation
// rules so a document the server would refuse is caught here, not in a browser.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import {
  type DefinitionNode,
  type DocumentNode,
  type FragmentDefinitionNode,
  Kind,
  type OperationDefinitionNode,
  type GraphQLSchema,
  type SelectionSetNode,
  parse,
  print,
  type ValidationRule,
  validate,
  visit,
} from 'graphql';
import { COST_WEIGHTS } from '../src/common/graphql/limits.js';

export type SpaApp = 'storefront' | 'backoffice';

export interface SpaOperation {
  app: SpaApp;
  /** The operation's name (anonymous operations are refused). */
  name: string;
  /** Path from the repository root. */
  file: string;
  /** The operation followed by every fragment it needs. */
  document: DocumentNode;
  /** `document` printed, as a client sends it. */
  source: string;
}

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

function graphqlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.graphql'))
    .map((entry) => join(entry.parentPath, entry.name))
    .filter((path) => !path.includes('/generated/'))
    .sort();
}

function spreadNames(node: DefinitionNode): string[] {
  const names: string[] = [];
  visit(node, {
    FragmentSpread(spread) {
      names.push(spread.name.value);
    },
  });
  return names;
}

const TYPENAME = { kind: Kind.FIELD, name: { kind: Kind.NAME, value: '__typename' } } as const;

/** The definition as Apollo Client sends it: `__typename` in every selection set but the operation's own. */
function withTypenames<Node extends DefinitionNode>(definition: Node): Node {
  return visit(definition, {
    SelectionSet(set: SelectionSetNode, _key, parent) {
      if (parent && 'kind' in parent && parent.kind === Kind.OPERATION_DEFINITION) return undefined;
      const has = set.selections.some(
        (selection) => selection.kind === Kind.FIELD && selection.name.value === '__typename',
      );
      return has ? undefined : { ...set, selections: [...set.selections, TYPENAME] };
    },
  });
}

/** Every operation of the app, each with the fragments it uses. Throws on a missing or twice-defined fragment. */
export function spaOperations(app: SpaApp): SpaOperation[] {
  const fragments = new Map<string, { definition: FragmentDefinitionNode; file: string }>();
  const operations: { definition: OperationDefinitionNode; file: string }[] = [];
  for (const path of graphqlFiles(join(repoRoot, 'apps', app, 'src'))) {
    const file = relative(repoRoot, path);
    for (const definition of parse(readFileSync(path, 'utf8')).definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) {
        const name = definition.name.value;
        const existing = fragments.get(name);
        if (existing)
          throw new Error(`Fragment ${name} is defined in ${existing.file} and in ${file}.`);
        fragments.set(name, { definition, file });
      } else if (definition.kind === Kind.OPERATION_DEFINITION) {
        operations.push({ definition, file });
      }
    }
  }
  return operations.map(({ definition, file }) => {
    const name = definition.name?.value;
    if (!name) throw new Error(`An anonymous operation in ${file}: name it.`);
    const needed = new Map<string, FragmentDefinitionNode>();
    const pending = spreadNames(definition);
    while (pending.length > 0) {
      const fragmentName = pending.pop()!;
      if (needed.has(fragmentName)) continue;
      const fragment = fragments.get(fragmentName);
      if (!fragment)
        throw new Error(`${name} (${file}) spreads ${fragmentName}, defined nowhere in ${app}.`);
      needed.set(fragmentName, withTypenames(fragment.definition));
      pending.push(...spreadNames(fragment.definition));
    }
    const document: DocumentNode = {
      kind: Kind.DOCUMENT,
      definitions: [withTypenames(definition), ...needed.values()],
    };
    return { app, name, file, document, source: print(document) };
  });
}

/** One operation by name (throws when the app has none of that name). */
export function spaOperation(app: SpaApp, name: string): SpaOperation {
  const found = spaOperations(app).find((operation) => operation.name === name);
  if (!found) throw new Error(`No operation ${name} in ${app}.`);
  return found;
}

/** The cost the server's cost rule (limits.ts) gives each operation of a document. */
export function operationCosts(schema: GraphQLSchema, document: DocumentNode): number[] {
  const costs: number[] = [];
  const rule = costLimitRule({
    maxCost: Number.POSITIVE_INFINITY,
    ...COST_WEIGHTS,
    ignoreIntrospection: true,
    onAccept: [(_context, { n }) => costs.push(n)],
  }) as ValidationRule;
  validate(schema, document, [rule]);
  return costs;
}
