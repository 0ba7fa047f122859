import { SIGNED_IN, type AuthzRows } from '../../authz-matrix.ts';

/** Anyone signed in may search; what they find is limited per document (search.test.ts). */
export const authzRows: AuthzRows = {
  'GET /api/search': { expect: SIGNED_IN, request: () => ({ url: '/api/search?q=研修' }) },
};
