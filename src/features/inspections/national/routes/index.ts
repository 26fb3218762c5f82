/**
 * The national picture: GET /inspections/national (every authority's latest graded judgements from Ofsted's
 * published outcomes, filtered by Ofsted region and grade with a GET form that works without JavaScript; counts by
 * grade; the authority's own latest judgements beside its statistical neighbours') and GET /api/ofsted-outcomes.
 * inspection:read: every role, members too — published facts about authorities, never a child.
 *
 * One module per page or sub-journey, mounted in this order.
 */
import type { RouteBuilder } from '../../../../web/route';
import { nationalPage } from './page';
import { nationalApi } from './api';

export function nationalRoutes(r: RouteBuilder): void {
  nationalPage(r);
  nationalApi(r);
}
