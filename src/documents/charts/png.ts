/**
 * Charts for Word documents: the page's SVG line chart (src/documents/charts/line-chart.ts) rendered to PNG with resvg
 * (decision 0017), because Word and LibreOffice do not all draw SVG and a document's image needs a raster. Rendered at
 * twice its drawn size so that it prints sharply. Text uses the machine's fonts (Liberation Sans or DejaVu Sans, which
 * LibreOffice installs; Arial where present).
 */
import { Resvg } from '@resvg/resvg-js';

export function svgToPng(svg: string, width: number, scale = 2): Buffer {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'width', value: Math.round(width * scale) },
    font: { loadSystemFonts: true, defaultFontFamily: 'Liberation Sans', sansSerifFamily: 'Liberation Sans' },
    background: '#ffffff',
  });
  return resvg.render().asPng();
}
