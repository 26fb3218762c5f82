import assert from 'node:assert/strict';
import { it } from 'node:test';
import { svgToPng } from './png';

const svg = (label: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="100" height="50"><text x="5" y="30" font-size="12">${label}</text></svg>`;
/** PNG files start with these eight bytes. */
const PNG_SIGNATURE = '89504e470d0a1a0a';
/** A PNG's width, from its IHDR chunk (bytes 16–19, big-endian). */
const widthOf = (png: Buffer) => png.readUInt32BE(16);

it('renders a chart at twice its drawn width, as PNG', () => {
  const png = svgToPng(svg('a'), 100);
  assert.equal(png.subarray(0, 8).toString('hex'), PNG_SIGNATURE);
  assert.equal(widthOf(png), 200);
});

it('gives the same chart at the same size from what it drew before, and draws anything else anew', () => {
  const first = svgToPng(svg('kept'), 100);
  assert.equal(svgToPng(svg('kept'), 100), first, 'the same buffer: not drawn again');
  const wider = svgToPng(svg('kept'), 150);
  assert.notEqual(wider, first);
  assert.equal(widthOf(wider), 300);
  assert.notEqual(svgToPng(svg('other'), 100), first);
});

it('keeps the last 64 charts drawn, dropping the least recently used', () => {
  const oldest = svgToPng(svg('oldest'), 100);
  const used = svgToPng(svg('used'), 100);
  // 64 more charts: without being used again, "used" would be among the 64 dropped before them (as "oldest" is);
  // used again after the 32nd, it is the newest 33rd, with the last 32 fillers after it, so it stays.
  for (let i = 0; i < 64; i++) {
    svgToPng(svg(`filler ${i}`), 100);
    if (i === 31) svgToPng(svg('used'), 100);
  }
  assert.equal(svgToPng(svg('used'), 100), used);
  const again = svgToPng(svg('oldest'), 100);
  assert.notEqual(again, oldest, 'drawn anew');
  assert.deepEqual(again, oldest, 'to the same bytes');
});
