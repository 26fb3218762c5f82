/**
 * Dates with a time of day (the SSD's ssd_missing episode start and end). An SSD extract writes SQL Server
 * datetimes without a zone, which are the council's wall-clock time: London. A value with a zone (Z or +01:00) is
 * taken as written. Lantern's own export writes ISO 8601 in UTC, so no time is ambiguous at the October clock
 * change.
 */
import { isIsoDate } from '../../../../domain/dates';

const LONDON = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** London's offset from UTC, in milliseconds, at an instant. */
function londonOffset(utcMs: number): number {
  const parts = Object.fromEntries(LONDON.formatToParts(new Date(utcMs)).map((p) => [p.type, p.value]));
  const local = Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second),
  );
  return local - Math.floor(utcMs / 1000) * 1000;
}

/** The instant of a London wall-clock time (in the repeated October hour, the first of the two). */
export function fromLondon(y: number, mo: number, d: number, h: number, mi: number, s: number): Date {
  const wall = Date.UTC(y, mo - 1, d, h, mi, s);
  // London is UTC+1 (BST) or UTC+0 (GMT): try the earlier reading first. In the March gap neither reads back;
  // the GMT reading is taken (an hour that did not exist on the clock).
  for (const candidate of [wall - 3600_000, wall])
    if (londonOffset(candidate) === wall - candidate) return new Date(candidate);
  return new Date(wall);
}

/** A date-and-time value as an instant, or null if it is not one clear value. */
export function londonInstant(text: string): Date | null {
  const t = text.trim();
  let m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$/.exec(t);
  let parts: [number, number, number, number, number, number] | null = null;
  let zone: string | undefined;
  if (m) {
    parts = [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0)];
    zone = m[7];
  } else {
    m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?: (\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(t);
    if (m) parts = [Number(m[3]), Number(m[2]), Number(m[1]), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0)];
  }
  if (!parts) return null;
  const [y, mo, d, h, mi, s] = parts;
  const iso = `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  if (!isIsoDate(iso) || h > 23 || mi > 59 || s > 59) return null;
  if (zone) {
    const z = zone === 'Z' ? 'Z' : `${zone.slice(0, 3)}:${zone.slice(-2)}`;
    const date = new Date(
      `${iso}T${String(h).padStart(2, '0')}:${String(mi).padStart(2, '0')}:${String(s).padStart(2, '0')}${z}`,
    );
    return Number.isNaN(date.getTime()) ? null : date;
  }
  return fromLondon(y, mo, d, h, mi, s);
}

/** How Lantern's export writes an instant: ISO 8601, UTC, whole seconds. */
export function formatInstant(date: Date): string {
  return `${date.toISOString().slice(0, 19)}Z`;
}
