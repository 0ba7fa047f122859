import { PUBLIC, SIGNED_IN, only, type AuthzRows } from '../../authz-matrix.ts';

/** Who may call the identity routes (sign-in, own settings, directory, administration). */
export const authzRows: AuthzRows = {
  'GET /api/auth/session': { expect: PUBLIC },
  'POST /api/auth/login': {
    expect: PUBLIC,
    // Wrong credentials answer 401 auth.invalid_credentials: about the input, so still "allow".
    request: () => ({ body: { email: 'nobody@example.test', password: 'not-the-password' } }),
  },
  'POST /api/auth/logout': { expect: PUBLIC },
  'POST /api/auth/logout-all': { expect: SIGNED_IN },
  'GET /api/auth/oidc/start': { expect: PUBLIC },
  'GET /api/auth/oidc/callback': { expect: PUBLIC },
  'GET /api/me': { expect: SIGNED_IN },
  'PATCH /api/me': { expect: SIGNED_IN, request: () => ({ body: { workStart: '09:30' } }) },

  'GET /api/users/:id': {
    expect: SIGNED_IN,
    request: async (ctx) => ({ url: `/api/users/${(await ctx.user()).id}` }),
  },
  'GET /api/departments': { expect: SIGNED_IN },
  'GET /api/people': { expect: SIGNED_IN, request: () => ({ url: '/api/people?q=%E9%AB%98&limit=5' }) },

  'GET /api/admin/users': { expect: only('admin'), request: () => ({ url: '/api/admin/users?q=a&limit=5' }) },
  'POST /api/admin/users': {
    expect: only('admin'),
    request: (ctx) => ({ body: { email: `new-${ctx.unique}@example.test`, name: '新規 さん' } }),
  },
  'PATCH /api/admin/users/:id': {
    expect: only('admin'),
    request: async (ctx) => ({ url: `/api/admin/users/${(await ctx.user()).id}`, body: { title: '主任' } }),
  },
  'POST /api/admin/users/:id/password': {
    expect: only('admin'),
    request: async (ctx) => ({
      url: `/api/admin/users/${(await ctx.user()).id}/password`,
      body: { password: 'a-new-password-123' },
    }),
  },
  'POST /api/admin/departments': {
    expect: only('admin'),
    request: (ctx) => ({ body: { code: `M-${ctx.unique}`, name: '新しい部署' } }),
  },
  'PATCH /api/admin/departments/:id': {
    expect: only('admin'),
    request: async (ctx) => ({
      url: `/api/admin/departments/${(await ctx.department()).id}`,
      body: { name: '改名' },
    }),
  },
  'DELETE /api/admin/departments/:id': {
    expect: only('admin'),
    request: async (ctx) => ({ url: `/api/admin/departments/${(await ctx.department()).id}` }),
  },
  'POST /api/admin/import': {
    expect: only('admin'),
    request: (ctx) => ({
      body: { usersCsv: `email,name\nimp-${ctx.unique}@example.test,取込 さん\n`, dryRun: true },
    }),
  },
};
