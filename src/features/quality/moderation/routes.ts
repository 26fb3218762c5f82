import type { RouteBuilder } from '../../../web/route';

export function moderationRoutes(_r: RouteBuilder): void {}
