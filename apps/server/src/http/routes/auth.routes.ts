import { changePasswordRequestSchema, loginRequestSchema, setupRequestSchema } from '@chatstudio/contract';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { AuthService, NewSession } from '../../services/auth.service';
import { principalOf, SESSION_COOKIE } from '../authenticate';
import { parse } from '../validate';

export interface CookieSettings {
  secure: boolean;
  maxAgeSeconds: number;
}

export function authRoutes(app: FastifyInstance, auth: AuthService, cookies: CookieSettings): void {
  const sendSession = (reply: FastifyReply, session: NewSession, status: number) =>
    reply
      .setCookie(SESSION_COOKIE, session.cookieValue, {
        path: '/',
        httpOnly: true,
        sameSite: 'strict',
        secure: cookies.secure,
        maxAge: cookies.maxAgeSeconds,
      })
      .status(status)
      .send(session.me);

  app.post('/api/auth/setup', { config: { access: 'public' } }, async (request, reply) =>
    sendSession(reply, await auth.setup(parse(setupRequestSchema, request.body)), 201),
  );

  app.post('/api/auth/login', { config: { access: 'public' } }, async (request, reply) => {
    const body = parse(loginRequestSchema, request.body);
    return sendSession(reply, await auth.login({ ...body, ip: request.ip }), 200);
  });

  app.post('/api/auth/logout', { config: { access: 'authenticated' } }, async (request, reply) => {
    await auth.logout(principalOf(request));
    return reply.clearCookie(SESSION_COOKIE, { path: '/' }).status(204).send();
  });

  app.post('/api/auth/password', { config: { access: 'authenticated' } }, async (request, reply) => {
    const body = parse(changePasswordRequestSchema, request.body);
    await auth.changePassword(principalOf(request), body.currentPassword, body.newPassword);
    return reply.status(204).send();
  });
}
