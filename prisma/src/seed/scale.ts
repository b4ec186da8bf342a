export const SCALES = {
  small: { users: 50, sellers: 5 },
  medium: { users: 5_000, sellers: 200 },
  large: { users: 100_000, sellers: 2_000 },
} as const;

export type Scale = keyof typeof SCALES;

export function isScale(value: string): value is Scale {
  return value in SCALES;
}
