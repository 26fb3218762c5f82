/**
 * Progress for long work: a bar per stage on a terminal (cli-progress), plain lines otherwise (CI, logs).
 */
import { WriteStream } from 'node:tty';
import cliProgress from 'cli-progress';
import { cliIo, type CliWritable } from './io';

export interface ProgressEvent {
  stage: string;
  done: number;
  total: number;
}

export function createProgress(stream: CliWritable = cliIo().stderr): { update(p: ProgressEvent): void; stop(): void } {
  if (!(stream instanceof WriteStream) || !stream.isTTY) {
    let lastStage = '';
    return {
      update(p) {
        if (p.stage !== lastStage) {
          lastStage = p.stage;
          stream.write(`… ${p.stage}\n`);
        }
      },
      stop() {},
    };
  }
  const bar = new cliProgress.SingleBar(
    { format: ' {bar} {percentage}% | {stage} | {value}/{total}', stream, hideCursor: true, clearOnComplete: false },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  let stage = '';
  return {
    update(p) {
      if (!started) {
        bar.start(Math.max(1, p.total), p.done, { stage: p.stage });
        started = true;
      }
      if (p.stage !== stage) {
        stage = p.stage;
        bar.setTotal(Math.max(1, p.total));
      }
      bar.update(p.done, { stage: p.stage });
    },
    stop() {
      if (started) bar.stop();
    },
  };
}
