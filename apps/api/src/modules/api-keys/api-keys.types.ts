import { Permission } from '@bazaar/schema';
import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { DateTimeScalar } from '../../common/graphql/scalars.js';
import { PayloadErrorType, type PayloadErrorShape } from '../../common/errors/payload.js';

@ObjectType({ description: 'A key a third party sends as `Authorization: Bearer <key>`.' })
export class ApiKey {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { description: "The key's public beginning, to recognise it." })
  prefix!: string;

  @Field(() => [Permission])
  permissions!: Permission[];

  sellerId!: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  expiresAt!: Date | null;

  @Field(() => DateTimeScalar, { nullable: true })
  revokedAt!: Date | null;

  @Field(() => DateTimeScalar, { nullable: true })
  lastUsedAt!: Date | null;

  @Field(() => DateTimeScalar)
  createdAt!: Date;
}

@InputType()
export class ApiKeyCreateInput {
  @Field(() => String)
  name!: string;

  @Field(() => [Permission])
  permissions!: Permission[];

  @Field(() => ID, { nullable: true })
  sellerId?: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  expiresAt?: Date | null;
}

export const ApiKeyErrorCode = {
  NOT_FOUND: 'NOT_FOUND',
  NAME_REQUIRED: 'NAME_REQUIRED',
  PERMISSION_NOT_HELD: 'PERMISSION_NOT_HELD',
  SELLER_NOT_FOUND: 'SELLER_NOT_FOUND',
  EXPIRY_IN_PAST: 'EXPIRY_IN_PAST',
} as const;
const ApiKeyCreateError = PayloadErrorType('ApiKeyCreate', ApiKeyErrorCode);
const ApiKeyRevokeError = PayloadErrorType('ApiKeyRevoke', {
  NOT_FOUND: ApiKeyErrorCode.NOT_FOUND,
});

@ObjectType()
export class ApiKeyCreatePayload {
  @Field(() => ApiKey, { nullable: true })
  apiKey!: ApiKey | null;

  @Field(() => String, {
    nullable: true,
    description: 'The whole key, shown this once: store it now.',
  })
  secret!: string | null;

  @Field(() => [ApiKeyCreateError])
  errors!: PayloadErrorShape<string>[];
}

@ObjectType()
export class ApiKeyRevokePayload {
  @Field(() => ApiKey, { nullable: true })
  apiKey!: ApiKey | null;

  @Field(() => [ApiKeyRevokeError])
  errors!: PayloadErrorShape<string>[];
}
