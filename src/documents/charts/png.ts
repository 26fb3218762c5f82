/**
 * Charts for Word documents: the page's SVG line chart (src/documents/charts/line-chart.ts) rendered to PNG with resvg
 * (decision 0017), because Word and LibreOffice do not all draw SVG and a document's image needs a raster (the PDF
 * writer uses it too). Rendered at twice its drawn size so that it prints sharply. Text uses the machine's fonts (Liberation Sans or DejaVu Sans, which
 * LibreOffice installs; Arial where present).
 *
 * Rendering takes tens of milliseconds a chart, and the same chart is often drawn again (a report regenerated from
 * unchanged figures, the same pack as DOCX and PDF): the last PNGs drawn are kept, by a digest of the SVG and size.
 */
import { createHash } from 'node:crypto';
import { Resvg } from '@resvg/resvg-js';

/** How many rendered charts are kept (a performance pack has about 30; a PNG is tens of kilobytes). */
const KEPT = 64;
const rendered = new Map<string, Buffer>();

/** The chart as PNG bytes; the same SVG at the same size gives the same bytes (kept from the last time). */
export function svgToPng(svg: string, width: number, scale = 2): Buffer {
  const key = `${createHash('sha256').update(svg).digest('hex')} ${width} ${scale}`;
  const kept = rendered.get(key);
  if (kept) {
    // Most recently used last, so that the oldest is the first dropped.
    rendered.delete(key);
    rendered.set(key, kept);
    return kept;
  }
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'width', value: Math.round(width * scale) },
    font: { loadSystemFonts: true, defaultFontFamily: 'Liberation Sans', sansSerifFamily: 'Liberation Sans' },
    background: '#ffffff',
  });
  const png = resvg.render().asPng();
  rendered.set(key, png);
  if (rendered.size > KEPT) rendered.delete(rendered.keys().next().value as string);
  return png;
}
