import 'reflect-metadata';
import { Permission } from '@bazaar/schema';
import { graphql } from 'graphql';
import { Mutation, Query, Resolver, buildSchema } from 'type-graphql';
import { describe, expect, it } from 'vitest';
import { buildApiSchema } from '../../schema.js';
import {
  Allow,
  Authenticated,
  Public,
  assertEveryRootFieldDeclaresAccess,
  undeclaredRootFields,
} from './access.js';
import { ANONYMOUS, type Session } from './session.js';

@Resolver()
class DeclaredResolver {
  @Query(() => String)
  @Public()
  openField(): string {
    return 'open';
  }

  @Query(() => String)
  @Authenticated()
  signedInField(): string {
    return 'signed in';
  }

  @Mutation(() => String)
  @Allow(Permission.SETTINGS_MANAGE)
  settingsField(): string {
    return 'changed';
  }
}

@Resolver()
class ForgetfulResolver {
  @Query(() => String)
  forgotten(): string {
    return 'leaked';
  }
}

const user = (permissions: Permission[] = []): Session => ({
  ...ANONYMOUS,
  userId: 'u1',
  permissions: new Set(permissions),
});

describe('access declarations', () => {
  it('are present on every root field of the API (default deny)', async () => {
    expect(undeclaredRootFields(await buildApiSchema())).toEqual([]);
  });

  it('refuse a schema with a root field that declares nothing', async () => {
    const schema = await buildSchema({ resolvers: [DeclaredResolver, ForgetfulResolver] });
    expect(undeclaredRootFields(schema)).toEqual(['Query.forgotten']);
    expect(() => assertEveryRootFieldDeclaresAccess(schema)).toThrow(/Query\.forgotten/);
  });

  describe('are enforced before the resolver runs', async () => {
    const schema = await buildSchema({ resolvers: [DeclaredResolver] });
    const run = async (source: string, session: Session) => {
      const result = await graphql({
        schema,
        source,
        contextValue: { session, sessionProblem: null },
      });
      return { data: result.data, code: result.errors?.[0]?.extensions['code'] };
    };

    it('let anyone call a public field', async () => {
      expect(await run('{ openField }', ANONYMOUS)).toEqual({
        data: { openField: 'open' },
        code: undefined,
      });
    });

    it('ask an anonymous caller to sign in', async () => {
      expect((await run('{ signedInField }', ANONYMOUS)).code).toBe('UNAUTHENTICATED');
      expect((await run('mutation { settingsField }', ANONYMOUS)).code).toBe('UNAUTHENTICATED');
    });

    it('let any signed-in user call an authenticated field', async () => {
      expect((await run('{ signedInField }', user())).data).toEqual({ signedInField: 'signed in' });
    });

    it('forbid a user who lacks the permission, and allow one who has it', async () => {
      expect(await run('mutation { settingsField }', user([Permission.OPERATIONS_READ]))).toEqual({
        data: null,
        code: 'FORBIDDEN',
      });
      expect(
        (await run('mutation { settingsField }', user([Permission.SETTINGS_MANAGE]))).data,
      ).toEqual({ settingsField: 'changed' });
    });
  });
});
