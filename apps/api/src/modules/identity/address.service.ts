import type { Context } from '../../context.js';
import { cleanPostalAddress, cleanText } from '../../common/address/postal-address.js';
import { PayloadErrors } from '../../common/errors/payload.js';
import { isUuid } from '../../common/ids/uuid.js';
import type { AddressInput } from './identity.types.js';

const MAX_ADDRESSES = 20;
type AddressCode = 'NOT_FOUND' | 'FIELD_REQUIRED' | 'COUNTRY_INVALID' | 'TOO_MANY_ADDRESSES';

function clean(input: AddressInput, errors: PayloadErrors<AddressCode>) {
  const recipient = cleanText(input.recipient);
  if (!recipient) errors.add('FIELD_REQUIRED', 'Fill this in.', 'recipient');
  return {
    ...cleanPostalAddress(input, errors),
    label: cleanText(input.label),
    recipient: recipient ?? '',
    phone: cleanText(input.phone),
    isDefault: input.isDefault ?? false,
  };
}

export async function createAddress(ctx: Context, input: AddressInput) {
  const errors = new PayloadErrors<AddressCode>();
  const data = clean(input, errors);
  if (errors.any) return { address: null, errors: errors.list };
  const userId = ctx.session.userId!;
  const address = await ctx.db.prisma.$transaction(async (tx) => {
    const count = await tx.address.count({ where: { userId } });
    if (count >= MAX_ADDRESSES) return null;
    if (data.isDefault || count === 0)
      await tx.address.updateMany({ where: { userId }, data: { isDefault: false } });
    return tx.address.create({
      data: { ...data, isDefault: data.isDefault || count === 0, userId },
    });
  });
  if (!address)
    return {
      address: null,
      errors: errors.add('TOO_MANY_ADDRESSES', `Keep at most ${MAX_ADDRESSES} addresses.`).list,
    };
  return { address, errors: [] };
}

export async function updateAddress(ctx: Context, id: string, input: AddressInput) {
  const errors = new PayloadErrors<AddressCode>();
  const data = clean(input, errors);
  if (errors.any) return { address: null, errors: errors.list };
  const userId = ctx.session.userId!;
  const address = await ctx.db.prisma.$transaction(async (tx) => {
    const own = isUuid(id) ? await tx.address.findFirst({ where: { id, userId } }) : null;
    if (!own) return null;
    if (data.isDefault)
      await tx.address.updateMany({
        where: { userId, id: { not: id } },
        data: { isDefault: false },
      });
    return tx.address.update({
      where: { id },
      data: { ...data, isDefault: data.isDefault || own.isDefault },
    });
  });
  if (!address)
    return { address: null, errors: errors.add('NOT_FOUND', 'This address does not exist.').list };
  return { address, errors: [] };
}

export async function deleteAddress(ctx: Context, id: string) {
  const deleted = isUuid(id)
    ? await ctx.db.prisma.address.deleteMany({ where: { id, userId: ctx.session.userId! } })
    : { count: 0 };
  if (deleted.count === 0)
    return {
      deletedId: null,
      errors: [
        { code: 'NOT_FOUND' as const, field: null, message: 'This address does not exist.' },
      ],
    };
  return { deletedId: id, errors: [] };
}
