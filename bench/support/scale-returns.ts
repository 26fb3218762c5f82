/**
 * Larger returns from the demo's own: an SSDA903 return (a folder of CSV files) or a CIN census (XML) of exactly
 * `children` children, made by repeating the demo's children in turn, each copy under a new child ID and new UPNs
 * (valid check letters), so that every copy is a child of its own and the return stays as valid as the demo's.
 * The k-th copy of a child is otherwise the same child: same dates, codes and postcodes.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { upnCheckLetter } from '../../src/features/ingest/formats/cin/upn';

/** The demo's child IDs: C and seven digits (src/synth). */
const DEMO_CHILD_ID = /^C\d{7}$/;

/** New identifiers for copy `k` of `copies`: child IDs of ten characters, UPNs unique across every copy. */
function renamer(copies: number) {
  const upnIndex = new Map<string, number>();
  return {
    childId(id: string, k: number): string {
      if (!DEMO_CHILD_ID.test(id)) throw new Error(`unexpected child ID ${id}: the demo's are C and seven digits`);
      return `X${k.toString(36).padStart(2, '0')}${id.slice(1)}`;
    },
    /** The same UPN always gives the same UPN for one copy (a former UPN stays the child's own). */
    upn(upn: string, k: number): string {
      if (!/^[A-Z]\d{12}$/.test(upn)) return upn;
      let i = upnIndex.get(upn);
      if (i === undefined) upnIndex.set(upn, (i = upnIndex.size));
      const body = upn.slice(1, 4) + String(i * copies + k).padStart(9, '0');
      return `${upnCheckLetter(body) ?? 'A'}${body}`;
    },
  };
}

/** Copies the 903 CSV files in `fromDir` to `toDir` with `children` children. Returns how many the demo's had. */
export function scale903(fromDir: string, toDir: string, children: number): { demoChildren: number } {
  const files = readdirSync(fromDir).filter((f) => f.endsWith('.csv'));
  const tables = files.map((name) => {
    const rows = parse<Record<string, string>>(readFileSync(path.join(fromDir, name)), { columns: true });
    const header = readFileSync(path.join(fromDir, name), 'utf8').split(/\r?\n/, 1)[0] ?? '';
    const byChild = new Map<string, Array<Record<string, string>>>();
    for (const row of rows) {
      const id = row.CHILD ?? '';
      byChild.set(id, [...(byChild.get(id) ?? []), row]);
    }
    return { name, columns: header.split(','), byChild };
  });
  const ids = [...new Set(tables.flatMap((t) => [...t.byChild.keys()]))];
  if (ids.length === 0) throw new Error(`no children in ${fromDir}`);
  const copies = Math.ceil(children / ids.length);
  const rename = renamer(copies);
  for (const t of tables) {
    const out: Array<Record<string, string>> = [];
    for (let j = 0; j < children; j++) {
      const id = ids[j % ids.length] as string;
      const k = Math.floor(j / ids.length);
      for (const row of t.byChild.get(id) ?? [])
        out.push({
          ...row,
          CHILD: rename.childId(id, k),
          ...(row.UPN !== undefined ? { UPN: rename.upn(row.UPN, k) } : {}),
        });
    }
    writeFileSync(path.join(toDir, t.name), stringify(out, { header: true, columns: t.columns }));
  }
  return { demoChildren: ids.length };
}

/** Copies the CIN census `from` to `to` with `children` children. Returns how many the demo's had. */
export function scaleCin(from: string, to: string, children: number): { demoChildren: number } {
  const xml = readFileSync(from, 'utf8');
  const first = xml.indexOf('<Child>');
  const last = xml.lastIndexOf('</Child>') + '</Child>'.length;
  if (first < 0) throw new Error(`no children in ${from}`);
  const blocks = xml.slice(first, last).split(/(?<=<\/Child>)\s*/);
  const copies = Math.ceil(children / blocks.length);
  const rename = renamer(copies);
  const out: string[] = [xml.slice(0, first)];
  for (let j = 0; j < children; j++) {
    const block = blocks[j % blocks.length] as string;
    const k = Math.floor(j / blocks.length);
    out.push(
      block
        .replace(
          /<LAchildID>([^<]*)<\/LAchildID>/,
          (_, id: string) => `<LAchildID>${rename.childId(id, k)}</LAchildID>`,
        )
        .replace(
          /<(UPN|FormerUPN)>([^<]*)<\/\1>/g,
          (_, tag: string, upn: string) => `<${tag}>${rename.upn(upn, k)}</${tag}>`,
        ),
      '\n    ',
    );
  }
  out.push(xml.slice(last));
  writeFileSync(to, out.join(''));
  return { demoChildren: blocks.length };
}
