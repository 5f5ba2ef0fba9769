import {
  addMemberSchema,
  calibrationOverrideSchema,
  changeRoleSchema,
  connectKeyRequestSchema,
  createOrgSchema,
  policySchema,
} from '@chatstudio/contract';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { GovernanceService } from '../../services/governance.service';
import type { OrgService } from '../../services/org.service';
import type { UsageReportService } from '../../services/usage-report.service';
import { principalOf } from '../authenticate';
import { parse } from '../validate';
import { parseTask } from './calibration.routes';
import { parseProvider } from './provider.routes';

const id = z.string().min(1).max(100);
const orgParams = z.object({ org: id });
const memberParams = z.object({ org: id, userId: id });
const connectionParams = z.object({ org: id, credentialId: id });
const auditQuery = z.object({
  action: z.string().max(100).optional(),
  actor: id.optional(),
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
const usageQuery = z.object({
  scope: z.enum(['me', 'org']).optional(),
  from: z.string().max(10).optional(),
  to: z.string().max(10).optional(),
});

export function orgRoutes(
  app: FastifyInstance,
  services: { orgs: OrgService; governance: GovernanceService; usageReports: UsageReportService },
): void {
  const { orgs, governance, usageReports } = services;
  const org = (params: unknown) => parse(orgParams, params).org;

  app.post('/api/orgs', { config: { access: 'instanceAdmin' } }, async (request, reply) =>
    reply.status(201).send(await orgs.create(principalOf(request), parse(createOrgSchema, request.body).name)),
  );
  app.get('/api/orgs', { config: { access: 'user' } }, async (request) => ({
    orgs: await orgs.listMine(principalOf(request)),
  }));

  app.get('/api/orgs/:org/members', { config: { access: 'user', orgRole: 'admin' } }, async (request) => ({
    members: await orgs.members(principalOf(request), org(request.params)),
  }));
  app.post('/api/orgs/:org/members', { config: { access: 'user', orgRole: 'admin' } }, async (request, reply) =>
    reply
      .status(201)
      .send(await orgs.addMember(principalOf(request), org(request.params), parse(addMemberSchema, request.body))),
  );
  app.patch(
    '/api/orgs/:org/members/:userId',
    { config: { access: 'user', orgRole: 'admin' } },
    async (request, reply) => {
      const params = parse(memberParams, request.params);
      await orgs.changeRole(
        principalOf(request),
        params.org,
        params.userId,
        parse(changeRoleSchema, request.body).role,
      );
      return reply.status(204).send();
    },
  );
  app.delete(
    '/api/orgs/:org/members/:userId',
    { config: { access: 'user', orgRole: 'admin' } },
    async (request, reply) => {
      const params = parse(memberParams, request.params);
      await orgs.removeMember(principalOf(request), params.org, params.userId);
      return reply.status(204).send();
    },
  );

  app.get('/api/orgs/:org/connections', { config: { access: 'user', orgRole: 'admin' } }, async (request) => ({
    connections: await governance.connections(principalOf(request), org(request.params)),
  }));
  app.delete(
    '/api/orgs/:org/connections/:credentialId',
    { config: { access: 'user', orgRole: 'admin' } },
    async (request, reply) => {
      const params = parse(connectionParams, request.params);
      await governance.revokeConnection(principalOf(request), params.org, params.credentialId);
      return reply.status(204).send();
    },
  );

  app.get('/api/orgs/:org/audit', { config: { access: 'user', orgRole: 'admin' } }, async (request) => {
    const query = parse(auditQuery, request.query);
    return governance.auditEntries(principalOf(request), org(request.params), {
      action: query.action,
      actorId: query.actor,
      before: query.before,
      limit: query.limit,
    });
  });

  app.get(
    '/api/orgs/:org/providers/:provider/models',
    { config: { access: 'user', orgRole: 'admin' } },
    async (request) => {
      const { refresh } = parse(z.object({ refresh: z.enum(['0', '1']).optional() }), request.query);
      return governance.orgModels(
        principalOf(request),
        org(request.params),
        parseProvider(request.params),
        refresh === '1',
      );
    },
  );
  app.put('/api/orgs/:org/providers/:provider/key', { config: { access: 'user', orgRole: 'admin' } }, async (request) =>
    governance.connectOrgKey(
      principalOf(request),
      org(request.params),
      parseProvider(request.params),
      parse(connectKeyRequestSchema, request.body),
    ),
  );
  app.delete(
    '/api/orgs/:org/providers/:provider/key',
    { config: { access: 'user', orgRole: 'admin' } },
    async (request, reply) => {
      await governance.removeOrgKey(principalOf(request), org(request.params), parseProvider(request.params));
      return reply.status(204).send();
    },
  );

  app.get('/api/orgs/:org/policy', { config: { access: 'user', orgRole: 'member' } }, async (request) =>
    governance.policy(principalOf(request), org(request.params)),
  );
  app.put('/api/orgs/:org/policy', { config: { access: 'user', orgRole: 'admin' } }, async (request) =>
    governance.updatePolicy(principalOf(request), org(request.params), parse(policySchema, request.body)),
  );

  app.put(
    '/api/orgs/:org/providers/:provider/calibration/:task',
    { config: { access: 'user', orgRole: 'admin' } },
    async (request) => {
      const override = parse(calibrationOverrideSchema, request.body);
      return {
        override: await governance.saveOrgCalibration(
          principalOf(request),
          org(request.params),
          parseProvider(request.params),
          parseTask(request.params),
          override,
        ),
      };
    },
  );
  app.delete(
    '/api/orgs/:org/providers/:provider/calibration/:task',
    { config: { access: 'user', orgRole: 'admin' } },
    async (request, reply) => {
      await governance.removeOrgCalibration(
        principalOf(request),
        org(request.params),
        parseProvider(request.params),
        parseTask(request.params),
      );
      return reply.status(204).send();
    },
  );

  app.get('/api/usage', { config: { access: 'user' } }, async (request) =>
    usageReports.report(principalOf(request), parse(usageQuery, request.query)),
  );
}
