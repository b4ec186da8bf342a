// GraphQL types of CSV imports. ImportJob is shaped like its database row
// (without the file and the error list, which field resolvers load).
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateTimeScalar } from '../../common/graphql/scalars.js';
import { ConnectionType } from '../../common/pagination/connection.js';

export const ImportStatus = {
  QUEUED: 'QUEUED',
  RUNNING: 'RUNNING',
  SUCCEEDED: 'SUCCEEDED',
  FAILED: 'FAILED',
} as const;
export type ImportStatus = (typeof ImportStatus)[keyof typeof ImportStatus];
registerEnumType(ImportStatus, { name: 'ImportStatus' });

@ObjectType()
export class ImportRowError {
  @Field(() => Int, { description: '1-based data row (the header is row 0).' })
  row!: number;

  @Field(() => String, { nullable: true })
  column!: string | null;

  @Field(() => String)
  code!: string;

  @Field(() => String)
  message!: string;
}

@ObjectType()
export class ImportJob {
  @Field(() => ID)
  id!: string;

  sellerId!: string;

  @Field(() => String)
  fileName!: string;

  @Field(() => Boolean)
  dryRun!: boolean;

  @Field(() => ImportStatus)
  status!: ImportStatus;

  @Field(() => Int)
  totalRows!: number;

  @Field(() => Int)
  processedRows!: number;

  @Field(() => Int)
  succeededRows!: number;

  @Field(() => Int)
  failedRows!: number;

  @Field(() => String, {
    nullable: true,
    description: 'Why the whole job failed (unreadable file), if it did.',
  })
  failure!: string | null;

  @Field(() => DateTimeScalar)
  createdAt!: Date;

  @Field(() => DateTimeScalar, { nullable: true })
  startedAt!: Date | null;

  @Field(() => DateTimeScalar, { nullable: true })
  finishedAt!: Date | null;
}

export const ImportJobConnection = ConnectionType('ImportJob', ImportJob);
