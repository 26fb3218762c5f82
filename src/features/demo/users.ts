import { ROLES } from '../../domain/roles';

/** In the demo authority every role has one user, named after the role. */
export const DEMO_USERNAMES: readonly string[] = ROLES;
