/**
 * Text in, proposal out: normalise → segment → recognise. Pure and synchronous.
 */
import type { ProposedInspection } from '../proposal';
import { toLines } from './normalise';
import { recognise } from './recognise';
import { toBlocks } from './segment';

export function readText(text: string): ProposedInspection {
  return recognise(toBlocks(toLines(text)));
}
