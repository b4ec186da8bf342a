// What the mutation fuzz reports: one finding per call that broke a rule.
import type { Role } from './fuzz.fixture.js';

export type FindingKind = 'http-500' | 'internal-error' | 'unhandled-rejection' | 'partial-write';

export interface Finding {
  kind: FindingKind;
  mutation: string;
  role: Role;
  variables: Record<string, unknown>;
  detail: string;
}

/** Long strings and lists shortened, so a finding prints on a few lines. */
export function abbreviate(value: unknown): unknown {
  if (typeof value === 'string')
    return value.length > 60 ? `${value.slice(0, 20)}…(${value.length} chars)` : value;
  if (Array.isArray(value))
    return value.length > 5
      ? [...value.slice(0, 3).map(abbreviate), `…(${value.length} items)`]
      : value.map(abbreviate);
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, abbreviate(v)]));
  return value;
}

export function describeFinding(finding: Finding): string {
  return `${finding.kind} in ${finding.mutation} as ${finding.role}: ${finding.detail}\n    variables: ${JSON.stringify(abbreviate(finding.variables))}`;
}
