import 'reflect-metadata';
import { graphql, printType } from 'graphql';
import { Arg, Field, Mutation, ObjectType, Query, Resolver, buildSchema } from 'type-graphql';
import { describe, expect, it } from 'vitest';
import { PayloadErrorType, PayloadErrors, PayloadType } from './payload.js';

@ObjectType()
class Coupon {
  @Field(() => String)
  code!: string;
}

const CouponCreateErrorCode = { TAKEN: 'TAKEN', EXPIRED_WINDOW: 'EXPIRED_WINDOW' } as const;
type CouponCreateErrorCode = (typeof CouponCreateErrorCode)[keyof typeof CouponCreateErrorCode];
const CouponCreateError = PayloadErrorType('CouponCreate', CouponCreateErrorCode);
const CouponCreatePayload = PayloadType('CouponCreate', 'coupon', Coupon, CouponCreateError);

@Resolver()
class CouponResolver {
  @Query(() => Boolean)
  ping(): boolean {
    return true;
  }

  @Mutation(() => CouponCreatePayload)
  couponCreate(@Arg('code', () => String) code: string, @Arg('days', () => Number) days: number) {
    const errors = new PayloadErrors<CouponCreateErrorCode>();
    if (code === 'SALE') errors.add('TAKEN', 'This code is already used.', 'code');
    if (days <= 0) errors.add('EXPIRED_WINDOW', 'The coupon would end before it starts.');
    return errors.any ? { coupon: null, errors: errors.list } : { coupon: { code }, errors: [] };
  }
}

describe('mutation payloads', async () => {
  const schema = await buildSchema({ resolvers: [CouponResolver] });
  const create = (code: string, days: number) =>
    graphql({
      schema,
      source:
        'mutation($code: String!, $days: Float!) { couponCreate(code: $code, days: $days) { coupon { code } errors { code field message } } }',
      variableValues: { code, days },
    });

  it('have the entity, a list of coded errors, and an enum of the codes', () => {
    expect(printType(schema.getType('CouponCreatePayload')!)).toBe(
      'type CouponCreatePayload {\n  """Empty when the mutation succeeded."""\n  errors: [CouponCreateError!]!\n  coupon: Coupon\n}',
    );
    expect(printType(schema.getType('CouponCreateErrorCode')!)).toContain(
      'TAKEN\n  EXPIRED_WINDOW',
    );
    expect(printType(schema.getType('CouponCreateError')!)).toContain(
      'code: CouponCreateErrorCode!',
    );
  });

  it('return the entity and no errors when the rules pass', async () => {
    expect((await create('WELCOME', 7)).data).toEqual({
      couponCreate: { coupon: { code: 'WELCOME' }, errors: [] },
    });
  });

  it('return every broken rule with its code and field, and no entity', async () => {
    expect((await create('SALE', 0)).data).toEqual({
      couponCreate: {
        coupon: null,
        errors: [
          { code: 'TAKEN', field: 'code', message: 'This code is already used.' },
          {
            code: 'EXPIRED_WINDOW',
            field: null,
            message: 'The coupon would end before it starts.',
          },
        ],
      },
    });
  });
});
