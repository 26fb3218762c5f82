/**
 * Who is looking at a tracker: their authority, role and the children they may see (team managers and social
 * workers: their own team).
 */
import { childScope } from '../../../domain/roles';
import type { CurrentUser } from '../../../accounts/users/service';
import { viewerOf, type Viewer } from '../service';

export function viewer(user: CurrentUser): Viewer {
  return viewerOf(user, childScope(user));
}
