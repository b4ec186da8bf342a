// One GraphQL document per mutation, built from the schema: every argument
// passed as a variable of its declared type, and a selection of the payload
// that reads its errors and the ids of what it returns.
import {
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLSchema,
  getNamedType,
  isLeafType,
  isObjectType,
} from 'graphql';

export interface MutationDocument {
  name: string;
  query: string;
  field: GraphQLField<unknown, unknown>;
}

function selection(type: GraphQLObjectType): string {
  const parts = ['__typename'];
  for (const field of Object.values(type.getFields())) {
    if (field.args.some((arg) => arg.type.toString().endsWith('!'))) continue;
    const named = getNamedType(field.type);
    if (isLeafType(named)) parts.push(field.name);
    else if (field.name === 'errors' && isObjectType(named))
      parts.push(`errors { ${Object.keys(named.getFields()).join(' ')} }`);
    else if (isObjectType(named))
      parts.push(`${field.name} { __typename ${named.getFields()['id'] ? 'id' : ''} }`);
  }
  return parts.join(' ');
}

export function mutationDocuments(schema: GraphQLSchema): MutationDocument[] {
  const mutation = schema.getMutationType();
  if (!mutation) return [];
  return Object.values(mutation.getFields()).map((field) => {
    const variables = field.args.map((arg) => `$${arg.name}: ${arg.type.toString()}`).join(', ');
    const args = field.args.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
    const returned = getNamedType(field.type);
    const body = isObjectType(returned) ? ` { ${selection(returned)} }` : '';
    const query = `mutation Fuzz${variables ? `(${variables})` : ''} { ${field.name}${
      args ? `(${args})` : ''
    }${body} }`;
    return { name: field.name, query, field };
  });
}
