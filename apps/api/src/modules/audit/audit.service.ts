import type { Prisma } from '@bazaar/db';
import type { Context } from '../../context.js';
import { connectionFromRows, decodeCursor } from '../../common/pagination/connection.js';
import type { AuditEventsArgs, AuditEventType } from './audit.types.js';

export interface AuditEntry {
  type: AuditEventType;
  actorId?: string | null;
  subjectId?: string | null;
  details?: Record<string, unknown>;
}

/** Writes a security event in the caller's transaction, so it exists exactly when its cause does. */
export async function recordAudit(
  tx: Prisma.TransactionClient,
  ctx: Pick<Context, 'ip'>,
  entry: AuditEntry,
): Promise<void> {
  await tx.auditEvent.create({
    data: {
      type: entry.type,
      actorId: entry.actorId ?? null,
      subjectId: entry.subjectId ?? null,
      ip: ctx.ip,
      ...(entry.details ? { details: entry.details as Prisma.InputJsonValue } : {}),
    },
  });
}

type Key = { id: string };
const isKey = (value: unknown): value is Key =>
  typeof (value as Key | null)?.id === 'string' && /^\d+$/.test((value as Key).id);

export async function listAuditEvents(ctx: Context, args: AuditEventsArgs) {
  const where: Prisma.AuditEventWhereInput = {
    ...(args.type ? { type: args.type } : {}),
    ...(args.actorId ? { actorId: args.actorId } : {}),
    ...(args.subjectId ? { subjectId: args.subjectId } : {}),
    ...(args.since || args.until
      ? {
          createdAt: {
            ...(args.since ? { gte: args.since } : {}),
            ...(args.until ? { lt: args.until } : {}),
          },
        }
      : {}),
  };
  const after = args.after ? decodeCursor(args.after, isKey) : null;
  const rows = await ctx.db.prisma.auditEvent.findMany({
    where: after ? { AND: [where, { id: { lt: BigInt(after.id) } }] } : where,
    orderBy: { id: 'desc' },
    take: args.first + 1,
  });
  return connectionFromRows(rows, args, {
    cursorOf: (row) => ({ id: row.id.toString() }),
    count: () => ctx.db.prisma.auditEvent.count({ where }),
    toNode: (row) => ({ ...row, id: row.id.toString(), type: row.type as AuditEventType }),
  });
}
