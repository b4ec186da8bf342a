import { Permission } from '@bazaar/schema';
import { Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { Allow } from '../../common/auth/access.js';
import type { Context } from '../../context.js';
import { User } from '../identity/identity.types.js';
import { listAuditEvents } from './audit.service.js';
import { AuditEvent, AuditEventConnection, AuditEventsArgs } from './audit.types.js';

@Resolver(() => AuditEvent)
export class AuditResolver {
  @Query(() => AuditEventConnection, { description: 'Security events, newest first.' })
  @Allow(Permission.AUDIT_READ)
  auditEvents(@Args(() => AuditEventsArgs) args: AuditEventsArgs, @Ctx() ctx: Context) {
    return listAuditEvents(ctx, args);
  }

  @FieldResolver(() => User, { nullable: true })
  actor(@Root() event: AuditEvent, @Ctx() ctx: Context) {
    return event.actorId ? ctx.loaders.identity.userById.load(event.actorId) : null;
  }

  @FieldResolver(() => User, { nullable: true })
  subject(@Root() event: AuditEvent, @Ctx() ctx: Context) {
    return event.subjectId ? ctx.loaders.identity.userById.load(event.subjectId) : null;
  }
}
