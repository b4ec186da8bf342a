/** `<input type="datetime-local">` values (local wall time, no zone) and ISO instants. */

/** A `<input type="datetime-local">` value (local wall time) as an ISO instant. */
export function localDateTimeToIso(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value)) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** Now plus `minutes`, as a datetime-local value. */
export function localDateTimeValue(minutes = 0, now = new Date()): string {
  const date = new Date(now.getTime() + minutes * 60_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}
