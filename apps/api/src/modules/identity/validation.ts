// Shape rules shared by account forms. Kept deliberately simple: the e-mail
// sent for verification is the real test of an address.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function normaliseEmail(email: string): string | null {
  const trimmed = email.trim();
  return trimmed.length <= 254 && EMAIL.test(trimmed) ? trimmed : null;
}

export function normaliseName(name: string): string | null {
  const trimmed = name.trim().replace(/\s+/g, ' ');
  return trimmed.length >= 1 && trimmed.length <= 100 ? trimmed : null;
}

export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && value.length <= 2048;
  } catch {
    return false;
  }
}
