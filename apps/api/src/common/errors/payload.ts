// The mutation payload pattern (DESIGN.md convention 3):
//   type ShopUpdatePayload { shop: Shop, errors: [ShopUpdateError!]! }
//   type ShopUpdateError { code: ShopUpdateErrorCode!, field: String, message: String! }
import type { GraphQLScalarType } from 'graphql';
import { type ClassType, Field, ObjectType, registerEnumType } from 'type-graphql';

export interface PayloadErrorShape<Code extends string> {
  code: Code;
  /** Dotted path of the input field at fault ("email", "lines.2.quantity"), or null. */
  field: string | null;
  message: string;
}

/** The `<Name>Error` object type and its `<Name>ErrorCode` enum. */
export function PayloadErrorType<Codes extends Record<string, string>>(name: string, codes: Codes) {
  // A copy per name: type-graphql keys enums by object, and code sets are shared.
  const enumCodes = { ...codes };
  registerEnumType(enumCodes, { name: `${name}ErrorCode` });

  @ObjectType(`${name}Error`, { description: `Why ${name} did not happen; nothing was changed.` })
  class PayloadError implements PayloadErrorShape<Codes[keyof Codes]> {
    @Field(() => enumCodes)
    code!: Codes[keyof Codes];

    @Field(() => String, {
      nullable: true,
      description: 'Input field at fault, as a dotted path; null when none.',
    })
    field!: string | null;

    @Field(() => String, { description: 'Explanation for a person.' })
    message!: string;
  }
  return PayloadError;
}

/** The `<Name>Payload` object type: the entity when it worked, else errors. */
export function PayloadType<Entity extends object, Key extends string>(
  name: string,
  key: Key,
  entity: ClassType<Entity> | GraphQLScalarType | BooleanConstructor | StringConstructor,
  error: ClassType<PayloadErrorShape<string>>,
) {
  @ObjectType(`${name}Payload`)
  class Payload {
    @Field(() => [error], { description: 'Empty when the mutation succeeded.' })
    errors!: PayloadErrorShape<string>[];
  }
  Field(() => entity as ClassType, { nullable: true })(Payload.prototype, key);
  return Payload as ClassType<Payload & { [K in Key]: Entity | null }>;
}

/** Collects errors while a service checks its business rules. */
export class PayloadErrors<Code extends string> {
  readonly list: PayloadErrorShape<Code>[] = [];

  add(code: Code, message: string, field: string | null = null): this {
    this.list.push({ code, field, message });
    return this;
  }

  get any(): boolean {
    return this.list.length > 0;
  }
}

/** `<Name>Payload` with its own `<Name>Error` and `<Name>ErrorCode`. */
export function MutationPayload<
  Entity extends object,
  Key extends string,
  Codes extends Record<string, string>,
>(name: string, key: Key, entity: Parameters<typeof PayloadType<Entity, Key>>[2], codes: Codes) {
  return PayloadType<Entity, Key>(name, key, entity, PayloadErrorType(name, codes));
}
