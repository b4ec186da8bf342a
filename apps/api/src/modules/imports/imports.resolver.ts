import { Permission } from '@bazaar/schema';
import { Arg, Args, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { Allow } from '../../common/auth/access.js';
import { ConnectionArgs } from '../../common/pagination/connection.js';
import type { Context } from '../../context.js';
import * as imports from './imports.service.js';
import { ImportJob, ImportJobConnection, ImportRowError } from './imports.types.js';

@Resolver(() => ImportJob)
export class ImportsResolver {
  @Query(() => ImportJob, { nullable: true, description: "products:manage for the job's seller." })
  @Allow(Permission.PRODUCTS_MANAGE)
  importJob(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return imports.findImportJob(ctx, id);
  }

  @Query(() => ImportJobConnection, {
    description: 'products:manage for the seller; newest first.',
  })
  @Allow(Permission.PRODUCTS_MANAGE)
  importJobs(
    @Arg('sellerId', () => ID) sellerId: string,
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Ctx() ctx: Context,
  ) {
    return imports.listImportJobs(ctx, sellerId, args);
  }

  @FieldResolver(() => Int, { description: '0..100.' })
  progress(@Root() job: ImportJob): number {
    return imports.progressOf(job);
  }

  @FieldResolver(() => [ImportRowError], {
    description: 'First 1,000 row errors; the full report is at errorReportUrl.',
  })
  errors(@Root() job: ImportJob, @Ctx() ctx: Context): Promise<ImportRowError[]> {
    return ctx.loaders.imports.errorsByJob.load(job.id);
  }

  @FieldResolver(() => String, {
    description: 'CSV of every row error: GET with the same Authorization header.',
  })
  errorReportUrl(@Root() job: ImportJob, @Ctx() ctx: Context): string {
    return imports.errorReportUrl(ctx.services.env, job.id);
  }
}
