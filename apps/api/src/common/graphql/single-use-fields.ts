import { GraphQLError, type ValidationRule } from 'graphql';

/**
 * Refuses a document that asks for one of these root fields more than once
 * (through aliases or several operations), so a single request cannot try
 * many passwords. HTTP batching is off in Apollo Server by default.
 */
export function singleUseFields(fields: readonly string[]): ValidationRule {
  const watched = new Set(fields);
  return (context) => {
    const seen = new Map<string, number>();
    return {
      OperationDefinition(operation) {
        for (const selection of operation.selectionSet.selections) {
          if (selection.kind !== 'Field' || !watched.has(selection.name.value)) continue;
          const count = (seen.get(selection.name.value) ?? 0) + 1;
          seen.set(selection.name.value, count);
          if (count === 2)
            context.reportError(
              new GraphQLError(`${selection.name.value} may appear only once per request.`, {
                nodes: selection,
              }),
            );
        }
      },
    };
  };
}
