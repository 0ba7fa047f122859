import { PUBLIC, type AuthzRows } from '../../authz-matrix.ts';

/** Probes and metrics are for load balancers and Prometheus: reachable without signing in. */
export const authzRows: AuthzRows = {
  'GET /healthz': { expect: PUBLIC },
  'GET /readyz': { expect: PUBLIC },
  'GET /metrics': { expect: PUBLIC },
};
