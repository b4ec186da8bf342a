// Every Query and Mutation field declares who may call it, with exactly one of
// these decorators. The declaration travels in the field's GraphQL extensions,
// so assertEveryRootFieldDeclaresAccess() can refuse a schema that forgets one
// (default deny), and the guard enforces it before the resolver runs. The
// guard also refuses text PostgreSQL cannot store (unstorable-text.ts).
import type { Permission } from '@bazaar/schema';
import { type GraphQLSchema, isObjectType } from 'graphql';
import { Extensions, type MiddlewareFn, UseMiddleware } from 'type-graphql';
import type { Context } from '../../context.js';
import { ForbiddenError, UnauthenticatedError } from '../errors/errors.js';
import { assertStorableText } from '../graphql/unstorable-text.js';
import { canAnywhere } from './session.js';

export type Access =
  | { kind: 'public'; signIn?: true }
  | { kind: 'authenticated' }
  | { kind: 'permission'; anyOf: readonly Permission[] };

function declare(access: Access): MethodDecorator {
  const guard: MiddlewareFn<Context> = ({ context, args }, next) => {
    checkAccess(access, context);
    assertStorableText(args);
    return next();
  };
  const extensions = Extensions({ access });
  const middleware = UseMiddleware(guard);
  return (target, key, descriptor) => {
    extensions(target, key, descriptor);
    middleware(target, key, descriptor);
  };
}

/** Anyone, signed in or not. */
export const Public = (): MethodDecorator => declare({ kind: 'public' });

/**
 * Public fields that sign in or out (login, refresh, logout, resets): they
 * work even when the request carries an expired or revoked access token.
 */
export const SignIn = (): MethodDecorator => declare({ kind: 'public', signIn: true });

/** Any signed-in user; what they may touch is checked by the service (ownership). */
export const Authenticated = (): MethodDecorator => declare({ kind: 'authenticated' });

/**
 * A user or API key holding at least one of these permissions, platform-wide
 * or within some seller; the service then checks the seller at hand.
 */
export const Allow = (...anyOf: [Permission, ...Permission[]]): MethodDecorator =>
  declare({ kind: 'permission', anyOf });

export function checkAccess(
  access: Access,
  { session, sessionProblem }: Pick<Context, 'session' | 'sessionProblem'>,
): void {
  // A bad token fails the request, so the client refreshes instead of acting signed out.
  if (sessionProblem && !(access.kind === 'public' && access.signIn)) throw sessionProblem;
  if (access.kind === 'public') return;
  if (!session.userId) throw new UnauthenticatedError();
  if (access.kind === 'permission' && !access.anyOf.some((p) => canAnywhere(session, p))) {
    throw new ForbiddenError();
  }
}

/** Root fields (Query, Mutation, Subscription) that carry no access declaration. */
export function undeclaredRootFields(schema: GraphQLSchema): string[] {
  const roots = [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()];
  return roots
    .filter((type) => isObjectType(type))
    .flatMap((type) =>
      Object.values(type.getFields())
        .filter((field) => !field.extensions?.['access'])
        .map((field) => `${type.name}.${field.name}`),
    );
}

export function assertEveryRootFieldDeclaresAccess(schema: GraphQLSchema): void {
  const missing = undeclaredRootFields(schema);
  if (missing.length) {
    throw new Error(
      `Root fields without an access declaration (@Public, @Authenticated or @Allow): ${missing.join(', ')}`,
    );
  }
}
