/**
 * The Standard Safeguarding Dataset extract as an import format: a folder or zip of CSV files, one per SSD table,
 * each recognised by its columns' field prefix (pers_, cine_, clap_…), never by its name.
 */
import type { ImportFormat, SourceFile } from '../../format';
import { readSsd, recogniseFile } from './read';

export const ssdFormat: ImportFormat = {
  id: 'ssd',
  async claim(files: readonly SourceFile[]): Promise<SourceFile[]> {
    const mine: SourceFile[] = [];
    for (const file of files) if ((await recogniseFile(file).catch(() => null)) !== null) mine.push(file);
    return mine;
  },
  read: readSsd,
};
