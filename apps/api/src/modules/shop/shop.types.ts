import { Field, ObjectType } from 'type-graphql';

@ObjectType({ description: "The marketplace's public identity." })
export class Shop {
  @Field(() => String, { description: 'Name shown in headers and titles.' })
  name!: string;

  @Field(() => String, { description: 'ISO 4217 code prices are shown in by default.' })
  currency!: string;

  @Field(() => String, { description: 'BCP 47 language tag used when a shopper has chosen none.' })
  defaultLocale!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Stripe publishable key for Stripe.js; null when card payments are off.',
  })
  stripePublishableKey!: string | null;
}
