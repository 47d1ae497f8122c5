const DAY_MS = 86_400_000;

/** yyyy-MM-dd of a UTC instant. */
export const isoDate = (d: Date) => d.toISOString().slice(0, 10);

export const addDays = (date: string, days: number) =>
  isoDate(new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS));

/** First day of the month `offset` months from the month of `date`. */
export function monthStart(date: string, offset = 0): string {
  const d = new Date(`${date}T00:00:00Z`);
  return isoDate(
    new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + offset, 1)),
  );
}

export const dayOfMonth = (date: string) => Number(date.slice(8, 10));

export const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS);
