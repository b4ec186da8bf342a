import { GraphQLJSON } from 'graphql-scalars';
import { ArgsType, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { DateTimeScalar } from '../../common/graphql/scalars.js';
import { ConnectionArgs, ConnectionType } from '../../common/pagination/connection.js';

export const AuditEventType = {
  LOGIN_SUCCEEDED: 'LOGIN_SUCCEEDED',
  LOGIN_FAILED: 'LOGIN_FAILED',
  ACCOUNT_LOCKED: 'ACCOUNT_LOCKED',
  LOGOUT: 'LOGOUT',
  SIGN_UP: 'SIGN_UP',
  PASSWORD_CHANGED: 'PASSWORD_CHANGED',
  PASSWORD_RESET: 'PASSWORD_RESET',
  EMAIL_VERIFIED: 'EMAIL_VERIFIED',
  REFRESH_TOKEN_REUSED: 'REFRESH_TOKEN_REUSED',
  USER_CREATED: 'USER_CREATED',
  USER_DISABLED: 'USER_DISABLED',
  USER_ENABLED: 'USER_ENABLED',
  USER_RESET: 'USER_RESET',
  ROLE_CREATED: 'ROLE_CREATED',
  ROLE_UPDATED: 'ROLE_UPDATED',
  ROLE_DELETED: 'ROLE_DELETED',
  ROLE_ASSIGNED: 'ROLE_ASSIGNED',
  ROLE_WITHDRAWN: 'ROLE_WITHDRAWN',
  SIGNING_KEY_ROTATED: 'SIGNING_KEY_ROTATED',
  API_KEY_CREATED: 'API_KEY_CREATED',
  API_KEY_REVOKED: 'API_KEY_REVOKED',
  WALLET_CREDITED: 'WALLET_CREDITED',
  WITHDRAWAL_DECIDED: 'WITHDRAWAL_DECIDED',
} as const;
export type AuditEventType = (typeof AuditEventType)[keyof typeof AuditEventType];
registerEnumType(AuditEventType, { name: 'AuditEventType' });

@ObjectType({ description: 'A security event.' })
export class AuditEvent {
  @Field(() => ID)
  id!: string;

  @Field(() => AuditEventType)
  type!: AuditEventType;

  actorId!: string | null;
  subjectId!: string | null;

  @Field(() => String, { nullable: true })
  ip!: string | null;

  @Field(() => GraphQLJSON, { nullable: true })
  details!: unknown;

  @Field(() => DateTimeScalar)
  createdAt!: Date;
}

export const AuditEventConnection = ConnectionType('AuditEvent', AuditEvent);

@ArgsType()
export class AuditEventsArgs extends ConnectionArgs {
  @Field(() => AuditEventType, { nullable: true })
  type?: AuditEventType | null;

  @Field(() => ID, { nullable: true })
  actorId?: string | null;

  @Field(() => ID, { nullable: true })
  subjectId?: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  since?: Date | null;

  @Field(() => DateTimeScalar, { nullable: true })
  until?: Date | null;
}
