import cookie from '@fastify/cookie';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { randomSecret } from '../crypto';
import { AppError } from '../errors/app-error';
import type { AuthService } from '../services/auth.service';
import type { HealthService } from '../services/health.service';
import type { TokenService } from '../services/token.service';
import type { CredentialService } from '../services/credential.service';
import type { ModelCatalogService } from '../services/model-catalog.service';
import type { ProviderService } from '../services/provider.service';
import { providerRoutes } from './routes/provider.routes';
import type { CalibrationService } from '../services/calibration.service';
import type { ChatService } from '../services/chat.service';
import type { ConversationService } from '../services/conversation.service';
import { calibrationRoutes } from './routes/calibration.routes';
import { conversationRoutes } from './routes/conversation.routes';
import type { GovernanceService } from '../services/governance.service';
import type { OrgService } from '../services/org.service';
import type { UsageReportService } from '../services/usage-report.service';
import { orgRoutes } from './routes/org.routes';
import type { OrgAccess } from '../services/org-access';
import { registerAuthentication } from './authenticate';
import { errorBody, handleError, isGatewayPath } from './error-handler';
import { openAiError } from './openai-format';
import { gatewayRoutes } from './routes/gateway.routes';
import { isAppPath, registerWebApp, type RuntimeConfig } from './web-app';
import type { GatewayService } from '../services/gateway.service';
import type { Metrics } from '../services/metrics';
import { metricsRoutes } from './routes/metrics.routes';
import { authRoutes } from './routes/auth.routes';
import { healthRoutes } from './routes/health.routes';
import { meRoutes } from './routes/me.routes';
import { tokenRoutes } from './routes/token.routes';
import './types';

export interface AppServices {
  auth: AuthService;
  tokens: TokenService;
  health: HealthService;
  providers: ProviderService;
  credentials: CredentialService;
  catalog: ModelCatalogService;
  conversations: ConversationService;
  chat: ChatService;
  calibration: CalibrationService;
  orgs: OrgService;
  governance: GovernanceService;
  usageReports: UsageReportService;
  orgAccess: OrgAccess;
  gateway: GatewayService;
  metrics: Metrics;
}

export interface HttpOptions {
  /** What the web app is told at load (injected into index.html). */
  runtimeConfig: () => Promise<RuntimeConfig>;
  /** Lets non-loopback scrapers read /metrics with this bearer token. */
  metricsToken: string | undefined;
  logger: FastifyBaseLogger;
  bodyLimitBytes: number;
  secureCookies: boolean;
  sessionTtlMs: number;
}

export interface RouteEntry {
  method: string;
  url: string;
  access: string;
}

const requestIdPattern = /^[A-Za-z0-9._-]{1,64}$/;

/** Builds the HTTP app: one error mapping, request ids, auth, and one routes file per resource. */
export async function createHttpApp(
  services: AppServices,
  options: HttpOptions,
): Promise<{ app: FastifyInstance; routes: RouteEntry[] }> {
  const app = Fastify({
    loggerInstance: options.logger,
    // One line per request, written in onResponse below, instead of Fastify's two.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: options.bodyLimitBytes,
    trustProxy: false,
    requestIdHeader: false,
    genReqId: (request) => {
      const incoming = request.headers['x-request-id'];
      return typeof incoming === 'string' && requestIdPattern.test(incoming) ? incoming : randomSecret('', 9);
    },
  });
  const routes: RouteEntry[] = [];
  app.addHook('onRoute', (route) => {
    // The web app's hashed static assets are public like index.html; every other route declares access.
    if (route.url.startsWith('/assets/')) route.config = { ...route.config, access: 'public' };
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      if (method === 'HEAD') continue;
      routes.push({ method, url: route.url, access: route.config?.access ?? 'user' });
    }
  });
  app.addHook('onSend', async (request, reply) => {
    void reply.header('x-request-id', request.id);
  });
  app.addHook('onResponse', async (request, reply) => {
    services.metrics.request(request.method, request.routeOptions.url ?? 'unmatched', reply.statusCode);
    request.log.info(
      {
        method: request.method,
        url: request.routeOptions.url ?? 'unmatched',
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime),
      },
      'request',
    );
  });

  app.addHook('onSend', async (_request, reply) => {
    void reply
      .header('x-content-type-options', 'nosniff')
      .header('referrer-policy', 'no-referrer')
      .header('x-frame-options', 'DENY');
  });

  void app.register(cookie);
  registerAuthentication(app, services.auth, services.orgAccess);
  app.setErrorHandler(handleError);
  const webApp = await registerWebApp(app, options.runtimeConfig);
  app.setNotFoundHandler(async (request, reply) => {
    if (webApp && request.method === 'GET' && isAppPath(request.url)) return reply.sendIndex();
    const error = new AppError('not_found', `no route for ${request.method} ${request.url.split('?')[0] ?? ''}`);
    return reply.status(404).send(isGatewayPath(request.url) ? openAiError(error) : errorBody(error));
  });

  healthRoutes(app, services.health);
  authRoutes(app, services.auth, {
    secure: options.secureCookies,
    maxAgeSeconds: Math.floor(options.sessionTtlMs / 1000),
  });
  meRoutes(app, services.auth);
  tokenRoutes(app, services.tokens);
  providerRoutes(app, services);
  calibrationRoutes(app, services.calibration);
  conversationRoutes(app, services);
  orgRoutes(app, services);
  gatewayRoutes(app, services.gateway);
  metricsRoutes(app, services.metrics, options.metricsToken);
  app.get('/', { config: { access: 'public' } }, async (_request, reply) =>
    webApp
      ? reply.sendIndex()
      : reply
          .type('text/html')
          .send(
            '<!doctype html><title>ChatStudio</title><p>ChatStudio API is up; the web app is not built (npm start builds it). See <a href="/api/health">/api/health</a>.</p>',
          ),
  );
  return { app, routes };
}
