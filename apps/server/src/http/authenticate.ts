import type { FastifyInstance, FastifyRequest } from 'fastify';
import { safeEqual } from '../crypto';
import { AppError } from '../errors/app-error';
import type { AuthService } from '../services/auth.service';
import type { OrgAccess } from '../services/org-access';
import type { Access } from './types';

export const SESSION_COOKIE = 'chatstudio_session';

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Resolves the caller before the body is read, then enforces the route's declared access and the
 * CSRF rule: a cookie-authenticated write must echo the session's token in `X-CSRF-Token`.
 * Bearer-token callers need no CSRF token (browsers never attach it on their own).
 */
export function registerAuthentication(app: FastifyInstance, auth: AuthService, orgAccess: OrgAccess): void {
  app.decorateRequest('principal', undefined);
  app.addHook('onRequest', async (request) => {
    // Unmatched routes fall through to the JSON 404 without asking who is calling.
    if (request.routeOptions.url === undefined) return;
    const access: Access = request.routeOptions.config.access ?? 'user';
    if (access === 'public') {
      // A public route works the same with or without credentials, even stale ones.
      request.principal = await resolvePrincipal(request, auth).catch(() => undefined);
      return;
    }
    request.principal = await resolvePrincipal(request, auth);
    const principal = request.principal;
    if (!principal) throw new AppError('unauthorized', 'sign in, or send a personal access token as a Bearer token');
    if (principal.via.kind === 'session' && unsafeMethods.has(request.method)) {
      const sent = request.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !safeEqual(sent, principal.via.csrfToken)) {
        throw new AppError('forbidden', 'missing or wrong X-CSRF-Token header');
      }
    }
    if (access !== 'authenticated' && principal.mustChangePassword) {
      throw new AppError('forbidden', 'change your one-time password first', {
        details: { reason: 'password_change_required' },
      });
    }
    if (access === 'instanceAdmin' && !principal.isInstanceAdmin) {
      throw new AppError('forbidden', 'only the instance administrator can do this');
    }
    if (access === 'session' && principal.via.kind !== 'session') {
      throw new AppError('forbidden', 'do this from a signed-in browser session, not with an access token');
    }
    const orgRole = request.routeOptions.config.orgRole;
    if (orgRole) {
      // Checked before the body is read, so an outsider learns nothing from validation errors.
      const orgId = (request.params as { org?: unknown }).org;
      await orgAccess.require(principal, typeof orgId === 'string' ? orgId : '', orgRole);
    }
  });
}

async function resolvePrincipal(request: FastifyRequest, auth: AuthService) {
  const authorization = request.headers.authorization;
  if (authorization !== undefined) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    const principal = match?.[1] ? await auth.fromBearerToken(match[1]) : undefined;
    if (!principal) throw new AppError('unauthorized', 'the access token is invalid or revoked');
    return principal;
  }
  const cookie = request.cookies[SESSION_COOKIE];
  return cookie ? auth.fromSessionCookie(cookie) : undefined;
}

/** The caller of a route that declared an access level other than `public`. */
export function principalOf(request: FastifyRequest) {
  const principal = request.principal;
  if (!principal) throw new AppError('unauthorized', 'sign in first');
  return principal;
}
