import { Field, ObjectType } from 'type-graphql';

@ObjectType({ description: "The API's own health, for status pages." })
export class ApiStatus {
  @Field(() => Boolean, { description: 'True when the database answers.' })
  database!: boolean;

  @Field(() => String, { description: 'Version of the running API.' })
  version!: string;
}
