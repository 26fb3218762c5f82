/**
 * The writing step in a worker thread (decision 0020): writes one ReportDocument as DOCX or PDF and posts the bytes
 * back. Started by write-in-worker.ts through write-worker-boot.mjs, which registers tsx in the worker first.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { ReportFormat } from '../../db/schema/index';
import { reportDocx } from './docx';
import type { ReportDocument } from './model';
import { reportPdf } from './pdf';

const { document, format } = workerData as { document: ReportDocument; format: ReportFormat; entry: string };
const bytes = format === 'docx' ? await reportDocx(document) : await reportPdf(document);
// A fresh buffer of its own, so that it can be transferred rather than copied.
const out = new Uint8Array(bytes.length);
out.set(bytes);
parentPort?.postMessage(out, [out.buffer]);
