import { DateTimeResolver } from 'graphql-scalars';

/** ISO 8601 date-times (`2026-11-22T20:50:00.000Z`), as `Date` in resolvers. */
export const DateTimeScalar = DateTimeResolver;
