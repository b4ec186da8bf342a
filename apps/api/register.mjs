// Runs TypeScript sources with decorator metadata (type-graphql needs it):
// `node --import ./register.mjs src/main.ts`.
import { register } from 'node:module';

register('@swc-node/register/esm', import.meta.url);
