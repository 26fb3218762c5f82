/**
 * Who is looking: staff (child:read) see every figure; members see counts under 5 as "c" and no drill-down.
 */
import { can } from '../../../domain/roles';
import type { CurrentUser } from '../../../accounts/users/service';
import type { Audience } from '../present';

export function audienceOf(user: CurrentUser): Audience {
  return can(user.role, 'child:read') ? 'staff' : 'members';
}
