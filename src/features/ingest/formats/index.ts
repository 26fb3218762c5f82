/**
 * The import formats Lantern reads, in the order they are offered files: each claims the files it recognises by
 * content, and what one format claims the next does not see. Workbooks and XML first (unambiguous), then the
 * SSDA903 tables (recognised by their exact columns), then the SSD tables (by their field prefixes).
 */
import type { ImportFormat } from '../format';
import { annexAFormat } from './annex-a/index';
import { cinCensusFormat } from './cin/index';
import { ssdFormat } from './ssd/index';
import { ssda903Format } from './ssda903/index';

export const FORMATS: readonly ImportFormat[] = [annexAFormat, cinCensusFormat, ssda903Format, ssdFormat];
