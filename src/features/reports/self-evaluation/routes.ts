/** PLACEHOLDER (issue 7, being written): the self-evaluation's text by year and service area. */
import type { RouteBuilder } from '../../../web/route';

export function selfEvaluationRoutes(_r: RouteBuilder): void {}
