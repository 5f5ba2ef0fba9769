import type { OrgRole } from '@chatstudio/contract';
import type { Principal } from '../services/principal';

/**
 * Who may call a route. Every route declares one; the authorization matrix test reads them.
 * - `public`: anyone;
 * - `authenticated`: any signed-in user, even one who must still change a one-time password;
 * - `user`: a signed-in user who has no pending password change;
 * - `instanceAdmin`: the instance administrator;
 * - `session`: a signed-in browser session (no pending password change), never a Bearer token.
 * Organisation roles are checked in services, against the organisation named in the route.
 */
export type Access = 'public' | 'authenticated' | 'user' | 'instanceAdmin' | 'session';

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
    /** For `/api/orgs/:org/…` routes: the least role in that org; outsiders get 404, lower roles 403. */
    orgRole?: OrgRole;
  }
  interface FastifyRequest {
    principal: Principal | undefined;
  }
}
