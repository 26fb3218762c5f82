import type { RouteBuilder } from '../../../web/route';

export function auditActionRoutes(_r: RouteBuilder): void {}
