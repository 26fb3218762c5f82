import type { RouteBuilder } from '../../../web/route';

export function auditRoutes(_r: RouteBuilder): void {}
