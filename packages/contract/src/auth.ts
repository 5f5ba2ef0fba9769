import { z } from 'zod';

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .regex(/^[^\s@]+@[^\s@]+$/, 'email must look like name@domain');

export const passwordSchema = z
  .string()
  .min(10, 'password must be at least 10 characters')
  .max(256, 'password must be at most 256 characters');

export const setupRequestSchema = z.object({
  email: emailSchema,
  password: passwordSchema,
  name: z.string().trim().min(1).max(100),
});

export const loginRequestSchema = z.object({
  email: z.string().trim().toLowerCase().max(254),
  password: z.string().max(256),
});

export const changePasswordRequestSchema = z.object({
  currentPassword: z.string().max(256),
  newPassword: passwordSchema,
});

export const orgRoles = ['owner', 'admin', 'member'] as const;
export const orgRoleSchema = z.enum(orgRoles);
export type OrgRole = z.infer<typeof orgRoleSchema>;

export interface MeResponse {
  user: { id: string; email: string; name: string; role: 'admin' | 'user'; mustChangePassword: boolean };
  orgs: { id: string; name: string; role: OrgRole }[];
  activeOrgId: string | null;
  lastUsed: { provider: string; model: string } | null;
  csrfToken: string | null;
}

export const createTokenRequestSchema = z.object({ name: z.string().trim().min(1).max(100) });

export interface CreatedToken {
  id: string;
  name: string;
  token: string;
}

export interface TokenSummary {
  id: string;
  name: string;
  hint: string;
  createdAt: string;
  lastUsedAt: string | null;
}

export const createOrgSchema = z.object({ name: z.string().trim().min(1).max(100) });
export const addMemberSchema = z.object({
  email: emailSchema,
  name: z.string().trim().min(1).max(100),
  role: orgRoleSchema.default('member'),
});
export const changeRoleSchema = z.object({ role: orgRoleSchema });
