// Relay connections (DESIGN.md convention 5): `first`/`after`, edges, pageInfo
// and a totalCount computed only when asked for. Cursors are opaque base64url
// JSON of the keyset the service sorts by, so pages stay stable while rows are
// added and deep pages cost no OFFSET scan.
import { Max, Min } from 'class-validator';
import { ArgsType, type ClassType, Field, Int, ObjectType } from 'type-graphql';
import { BadInputError } from '../errors/errors.js';
import { isUuid } from '../ids/uuid.js';

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

@ArgsType()
export class ConnectionArgs {
  @Field(() => Int, { defaultValue: DEFAULT_PAGE_SIZE, description: `At most ${MAX_PAGE_SIZE}.` })
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  first: number = DEFAULT_PAGE_SIZE;

  @Field(() => String, { nullable: true, description: 'endCursor of the previous page.' })
  after?: string | null;
}

@ObjectType()
export class PageInfo {
  @Field(() => Boolean)
  hasNextPage!: boolean;

  @Field(() => Boolean)
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true })
  startCursor!: string | null;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

export function encodeCursor(key: unknown): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/** The keyset inside a cursor; a cursor that was not made by encodeCursor is refused. */
export function decodeCursor<Key>(cursor: string, isKey: (value: unknown) => value is Key): Key {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    value = undefined;
  }
  if (!isKey(value))
    throw new BadInputError('This cursor is not valid here.', [
      { field: 'after', message: 'Invalid cursor.' },
    ]);
  return value;
}

/** The keyset of a list ordered by a timestamp, then id: [ISO time, uuid]. */
export type TimeIdKey = [string, string];
export const isTimeIdKey = (value: unknown): value is TimeIdKey =>
  Array.isArray(value) &&
  value.length === 2 &&
  typeof value[0] === 'string' &&
  !Number.isNaN(Date.parse(value[0])) &&
  typeof value[1] === 'string' &&
  isUuid(value[1]);

export interface ConnectionShape<Node> {
  edges: { cursor: string; node: Node }[];
  pageInfo: PageInfo;
  count: () => Promise<number>;
}

export interface ConnectionTypeOptions {
  /** The edge type's name when it is not `<Name>Edge` (e.g. PriceHistoryConnection of PriceChangeEdge). */
  edgeName?: string;
  /** What `totalCount` promises, when it differs from the usual (e.g. a capped count). */
  totalCountDescription?: string;
}

/**
 * The `<Name>Connection` object type for a node type, with its `<Name>Edge`
 * type as the static `Edge` (for lists that build edges of their own, like search).
 */
export function ConnectionType<Node extends object>(
  name: string,
  node: ClassType<Node>,
  options: ConnectionTypeOptions = {},
) {
  @ObjectType(options.edgeName ?? `${name}Edge`)
  class Edge {
    @Field(() => String)
    cursor!: string;

    @Field(() => node)
    node!: Node;
  }

  @ObjectType(`${name}Connection`)
  class Connection implements ConnectionShape<Node> {
    static readonly Edge = Edge;

    @Field(() => [Edge])
    edges!: Edge[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;

    count!: () => Promise<number>;

    // A method field: the count query runs only when a client selects it.
    @Field(() => Int, {
      description:
        options.totalCountDescription ??
        'Number of nodes across all pages; computed only when selected.',
    })
    totalCount(): Promise<number> {
      return this.count();
    }
  }
  return Connection;
}

/**
 * Builds a connection from rows fetched with `take: first + 1` after the
 * cursor's keyset: the extra row only tells whether a next page exists.
 */
export function connectionFromRows<Row, Node = Row>(
  rows: Row[],
  args: Pick<ConnectionArgs, 'first' | 'after'>,
  options: {
    cursorOf: (row: Row) => unknown;
    count: () => Promise<number>;
    toNode?: (row: Row) => Node;
  },
): ConnectionShape<Node> {
  const page = rows.slice(0, args.first);
  const edges = page.map((row) => ({
    cursor: encodeCursor(options.cursorOf(row)),
    node: options.toNode ? options.toNode(row) : (row as unknown as Node),
  }));
  return {
    edges,
    pageInfo: {
      hasNextPage: rows.length > args.first,
      hasPreviousPage: Boolean(args.after),
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    count: options.count,
  };
}
