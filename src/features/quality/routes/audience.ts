/**
 * Who is looking at the audit results: staff (child:read) see every count, members see counts from 1 to 4 as "c".
 */
import { can } from '../../../domain/roles';
import type { Audience } from '../../indicators/present';
import type { CurrentUser } from '../../../accounts/users/service';

export function audienceOf(user: CurrentUser): Audience {
  return can(user.role, 'child:read') ? 'staff' : 'members';
}
