import type { RouteBuilder } from '../../../web/route';

export function frameworkRoutes(_r: RouteBuilder): void {}
