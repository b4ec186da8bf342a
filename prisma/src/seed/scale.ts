export const SCALES = {
  small: { users: 50, sellers: 5, products: 60 },
  medium: { users: 5_000, sellers: 200, products: 2_000 },
  large: { users: 100_000, sellers: 2_000, products: 20_000 },
} as const;

export type Scale = keyof typeof SCALES;

export function isScale(value: string): value is Scale {
  return value in SCALES;
}
