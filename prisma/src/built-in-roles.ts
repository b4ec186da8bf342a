import { BUILT_IN_ROLES } from '@bazaar/schema';
import type { PrismaClient } from './generated/client/client.js';

/**
 * Writes the built-in roles and their permission lists. The API runs it at
 * start, so a release that grants a new permission reaches old installations.
 */
export async function syncBuiltInRoles(prisma: PrismaClient): Promise<void> {
  for (const [key, role] of Object.entries(BUILT_IN_ROLES)) {
    const permissions = [...role.permissions];
    await prisma.role.upsert({
      where: { builtInKey: key },
      create: {
        builtInKey: key,
        name: role.name,
        description: role.description,
        scope: role.scope,
        permissions,
      },
      update: { permissions, scope: role.scope },
    });
  }
}
