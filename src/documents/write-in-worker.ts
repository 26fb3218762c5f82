/**
 * Step 2 of a report (writing the DOCX or PDF) in a worker thread, so that the web server keeps answering while a
 * long report is written: rendering charts (resvg) and laying out a PDF are CPU work that held the event loop for
 * seconds on the performance pack (decision 0020). One worker, started on first use and kept (loading tsx and the
 * writers takes seconds on a busy machine); it holds the process open only while it has work. If it dies, the
 * reports it was writing fail and the next one starts a new worker.
 */
import { Worker } from 'node:worker_threads';
import type { ReportFormat } from '../db/schema/index';
import type { ReportDocument } from './model';

const BOOT = new URL('./write-worker-boot.mjs', import.meta.url);
const ENTRY = new URL('./write-worker.ts', import.meta.url).href;

interface Pending {
  resolve: (bytes: Buffer) => void;
  reject: (err: Error) => void;
}

let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<number, Pending>();

function failAll(err: Error): void {
  for (const p of pending.values()) p.reject(err);
  pending.clear();
}

function theWorker(): Worker {
  if (worker) return worker;
  const started = new Worker(BOOT, { workerData: { entry: ENTRY } });
  started.on('message', (reply: { id: number; bytes?: Uint8Array; error?: string }) => {
    const p = pending.get(reply.id);
    if (!p) return;
    pending.delete(reply.id);
    if (pending.size === 0) started.unref();
    if (reply.bytes) p.resolve(Buffer.from(reply.bytes.buffer, reply.bytes.byteOffset, reply.bytes.byteLength));
    else p.reject(new Error(reply.error ?? 'The writer failed'));
  });
  started.on('error', (err) => {
    if (worker === started) worker = null;
    failAll(err);
  });
  started.on('exit', (code) => {
    if (worker === started) worker = null;
    failAll(new Error(`The report writer stopped (exit code ${code})`));
  });
  worker = started;
  return started;
}

export function writeInWorker(document: ReportDocument, format: ReportFormat): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const id = nextId++;
    pending.set(id, { resolve, reject });
    const w = theWorker();
    w.ref();
    w.postMessage({ id, document, format });
  });
}

/** Ends the worker (a server closing). */
export async function stopReportWriter(): Promise<void> {
  const w = worker;
  worker = null;
  if (w) await w.terminate();
}
