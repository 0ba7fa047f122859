/** Limits shared by server validation and web forms. Keep them here so both sides agree. */
export const LIMITS = {
  nameMax: 100,
  emailMax: 254,
  passwordMin: 10,
  passwordMax: 256,
  departmentNameMax: 100,
  departmentCodeMax: 50,
  bioMax: 2000,
  titleMax: 100,
  csvMaxBytes: 2 * 1024 * 1024,
  csvMaxRows: 20000,
  /** A CSV import reports at most this many row problems (then one `too_many_issues`). */
  csvMaxIssues: 500,
  pageSizeDefault: 50,
  pageSizeMax: 200,
  /** The people directory (`GET /api/people`) answers pickers: small pages, people narrow by typing. */
  peoplePageDefault: 20,
  peoplePageMax: 50,
  loginMaxFailures: 5,
  loginLockMinutes: 15,
} as const;
