// The validation rules the server runs on every document, beyond the GraphQL
// spec's own: the size limits (limits.ts) and the single-use root fields.
// Exported as one list so tests validate documents exactly as the server does.
import type { ValidationRule } from 'graphql';
import { limitRules } from './limits.js';
import { singleUseFields } from './single-use-fields.js';

export const apiValidationRules: ValidationRule[] = [
  ...limitRules,
  singleUseFields(['sessionCreate', 'accountSignUp', 'passwordResetRequest']),
];
