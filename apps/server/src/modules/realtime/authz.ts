import { SIGNED_IN, type AuthzRows } from '../../authz-matrix.ts';

/**
 * The live event stream is for anyone signed in; which streams a connection may read is decided
 * per stream at subscribe time (realtime.test.ts). A plain GET without an upgrade answers 426.
 */
export const authzRows: AuthzRows = {
  'GET /api/events/ws': { expect: SIGNED_IN },
};
