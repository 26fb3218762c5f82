/**
 * Inspections on the web: the timeline (/inspections), one record (/inspections/:id), the form that records or
 * corrects one (/inspections/new, /inspections/:id/edit), deletion with a confirmation, and reading an Ofsted report
 * in (/inspections/read) to fill the same form for checking. The API is in ../api.ts.
 * One module a page or sub-journey: timeline, create (with the form re-drawn), read, show, edit, delete.
 *
 * The forms are multipart (a report's paragraphs can exceed the 100 kB urlencoded limit, and the read-in page takes a
 * file), so they carry the CSRF token in the action URL like every upload form; urlencoded posts work too.
 *
 * Order matters: the fixed paths (/inspections/new, /inspections/read) are mounted before /inspections/:inspectionId,
 * and /inspections/national (the national picture, mounted by its own feature) must be mounted before this feature.
 */
import type { RouteBuilder } from '../../../web/route';
import { inspectionApiRoutes } from '../api';
import { inspectionCreateRoutes } from './create';
import { inspectionDeleteRoutes } from './delete';
import { inspectionEditRoutes } from './edit';
import { inspectionReadRoutes } from './read';
import { inspectionShowRoutes } from './show';
import { inspectionTimelineRoutes } from './timeline';

export function inspectionRoutes(r: RouteBuilder): void {
  inspectionTimelineRoutes(r);
  // Fixed paths before /inspections/:inspectionId.
  inspectionCreateRoutes(r);
  inspectionReadRoutes(r);
  inspectionShowRoutes(r);
  inspectionEditRoutes(r);
  inspectionDeleteRoutes(r);
  inspectionApiRoutes(r);
}
