// fast-check arbitraries derived from the GraphQL input types: values of the
// right shape (scalars, enums, nesting, lists within caps) that mix plausible
// data with hostile data (empty, huge, control and unicode strings; boundary
// and unsafe numbers; malformed, random and other owners' ids).
import fc, { type Arbitrary } from 'fast-check';
import {
  type GraphQLInputType,
  type GraphQLArgument,
  type GraphQLInputField,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
} from 'graphql';
import type { IdPools } from './fuzz.fixture.js';

export interface Vocabulary {
  /** Ids by kind, read when a value is drawn (so ids created during the run join in). */
  ids: IdPools;
  emails: string[];
  slugs: string[];
  skus: string[];
  couponCodes: string[];
  password: string;
}

const HOSTILE_STRINGS = [
  '',
  ' ',
  ' \t\n ',
  '\u0000',
  'a\u0000b',
  '\u202e\u200b\ufeff',
  '\ud800',
  '😀👍🏽🇫🇷',
  '𝔘𝔫𝔦𝔠𝔬𝔡𝔢 Ω≈ç√ 漢字 مرحبا',
  "'; DROP TABLE users; --",
  '%_\\',
  '<script>alert(1)</script>',
  '../../etc/passwd',
  'null',
  '0',
  '-1',
  'NaN',
  '1e309',
];

const INT32_MAX = 2_147_483_647;
const INT32_MIN = -2_147_483_648;

const hostileString: Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 3, arbitrary: fc.string({ maxLength: 40, unit: 'grapheme' }) },
  { weight: 2, arbitrary: fc.string({ maxLength: 40, unit: 'binary' }) },
  { weight: 1, arbitrary: fc.constantFrom(5_000, 70_000).map((n) => 'x'.repeat(n)) },
);

/** A string as a person would type it, or a hostile one. */
const plainString = fc.oneof(
  { weight: 4, arbitrary: fc.string({ minLength: 1, maxLength: 30 }) },
  { weight: 3, arbitrary: hostileString },
);

const mixed = <T>(plausible: Arbitrary<T>, hostile: Arbitrary<T>, weight = 3) =>
  fc.oneof({ weight, arbitrary: plausible }, { weight: 1, arbitrary: hostile });

const uuid = fc.uuid();
const malformedId = fc.oneof(
  fc.constantFrom('1', '-1', 'abc', '00000000-0000-0000-0000-000000000000', 'not-a-uuid'),
  hostileString,
);

const pick = (list: () => string[]) =>
  fc.nat().map((i) => {
    const values = list();
    return values.length ? values[i % values.length]! : '00000000-0000-4000-8000-000000000000';
  });

/** The id kind a field name points at: `offerIds` → offer, `pickupStoreId` → store. */
function idKind(name: string, owner: string): string {
  const base = name.replace(/Ids?$/, '');
  if (!base || base === 'id') return owner;
  const known: Record<string, string> = {
    pickupStore: 'store',
    shippingAddress: 'address',
    image: 'image',
    assignment: 'assignment',
    parent: 'category',
  };
  return known[base] ?? base;
}

function idArbitrary(kind: string, vocabulary: Vocabulary): Arbitrary<string> {
  const all = () => Object.values(vocabulary.ids).flat();
  return fc.oneof(
    { weight: 6, arbitrary: pick(() => vocabulary.ids[kind] ?? all()) },
    { weight: 2, arbitrary: pick(all) },
    { weight: 2, arbitrary: uuid },
    { weight: 1, arbitrary: uuid.map((u) => u.toUpperCase()) },
    { weight: 1, arbitrary: malformedId },
  );
}

function intArbitrary(name: string): Arbitrary<number> {
  const lower = name.toLowerCase();
  const boundaries = fc.constantFrom(0, -1, 1, INT32_MAX, INT32_MIN, INT32_MAX - 1);
  let plausible: Arbitrary<number>;
  if (lower.includes('quantity') || lower === 'delta' || lower === 'onhand')
    plausible = fc.integer({ min: -3, max: 60 });
  else if (lower.endsWith('bp')) plausible = fc.integer({ min: -100, max: 10_100 });
  else if (lower === 'day') plausible = fc.integer({ min: -1, max: 8 });
  else if (lower.endsWith('days') || lower.includes('position') || lower.endsWith('limit'))
    plausible = fc.integer({ min: -2, max: 40 });
  else plausible = fc.integer({ min: -1_000, max: 250_000 });
  // Out of GraphQL Int's range or not an integer: the server must refuse it, not crash.
  const outOfRange = fc.constantFrom(INT32_MAX + 1, Number.MAX_SAFE_INTEGER + 2, 1.5, -0.5);
  return fc.oneof(
    { weight: 8, arbitrary: plausible },
    { weight: 3, arbitrary: boundaries },
    { weight: 1, arbitrary: outOfRange },
  );
}

function stringArbitrary(name: string, vocabulary: Vocabulary): Arbitrary<string> {
  const lower = name.toLowerCase();
  if (lower.includes('email'))
    return mixed(
      fc.oneof(
        fc.constantFrom(...vocabulary.emails),
        fc.emailAddress(),
        fc.constantFrom(...vocabulary.emails).map((e) => ` ${e.toUpperCase()} `),
      ),
      hostileString,
    );
  if (lower.includes('password'))
    return mixed(
      fc.oneof(
        fc.constant(vocabulary.password),
        fc.string({ minLength: 12, maxLength: 40 }),
        fc.string({ maxLength: 7 }),
      ),
      hostileString,
    );
  if (lower === 'currency')
    return mixed(fc.constantFrom('USD', 'EUR', 'JPY', 'usd', 'XXX', 'US', 'BHD'), hostileString);
  if (lower === 'country')
    return mixed(fc.constantFrom('FR', 'DE', 'US', 'fr', 'ZZ', 'FRA'), hostileString);
  if (lower === 'slug' || lower === 'categoryslug')
    return mixed(
      fc.oneof(
        fc.constantFrom(...vocabulary.slugs),
        fc.stringMatching(/^[a-z0-9][a-z0-9-]{1,20}[a-z0-9]$/),
      ),
      hostileString,
    );
  if (lower === 'sku')
    return mixed(
      fc.oneof(fc.constantFrom(...vocabulary.skus), fc.stringMatching(/^[A-Z0-9-]{1,20}$/)),
      hostileString,
    );
  if (lower === 'code' || lower === 'couponcode')
    return mixed(
      fc.oneof(fc.constantFrom(...vocabulary.couponCodes), fc.stringMatching(/^[A-Z0-9]{3,12}$/)),
      hostileString,
    );
  if (lower === 'idempotencykey')
    return mixed(
      fc.oneof(uuid, fc.constantFrom('fuzz-key-00000001', 'fuzz-key-00000002')),
      hostileString,
    );
  if (lower.endsWith('url'))
    return mixed(
      fc.oneof(fc.webUrl(), fc.constantFrom('javascript:alert(1)', 'data:text/html,x', 'ftp://x')),
      hostileString,
    );
  if (lower === 'opens' || lower === 'closes')
    return mixed(
      fc.constantFrom('09:00', '18:30', '00:00', '23:59', '24:00', '9:7'),
      hostileString,
    );
  if (lower === 'token')
    return mixed(fc.oneof(uuid, fc.base64String({ minLength: 20, maxLength: 64 })), hostileString);
  return plainString;
}

const dateTime: Arbitrary<string> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .integer({ min: -400, max: 400 })
      .map((days) => new Date(Date.now() + days * 86_400_000).toISOString()),
  },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      '0001-01-01T00:00:00Z',
      '9999-12-31T23:59:59.999Z',
      '1970-01-01T00:00:00Z',
      '2026-02-30T00:00:00Z',
      '2026-11-23T00:00:00+14:00',
    ),
  },
);

const floatArbitrary: Arbitrary<number> = fc.oneof(
  fc.double({ min: -200, max: 200, noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(0, -0, 90, -90, 180, -180, 1e308, -1e308, Number.MIN_VALUE),
);

/** A value a careful client would send: right format, ids of the right kind, small numbers. */
function benignScalar(
  scalar: string,
  name: string,
  kind: string,
  v: Vocabulary,
): Arbitrary<unknown> {
  const lower = name.toLowerCase();
  const days = (min: number, max: number) =>
    fc.integer({ min, max }).map((d) => new Date(Date.now() + d * 86_400_000).toISOString());
  switch (scalar) {
    case 'ID':
      return pick(() => v.ids[kind] ?? Object.values(v.ids).flat());
    case 'Boolean':
      return fc.boolean();
    case 'Float':
      return fc.double({ min: -80, max: 80, noNaN: true });
    case 'DateTime':
      return days(1, 60);
    case 'JSON':
      return fc.jsonValue({ maxDepth: 1 });
    case 'Int':
      if (/quantity|delta|onhand/.test(lower)) return fc.integer({ min: 1, max: 5 });
      if (lower.endsWith('bp')) return fc.integer({ min: 100, max: 5_000 });
      if (lower === 'day') return fc.integer({ min: 0, max: 6 });
      if (lower === 'mindays') return fc.integer({ min: 1, max: 3 });
      if (lower === 'maxdays') return fc.integer({ min: 3, max: 9 });
      if (/days|position|limit/.test(lower)) return fc.integer({ min: 1, max: 10 });
      return fc.integer({ min: 1, max: 50_000 });
    case 'String':
      if (lower.includes('email')) return fc.oneof(fc.constantFrom(...v.emails), fc.emailAddress());
      if (lower.includes('password'))
        return fc.oneof(fc.constant(v.password), fc.stringMatching(/^[A-Za-z0-9]{16,24}$/));
      if (lower === 'currency') return fc.constant('USD');
      if (lower === 'country' || lower === 'countries') return fc.constantFrom('FR', 'DE');
      if (lower === 'barcode') return fc.constant('4006381333931');
      if (lower.includes('slug')) return fc.stringMatching(/^[a-z][a-z0-9-]{3,16}[a-z0-9]$/);
      if (lower === 'sku') return fc.stringMatching(/^[A-Z]{2,4}-[0-9]{2,6}$/);
      if (lower === 'code' || lower === 'couponcode')
        return fc.oneof(fc.constantFrom(...v.couponCodes), fc.stringMatching(/^[A-Z0-9]{4,10}$/));
      if (lower === 'idempotencykey' || lower === 'token') return fc.uuid();
      if (lower.endsWith('url')) return fc.webUrl();
      if (lower === 'opens') return fc.constant('09:00');
      if (lower === 'closes') return fc.constant('18:00');
      if (lower === 'postalcode') return fc.constant('75002');
      return fc.stringMatching(/^[A-Za-z][A-Za-z0-9 ]{2,20}[A-Za-z0-9]$/);
    default:
      throw new Error(`no arbitrary for scalar ${scalar}: add one`);
  }
}

/** Optional fields are left out, sent as null, or sent. */
const optional = <T>(value: Arbitrary<T>): Arbitrary<T | null | undefined> =>
  fc.oneof(
    { weight: 2, arbitrary: fc.constant(undefined) },
    { weight: 1, arbitrary: fc.constant(null) },
    { weight: 4, arbitrary: value },
  );

export class InputArbitraries {
  private readonly objects = new Map<string, Arbitrary<Record<string, unknown>>>();

  /** `hostile`: mix hostile values in; otherwise only what a careful client would send. */
  constructor(
    private readonly vocabulary: Vocabulary,
    private readonly hostile = true,
  ) {}

  /** The arguments of one mutation, as a GraphQL variables object. */
  forArguments(
    args: readonly GraphQLArgument[],
    owner: string,
  ): Arbitrary<Record<string, unknown>> {
    return this.record(args, owner);
  }

  private record(
    fields: readonly (GraphQLArgument | GraphQLInputField)[],
    owner: string,
  ): Arbitrary<Record<string, unknown>> {
    const entries: Record<string, Arbitrary<unknown>> = {};
    for (const field of fields) entries[field.name] = this.value(field.type, field.name, owner, 0);
    return fc
      .record(entries)
      .map((record) =>
        Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)),
      );
  }

  private value(
    type: GraphQLInputType,
    name: string,
    owner: string,
    depth: number,
  ): Arbitrary<unknown> {
    if (!isNonNullType(type)) {
      const value = this.present(type, name, owner, depth);
      if (this.hostile) return optional(value);
      // Careful callers leave out most optional structures (attributes, options, translations).
      const structured = isInputObjectType(getNamedType(type));
      return fc.oneof(
        { weight: structured ? 3 : 1, arbitrary: fc.constant(undefined) },
        { weight: structured ? 1 : 3, arbitrary: value },
      );
    }
    return this.present(type.ofType, name, owner, depth);
  }

  private present(
    inner: GraphQLInputType,
    name: string,
    owner: string,
    depth: number,
  ): Arbitrary<unknown> {
    if (isListType(inner)) {
      const element = this.value(inner.ofType as GraphQLInputType, name, owner, depth + 1);
      if (!this.hostile)
        return fc.array(element, {
          minLength: 1,
          maxLength: isInputObjectType(getNamedType(inner)) ? 1 : 3,
        });
      return fc.oneof(
        { weight: 8, arbitrary: fc.array(element, { maxLength: 4 }) },
        // Past the input list caps (100): refused, and cheaply.
        { weight: 1, arbitrary: fc.array(element, { minLength: 101, maxLength: 130 }) },
      );
    }
    return this.named(getNamedType(inner) as GraphQLInputType, name, owner, depth);
  }

  private named(
    type: GraphQLInputType,
    name: string,
    owner: string,
    depth: number,
  ): Arbitrary<unknown> {
    if (isEnumType(type)) {
      // Careful callers write English first (an English title is required).
      if (!this.hostile && type.name === 'Locale') return fc.constant('EN');
      return fc.constantFrom(...type.getValues().map((v) => v.name));
    }
    if (isInputObjectType(type)) {
      let object = this.objects.get(`${type.name}/${owner}`);
      if (!object) {
        // Input types nest without cycles here; the depth guard keeps a future one finite.
        if (depth > 4) return fc.constant({});
        object = this.record(Object.values(type.getFields()), owner);
        this.objects.set(`${type.name}/${owner}`, object);
      }
      return object;
    }
    if (!isScalarType(type)) throw new Error(`unexpected input type ${String(type)}`);
    if (!this.hostile) return benignScalar(type.name, name, idKind(name, owner), this.vocabulary);
    switch (type.name) {
      case 'ID':
        return idArbitrary(idKind(name, owner), this.vocabulary);
      case 'Int':
        return intArbitrary(name);
      case 'Float':
        return floatArbitrary;
      case 'Boolean':
        return fc.boolean();
      case 'String':
        return stringArbitrary(name, this.vocabulary);
      case 'DateTime':
        return dateTime;
      case 'JSON':
        return fc.jsonValue({ maxDepth: 2 });
      default:
        throw new Error(`no arbitrary for scalar ${type.name}: add one`);
    }
  }
}

/** The id kind a mutation's own `id` argument names: `orderShip` → order, `productImageAdd` → image. */
export function ownerKind(mutation: string, kinds: string[]): string {
  const special: Record<string, string> = {
    productImage: 'image',
    productImages: 'image',
    withdrawal: 'withdrawal',
    purchasePayment: 'purchase',
    cartLines: 'line',
    roleWithdraw: 'assignment',
    staffMember: 'user',
  };
  for (const [prefix, kind] of Object.entries(special))
    if (mutation.startsWith(prefix)) return kind;
  const byLength = [...kinds].sort((a, b) => b.length - a.length);
  return byLength.find((kind) => mutation.startsWith(kind)) ?? 'any';
}

/** A copy of `variables` with every scalar passed through `change(scalarName, value)`. */
export function mapScalars(
  args: readonly GraphQLArgument[],
  variables: Record<string, unknown>,
  change: (scalar: string, value: unknown) => unknown,
): Record<string, unknown> {
  const walk = (type: GraphQLInputType, value: unknown): unknown => {
    if (value === null || value === undefined) return value;
    if (isNonNullType(type)) return walk(type.ofType, value);
    if (isListType(type))
      return (value as unknown[]).map((item) => walk(type.ofType as GraphQLInputType, item));
    if (isInputObjectType(type)) {
      const fields = type.getFields();
      return Object.fromEntries(
        Object.entries(value as Record<string, unknown>).map(([key, item]) => [
          key,
          walk(fields[key]!.type, item),
        ]),
      );
    }
    return isScalarType(type) ? change(type.name, value) : value;
  };
  return Object.fromEntries(
    args
      .filter((arg) => arg.name in variables)
      .map((arg) => [arg.name, walk(arg.type, variables[arg.name])]),
  );
}
