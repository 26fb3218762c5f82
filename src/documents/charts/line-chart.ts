/**
 * A line chart as server-rendered SVG: no JavaScript, readable by screen readers (role="img" with a title and a
 * description), and always shown beside its data table (the caller renders the table). Missing values break the
 * line. An optional target is drawn as a dashed line and named in the description; optional markers (an action
 * started, completed) are drawn as labelled vertical lines at a point and named in the description too.
 */

export interface ChartPoint {
  readonly label: string;
  /** Null for no value (nothing to measure, or suppressed). */
  readonly value: number | null;
}

/** A vertical line at one of the points, e.g. "Action started". */
export interface ChartMarker {
  /** The index of the point it stands at. */
  readonly index: number;
  readonly label: string;
}

export interface LineChartInput {
  /** A unique id for the SVG's title and description elements. */
  readonly id: string;
  readonly title: string;
  readonly points: readonly ChartPoint[];
  readonly target?: number | null;
  readonly markers?: readonly ChartMarker[];
  /** Appended to axis labels, e.g. "%". */
  readonly suffix?: string;
  readonly width?: number;
  readonly height?: number;
}

function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A "nice" step for about `ticks` gridlines over a range. */
export function niceStep(range: number, ticks: number): number {
  if (range <= 0) return 1;
  const raw = range / ticks;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const residual = raw / magnitude;
  const nice = residual > 5 ? 10 : residual > 2 ? 5 : residual > 1 ? 2 : 1;
  return nice * magnitude;
}

function format(n: number): string {
  return Number.isInteger(n) ? n.toLocaleString('en-GB') : n.toLocaleString('en-GB', { maximumFractionDigits: 1 });
}

export function lineChartSvg(input: LineChartInput): string {
  const width = input.width ?? 640;
  const height = input.height ?? 240;
  const margin = { top: 16, right: 16, bottom: 40, left: 56 };
  const plotW = width - margin.left - margin.right;
  const plotH = height - margin.top - margin.bottom;
  const suffix = input.suffix ?? '';
  const values = input.points.flatMap((p) => (p.value === null ? [] : [p.value]));
  const all = input.target !== undefined && input.target !== null ? [...values, input.target] : values;
  const lo = Math.min(0, ...all);
  const hiRaw = all.length > 0 ? Math.max(...all) : 1;
  const step = niceStep(hiRaw - lo || 1, 4);
  const hi = Math.ceil((hiRaw || 1) / step) * step;
  const y = (v: number) => margin.top + plotH - ((v - lo) / (hi - lo || 1)) * plotH;
  const n = input.points.length;
  const x = (i: number) => margin.left + (n <= 1 ? plotW / 2 : (i / (n - 1)) * plotW);

  const parts: string[] = [];
  for (let v = lo; v <= hi + step / 1000; v += step) {
    parts.push(
      `<line x1="${margin.left}" x2="${margin.left + plotW}" y1="${y(v).toFixed(1)}" y2="${y(v).toFixed(1)}" stroke="#b1b4b6" stroke-width="1"/>`,
    );
    parts.push(
      `<text x="${margin.left - 6}" y="${(y(v) + 4).toFixed(1)}" text-anchor="end" font-size="12" fill="#0b0c0c">${escapeXml(format(v) + suffix)}</text>`,
    );
  }
  const labelEvery = Math.max(1, Math.ceil(n / 7));
  input.points.forEach((p, i) => {
    if (i % labelEvery === 0 || i === n - 1) {
      parts.push(
        `<text x="${x(i).toFixed(1)}" y="${height - margin.bottom + 18}" text-anchor="middle" font-size="12" fill="#0b0c0c">${escapeXml(p.label)}</text>`,
      );
    }
  });
  if (input.target !== undefined && input.target !== null) {
    parts.push(
      `<line x1="${margin.left}" x2="${margin.left + plotW}" y1="${y(input.target).toFixed(1)}" y2="${y(input.target).toFixed(1)}" stroke="#0b0c0c" stroke-width="2" stroke-dasharray="6 4"/>`,
    );
  }
  const markers = (input.markers ?? []).filter((m) => m.index >= 0 && m.index < n);
  markers.forEach((m, k) => {
    const mx = x(m.index).toFixed(1);
    parts.push(
      `<line x1="${mx}" x2="${mx}" y1="${margin.top}" y2="${margin.top + plotH}" stroke="#505a5f" stroke-width="2" stroke-dasharray="2 3"/>`,
    );
    // Labels alternate rows so that two markers close together do not overprint; near the right edge they end at the line.
    const anchor = x(m.index) > margin.left + plotW * 0.75 ? 'end' : 'start';
    const dx = anchor === 'end' ? -4 : 4;
    parts.push(
      `<text x="${(x(m.index) + dx).toFixed(1)}" y="${margin.top + 12 + (k % 2) * 14}" text-anchor="${anchor}" font-size="12" fill="#505a5f">${escapeXml(m.label)}</text>`,
    );
  });
  // The line, broken where a value is missing.
  let segment: string[] = [];
  const flush = () => {
    if (segment.length > 1)
      parts.push(`<polyline fill="none" stroke="#1d70b8" stroke-width="3" points="${segment.join(' ')}"/>`);
    segment = [];
  };
  input.points.forEach((p, i) => {
    if (p.value === null) {
      flush();
      return;
    }
    segment.push(`${x(i).toFixed(1)},${y(p.value).toFixed(1)}`);
    parts.push(`<circle cx="${x(i).toFixed(1)}" cy="${y(p.value).toFixed(1)}" r="4" fill="#1d70b8"/>`);
  });
  flush();

  const first = input.points.find((p) => p.value !== null);
  const last = [...input.points].reverse().find((p) => p.value !== null);
  const description =
    first && last && first.value !== null && last.value !== null
      ? `From ${format(first.value)}${suffix} in ${first.label} to ${format(last.value)}${suffix} in ${last.label}.` +
        (input.target !== undefined && input.target !== null
          ? ` Target ${format(input.target)}${suffix} (dashed line).`
          : '') +
        markers.map((m) => ` ${m.label}: ${input.points[m.index]?.label ?? ''} (dotted vertical line).`).join('') +
        ' The table that follows gives every value.'
      : 'No values to show.';
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="app-chart" viewBox="0 0 ${width} ${height}" width="100%" role="img" aria-labelledby="${input.id}-title ${input.id}-desc" focusable="false">` +
    `<title id="${input.id}-title">${escapeXml(input.title)}</title><desc id="${input.id}-desc">${escapeXml(description)}</desc>` +
    `<rect x="0" y="0" width="${width}" height="${height}" fill="#ffffff"/>` +
    parts.join('') +
    `</svg>`
  );
}
