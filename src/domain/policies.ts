/**
 * Who may use a route, declared on the route (src/web/route.ts) rather than decided inside its handler. A policy is
 * a small named rule over the user's role; each feature names its own (e.g. src/features/quality/policies.ts) from
 * these pieces. Checks that need the record itself (an audit allocated to this user, a child in this team) stay in
 * the services, after the route's policy has let the user in.
 */
import { can, type Permission, type Role } from './roles';

export interface Policy {
  /** What the policy is called: shown in the API documentation ("Requires: …") and the route table. */
  readonly name: string;
  /** Whether a signed-in user with this role may use the route. */
  allows(role: Role): boolean;
}

/** A named policy. */
export function policy(name: string, allows: (role: Role) => boolean): Policy {
  return Object.freeze({ name, allows });
}

/** Every signed-in user, whatever their role (home, signing out, /api/me). */
export const anyoneSignedIn: Policy = policy('anyone signed in', () => true);

/** A user holding the one permission. */
export function hasPermission(permission: Permission): Policy {
  return policy(permission, (role) => can(role, permission));
}

/** A user holding at least one of the permissions. */
export function anyPermissionOf(...permissions: [Permission, Permission, ...Permission[]]): Policy {
  return policy(permissions.join(' or '), (role) => permissions.some((p) => can(role, p)));
}
