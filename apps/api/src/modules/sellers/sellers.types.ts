import { Permission } from '@bazaar/schema';
import { ArgsType, Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { ConnectionArgs, ConnectionType } from '../../common/pagination/connection.js';
import { PostalAddress, PostalAddressInput } from '../../common/address/postal-address.js';
import { MutationPayload } from '../../common/errors/payload.js';
import { DateTimeScalar } from '../../common/graphql/scalars.js';
import { RoleAssignment } from '../access/access.types.js';
import { User } from '../identity/identity.types.js';

@ObjectType()
export class OpeningHours {
  @Field(() => Int, { description: '1 = Monday ... 7 = Sunday.' })
  day!: number;

  @Field(() => String, { description: 'Local time, HH:MM.' })
  opens!: string;

  @Field(() => String)
  closes!: string;
}

@ObjectType({ description: "A seller's physical store: pick-up point and offline sales counter." })
export class Store extends PostalAddress {
  @Field(() => ID)
  id!: string;

  sellerId!: string;

  @Field(() => String)
  name!: string;

  @Field(() => Float, { nullable: true })
  latitude!: number | null;

  @Field(() => Float, { nullable: true })
  longitude!: number | null;

  @Field(() => [OpeningHours])
  openingHours!: OpeningHours[];
}

@ObjectType({ description: 'A shop on the marketplace.' })
export class Seller {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String)
  slug!: string;

  @Field(() => String, { nullable: true })
  description!: string | null;

  @Field(() => String, { nullable: true })
  logoUrl!: string | null;

  @Field(() => String, { nullable: true })
  contactEmail!: string | null;

  @Field(() => String, { nullable: true })
  contactPhone!: string | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Average of published seller reviews (1-5); null until the first.',
  })
  ratingAverage!: number | null;

  @Field(() => Int)
  ratingCount!: number;

  @Field(() => DateTimeScalar)
  createdAt!: Date;

  ownerId!: string;
}

@ObjectType({ description: "A member of a seller's staff and their roles there." })
export class StaffMember {
  @Field(() => User)
  user!: User;

  @Field(() => [RoleAssignment])
  assignments!: RoleAssignment[];
}

@InputType()
export class SellerUpdateInput {
  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => String, { nullable: true })
  contactEmail?: string | null;

  @Field(() => String, { nullable: true })
  contactPhone?: string | null;

  @Field(() => String, { nullable: true })
  logoUrl?: string | null;
}

@InputType()
export class SellerCreateInput extends SellerUpdateInput {
  @Field(() => String, {
    description: "The shop's address on Bazaar: 3 to 50 lowercase letters, digits and dashes.",
  })
  slug!: string;
}

@InputType()
export class OpeningHoursInput {
  @Field(() => Int)
  day!: number;

  @Field(() => String)
  opens!: string;

  @Field(() => String)
  closes!: string;
}

@InputType()
export class StoreInput extends PostalAddressInput {
  @Field(() => String)
  name!: string;

  @Field(() => Float, { nullable: true })
  latitude?: number | null;

  @Field(() => Float, { nullable: true })
  longitude?: number | null;

  @Field(() => [OpeningHoursInput], { defaultValue: [] })
  openingHours!: OpeningHoursInput[];
}

@InputType()
export class StaffMemberAddInput {
  @Field(() => ID)
  sellerId!: string;

  @Field(() => String)
  email!: string;

  @Field(() => String)
  name!: string;

  @Field(() => ID)
  roleId!: string;

  @Field(() => ID, { nullable: true })
  storeId?: string | null;
}

export const SellerErrorCode = {
  NOT_FOUND: 'NOT_FOUND',
  FORBIDDEN: 'FORBIDDEN',
  NAME_REQUIRED: 'NAME_REQUIRED',
  SLUG_INVALID: 'SLUG_INVALID',
  SLUG_TAKEN: 'SLUG_TAKEN',
  EMAIL_INVALID: 'EMAIL_INVALID',
  URL_INVALID: 'URL_INVALID',
} as const;
export const SellerCreatePayload = MutationPayload(
  'SellerCreate',
  'seller',
  Seller,
  SellerErrorCode,
);
export const SellerUpdatePayload = MutationPayload(
  'SellerUpdate',
  'seller',
  Seller,
  SellerErrorCode,
);

export const StoreErrorCode = {
  NOT_FOUND: 'NOT_FOUND',
  FORBIDDEN: 'FORBIDDEN',
  FIELD_REQUIRED: 'FIELD_REQUIRED',
  COUNTRY_INVALID: 'COUNTRY_INVALID',
  COORDINATES_INVALID: 'COORDINATES_INVALID',
  OPENING_HOURS_INVALID: 'OPENING_HOURS_INVALID',
  IN_USE: 'IN_USE',
} as const;
export const StoreCreatePayload = MutationPayload('StoreCreate', 'store', Store, StoreErrorCode);
export const StoreUpdatePayload = MutationPayload('StoreUpdate', 'store', Store, StoreErrorCode);
export const StoreDeletePayload = MutationPayload('StoreDelete', 'deletedId', ID, StoreErrorCode);

export const StaffErrorCode = {
  NOT_FOUND: 'NOT_FOUND',
  FORBIDDEN: 'FORBIDDEN',
  EMAIL_INVALID: 'EMAIL_INVALID',
  NAME_REQUIRED: 'NAME_REQUIRED',
  ROLE_NOT_ASSIGNABLE: 'ROLE_NOT_ASSIGNABLE',
  STORE_REQUIRED: 'STORE_REQUIRED',
  STORE_NOT_FOUND: 'STORE_NOT_FOUND',
  ALREADY_STAFF: 'ALREADY_STAFF',
  CANNOT_REMOVE_OWNER: 'CANNOT_REMOVE_OWNER',
} as const;
export const StaffMemberAddPayload = MutationPayload(
  'StaffMemberAdd',
  'staffMember',
  StaffMember,
  StaffErrorCode,
);
export const StaffMemberRemovePayload = MutationPayload(
  'StaffMemberRemove',
  'removedUserId',
  ID,
  StaffErrorCode,
);

@ObjectType({ description: 'What the viewer may do within one seller.' })
export class SellerAccess {
  @Field(() => Seller)
  seller!: Seller;

  @Field(() => [Permission])
  permissions!: Permission[];

  @Field(() => Store, {
    nullable: true,
    description: 'The store a store-counter account belongs to.',
  })
  store!: Store | null;
}

export const SellerConnection = ConnectionType('Seller', Seller);

@ArgsType()
export class SellersArgs extends ConnectionArgs {
  @Field(() => String, { nullable: true, description: 'Part of the name or slug.' })
  search?: string | null;
}
