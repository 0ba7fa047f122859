import type { CatalogShape } from '../index.ts';
import type { jaErrors } from '../ja/errors.ts';

export const enErrors: CatalogShape<typeof jaErrors> = {
  common: {
    validation: 'Please check your input.',
    not_found: 'Not found.',
    unauthenticated: 'Please sign in.',
    forbidden: 'You do not have permission to do this.',
    csrf: 'This page has expired. Reload it and try again.',
    rate_limited: 'Too many requests. Please wait a moment and try again.',
    conflict: 'This conflicts with another change. Please reload.',
    internal: 'Something went wrong. Please try again later.',
    payload_too_large: 'The file or input is too large.',
    not_ready: 'The service is not ready.',
  },
  auth: {
    invalid_credentials: 'The e-mail address or password is incorrect.',
    locked:
      'This account is temporarily locked after repeated failed sign-ins. Try again in {{minutes}} minutes.',
    sso_not_configured: 'Single sign-on is not configured.',
    sso_failed: 'Single sign-on failed. Please try again.',
    account_disabled: 'This account is disabled. Please contact your administrator.',
    password_login_disabled: 'This account cannot sign in with a password. Please use single sign-on.',
  },
  identity: {
    email_taken: 'This e-mail address is already in use.',
    department_code_taken: 'This department code is already in use.',
    department_cycle: 'A department cannot be moved under itself.',
    department_not_empty: 'A department with members or sub-departments cannot be deleted.',
    unknown_department: 'The department was not found.',
    unknown_user: 'The user was not found.',
    last_admin: 'The last administrator cannot lose the admin role.',
    invalid_time_zone: 'The time zone is not valid.',
    invalid_working_hours: 'Working hours must look like 09:00.',
  },
  csv: {
    invalid: 'The CSV has errors. Nothing was imported. Fix the rows listed below and upload it again.',
    too_large: 'The CSV file is too large.',
  },
  field: {
    required: 'Required',
    too_long: 'Too long',
    too_short: 'Too short',
    invalid_email: 'Not a valid e-mail address',
    invalid_format: 'Invalid format',
    invalid_value: 'Invalid value',
    duplicate: 'Duplicated in the file',
    unknown_reference: 'Referenced item not found',
    taken: 'Already in use',
    cycle: 'Parent relationship forms a cycle',
  },
};
