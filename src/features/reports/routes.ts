/** PLACEHOLDER (issue 7, being written): the reports page, generation in the background, downloads and the API. */
import type { RouteBuilder } from '../../web/route';

export function reportRoutes(_r: RouteBuilder): void {}
