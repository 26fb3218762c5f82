/**
 * The writing step in a worker thread (decision 0020): takes { id, document, format } messages, writes each
 * ReportDocument as DOCX or PDF and posts { id, bytes } (or { id, error }) back. Started once by write-in-worker.ts
 * through write-worker-boot.mjs, which registers tsx in the worker first.
 */
import { parentPort } from 'node:worker_threads';
import type { ReportFormat } from '../db/schema/index';
import { reportDocx } from './docx';
import type { ReportDocument } from './model';
import { reportPdf } from './pdf';

parentPort?.on('message', (job: { id: number; document: ReportDocument; format: ReportFormat }) => {
  void (async () => {
    try {
      const bytes = job.format === 'docx' ? await reportDocx(job.document) : await reportPdf(job.document);
      // A fresh buffer of its own, so that it can be transferred rather than copied.
      const out = new Uint8Array(bytes.length);
      out.set(bytes);
      parentPort?.postMessage({ id: job.id, bytes: out }, [out.buffer]);
    } catch (err) {
      parentPort?.postMessage({
        id: job.id,
        error: err instanceof Error ? `${err.name}: ${err.message}` : 'The writer failed',
      });
    }
  })();
});
