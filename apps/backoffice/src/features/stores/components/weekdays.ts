/** ISO weekdays as the API numbers them: 1 = Monday ... 7 = Sunday. */
export const WEEKDAYS = [
  { day: 1, name: 'Monday', short: 'Mon' },
  { day: 2, name: 'Tuesday', short: 'Tue' },
  { day: 3, name: 'Wednesday', short: 'Wed' },
  { day: 4, name: 'Thursday', short: 'Thu' },
  { day: 5, name: 'Friday', short: 'Fri' },
  { day: 6, name: 'Saturday', short: 'Sat' },
  { day: 7, name: 'Sunday', short: 'Sun' },
] as const;

export interface Hours {
  day: number;
  opens: string;
  closes: string;
}

/** "Mon 09:00–18:00, Sat 10:00–14:00"; days without hours are closed. */
export function summariseHours(hours: readonly Hours[]): string {
  if (hours.length === 0) return 'No opening hours';
  return WEEKDAYS.filter((w) => hours.some((h) => h.day === w.day))
    .map((w) => {
      const ranges = hours
        .filter((h) => h.day === w.day)
        .sort((a, b) => a.opens.localeCompare(b.opens))
        .map((h) => `${h.opens}–${h.closes}`);
      return `${w.short} ${ranges.join(', ')}`;
    })
    .join(' · ');
}
