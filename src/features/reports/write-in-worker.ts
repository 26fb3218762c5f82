/**
 * Step 2 of a report (writing the DOCX or PDF) in a worker thread, so that the web server keeps answering while a
 * long report is written: rendering charts (resvg) and laying out a PDF are CPU work that held the event loop for
 * over a second on a large document (decision 0020). One worker per report; it ends when it has posted the file.
 */
import { Worker } from 'node:worker_threads';
import type { ReportFormat } from '../../db/schema/index';
import type { ReportDocument } from './model';

const BOOT = new URL('./write-worker-boot.mjs', import.meta.url);
const ENTRY = new URL('./write-worker.ts', import.meta.url).href;

export function writeInWorker(document: ReportDocument, format: ReportFormat): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(BOOT, { workerData: { document, format, entry: ENTRY } });
    let result: Buffer | null = null;
    worker.once('message', (bytes: Uint8Array) => {
      result = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (result) resolve(result);
      else reject(new Error(`The report writer stopped (exit code ${code}) without writing the file`));
    });
  });
}
