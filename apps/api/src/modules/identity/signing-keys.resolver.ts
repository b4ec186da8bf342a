import type { SigningKey as SigningKeyRow } from '@bazaar/db';
import { Permission } from '@bazaar/schema';
import { Ctx, Field, ID, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { Allow } from '../../common/auth/access.js';
import { PayloadErrorType, PayloadType } from '../../common/errors/payload.js';
import { DateTimeScalar } from '../../common/graphql/scalars.js';
import type { Context } from '../../context.js';
import { recordAudit } from '../audit/audit.service.js';
import type { KeyRing } from './key-ring.js';

@ObjectType({ description: 'A key that signs or verifies access tokens.' })
export class SigningKey {
  @Field(() => ID, { description: 'The `kid` in token headers.' })
  id!: string;

  @Field(() => String)
  algorithm!: string;

  @Field(() => DateTimeScalar)
  createdAt!: Date;

  @Field(() => Boolean, { description: 'The key signing new tokens; others only verify.' })
  current!: boolean;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'When a rotated-out key stops verifying (its last tokens have expired).',
  })
  retiresAt!: Date | null;
}

const SigningKeyRotatePayload = PayloadType(
  'SigningKeyRotate',
  'signingKey',
  SigningKey,
  PayloadErrorType('SigningKeyRotate', { UNAVAILABLE: 'UNAVAILABLE' }),
);

function toSigningKey(ring: KeyRing, row: SigningKeyRow): SigningKey {
  return {
    id: row.id,
    algorithm: row.algorithm,
    createdAt: row.createdAt,
    current: !row.rotatedAt,
    retiresAt: row.rotatedAt ? ring.retiresAt(row.rotatedAt) : null,
  };
}

@Resolver()
export class SigningKeysResolver {
  @Query(() => [SigningKey], { description: 'Keys that still verify, newest first.' })
  @Allow(Permission.SIGNING_KEYS_MANAGE)
  async signingKeys(@Ctx() ctx: Context) {
    const ring = ctx.services.keyRing;
    return (await ring.liveKeys()).map((row) => toSigningKey(ring, row));
  }

  @Mutation(() => SigningKeyRotatePayload, {
    description: 'A new key signs from now on; the old one verifies until its tokens expire.',
  })
  @Allow(Permission.SIGNING_KEYS_MANAGE)
  async signingKeyRotate(@Ctx() ctx: Context) {
    const ring = ctx.services.keyRing;
    const created = await ring.rotate((tx, key) =>
      recordAudit(tx, ctx, {
        type: 'SIGNING_KEY_ROTATED',
        actorId: ctx.session.userId,
        details: { kid: key.id },
      }),
    );
    return { signingKey: toSigningKey(ring, created), errors: [] };
  }
}
