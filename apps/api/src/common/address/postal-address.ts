// Postal addresses, shared by address books, stores and (later) shipments:
// the GraphQL fields and the rules that clean and check them.
import { Field, InputType, ObjectType } from 'type-graphql';

@ObjectType()
export class PostalAddress {
  @Field(() => String)
  line1!: string;

  @Field(() => String, { nullable: true })
  line2!: string | null;

  @Field(() => String)
  city!: string;

  @Field(() => String, { nullable: true })
  region!: string | null;

  @Field(() => String)
  postalCode!: string;

  @Field(() => String, { description: 'ISO 3166-1 alpha-2.' })
  country!: string;
}

@InputType()
export class PostalAddressInput {
  @Field(() => String)
  line1!: string;

  @Field(() => String, { nullable: true })
  line2?: string | null;

  @Field(() => String)
  city!: string;

  @Field(() => String, { nullable: true })
  region?: string | null;

  @Field(() => String)
  postalCode!: string;

  @Field(() => String, { description: 'ISO 3166-1 alpha-2, any case.' })
  country!: string;
}

const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });

/** An ISO 3166-1 alpha-2 code that names a real region. */
export function isCountryCode(value: string): boolean {
  if (!/^[A-Z]{2}$/.test(value)) return false;
  try {
    return regionNames.of(value) !== value;
  } catch {
    return false;
  }
}

/** Trimmed, at most 200 characters, null when empty. */
export function cleanText(value: string | null | undefined): string | null {
  return value?.trim().slice(0, 200) || null;
}

/** The cleaned address fields; a missing required one or an unknown country is added to `errors`. */
export function cleanPostalAddress(
  input: PostalAddressInput,
  errors: {
    add(code: 'FIELD_REQUIRED' | 'COUNTRY_INVALID', message: string, field: string): unknown;
  },
) {
  const address = {
    line1: cleanText(input.line1) ?? '',
    line2: cleanText(input.line2),
    city: cleanText(input.city) ?? '',
    region: cleanText(input.region),
    postalCode: cleanText(input.postalCode) ?? '',
    country: input.country.trim().toUpperCase(),
  };
  for (const field of ['line1', 'city', 'postalCode'] as const) {
    if (!address[field]) errors.add('FIELD_REQUIRED', 'Fill this in.', field);
  }
  if (!isCountryCode(address.country))
    errors.add(
      'COUNTRY_INVALID',
      'Choose a country (two-letter code such as FR or CN).',
      'country',
    );
  return address;
}
