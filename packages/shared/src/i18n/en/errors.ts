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
    sso_no_account: 'There is no account for this e-mail address yet. Ask an administrator to create one.',
    sso_email_unverified:
      'Single sign-on did not provide a verified e-mail address. Please contact an administrator.',
    sso_account_conflict:
      'The account for this e-mail address is linked to a different single sign-on identity. Please contact an administrator.',
  },
  identity: {
    email_taken: 'This e-mail address is already in use.',
    department_code_taken: 'This department code is already in use.',
    department_cycle: 'A department cannot be moved under itself.',
    department_not_empty: 'A department with members or sub-departments cannot be deleted.',
    unknown_department: 'The department was not found.',
    unknown_user: 'The user was not found.',
    last_admin: 'The last active administrator cannot be disabled or lose the admin role.',
    invalid_time_zone: 'The time zone is not valid.',
    invalid_working_hours:
      'Working hours must look like 09:00, and work cannot start and end at the same time.',
  },
  csv: {
    invalid: 'The CSV has errors. Nothing was imported. Fix the rows listed below and upload it again.',
    too_large: 'The CSV file is too large.',
  },
  community: {
    private_reason_required: 'To make a community private, state the reason.',
    rules_ack_required: "Before posting, please read and acknowledge this community's purpose and rules.",
    code_of_conduct_ack_required: 'Before your first post, please read and acknowledge the code of conduct.',
    membership_required: 'Join the community to post or comment.',
    last_organizer: 'A community needs at least one organizer. Add another organizer first.',
    name_taken: 'A community with this name already exists. Join it or choose another name.',
    company_wide_not_allowed:
      'Only admins and HR can make company-wide announcements, and only in open communities.',
    announcement_organizers_only: "Only the community's organizers can post announcements.",
    not_a_question: 'Only a question can have an accepted answer.',
    comment_not_in_post: 'This comment does not belong to this post.',
    reply_too_deep: 'You cannot reply to a reply. Reply to the original comment instead.',
    signal_not_applicable: '"I used this" and "This helped" are only for know-how posts.',
    confirmation_not_requested: 'This announcement does not ask for confirmation.',
    attachment_type_refused:
      'This file type cannot be attached (images: PNG, JPEG, GIF, WebP; documents: PDF, text, CSV, Word, Excel, PowerPoint).',
    attachment_too_large: 'The file is too large (limit {{maxMb}} MB).',
    attachment_missing: 'No file was chosen.',
    attachment_unavailable: 'Some files cannot be attached. Please upload them again.',
    too_many_webhooks: 'This community has reached its webhook limit. Revoke one you no longer use.',
    webhook_invalid_payload: 'The webhook payload could not be read (it needs text, blocks or attachments).',
    urgent_announcement_limit:
      'A community can send at most one urgent announcement every {{windowHours}} hours. The next one is possible in about {{hours}} h. Without "urgent" you can post it now (it reaches people in their working hours).',
  },
  vault: {
    unavailable: 'Your private data could not be opened. Please try again later.',
  },
  companion: {
    model_failed:
      'No answer came back from the AI. Your message is not lost; wait a moment and send it again.',
    model_timeout:
      'The AI took too long to answer, so it was stopped. Your message is not lost; send it again.',
    conversation_full: 'This conversation cannot get any longer. Please start a new one.',
    history_too_large: 'The conversation so far is too long. Please start a new one.',
  },
  realtime: {
    origin_forbidden: 'Live updates cannot be opened from this page.',
    upgrade_required: 'This URL only accepts WebSocket connections.',
  },
  notifications: {
    invalid_cursor: 'Could not load more notifications. Please reload the list.',
  },
  search: {
    query_required: 'Enter a word to search for.',
    invalid_cursor: 'Could not load more results. Please search again.',
  },
  career: {
    opportunity_closed: 'This opportunity is no longer open.',
    own_opportunity: 'You cannot apply to an opportunity you run yourself.',
    preview_outdated:
      'Your profile changed after the preview was shown. Please check again what will be sent.',
    opportunity_has_applications: 'An opportunity with applications cannot be deleted. Close it instead.',
    recipient_changed:
      'The person who runs this opportunity (who receives your application) changed after the preview was shown. Please check the new recipient and apply again.',
    profile_outdated:
      'Your profile was updated in another window. Please check the latest content and publish again.',
  },
  oneonone: {
    no_manager: 'You have no manager set, so there is no one to share with.',
    no_summary: 'This conversation has no summary yet. Use "Summarise" first.',
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
    invalid_encoding: 'Cannot read the character encoding. Save the file as UTF-8 (in Excel: "CSV UTF-8").',
    unknown_column: 'Unknown column',
    missing_column: 'Required column is missing',
    last_admin: 'The last administrator cannot lose the admin role',
    too_many_issues: 'Too many problems; checking stopped here',
  },
};
