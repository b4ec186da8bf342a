/** The EAN-13 check digit of the first twelve digits. */
export function ean13CheckDigit(first12: string): number {
  if (!/^\d{12}$/.test(first12)) throw new Error(`EAN-13 needs 12 digits, not "${first12}"`);
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(first12[i]) * (i % 2 === 0 ? 1 : 3);
  return (10 - (sum % 10)) % 10;
}

/** A full EAN-13 from a GS1 prefix and a serial: prefix + zero-padded serial + check digit. */
export function ean13(prefix: string, serial: number): string {
  const body = prefix + String(serial).padStart(12 - prefix.length, '0');
  return body + String(ean13CheckDigit(body));
}

export function isValidEan13(code: string): boolean {
  return /^\d{13}$/.test(code) && ean13CheckDigit(code.slice(0, 12)) === Number(code[12]);
}
