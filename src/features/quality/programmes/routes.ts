import type { RouteBuilder } from '../../../web/route';

export function programmeRoutes(_r: RouteBuilder): void {}
