/**
 * The import formats Lantern reads, in the order they are offered files: each claims the files it recognises by
 * content, and what one format claims the next does not see.
 */
import type { ImportFormat } from '../format';

export const FORMATS: readonly ImportFormat[] = [];
