import { ApiError } from '../../api/errors.ts';
import type { CompanionSettings, CrisisContactInput } from './api.ts';

/** One support contact as edited in the form: every field a string (empty = not given). */
export interface ContactDraft {
  name: string;
  description: string;
  phone: string;
  url: string;
  hours: string;
}

export interface SettingsDraft {
  aiPolicyJa: string;
  aiPolicyEn: string;
  contacts: ContactDraft[];
}

export const EMPTY_CONTACT: ContactDraft = { name: '', description: '', phone: '', url: '', hours: '' };

/** The form's starting values from GET /api/companion/settings. */
export function toDraft(settings: CompanionSettings): SettingsDraft {
  return {
    aiPolicyJa: settings.aiPolicyJa ?? '',
    aiPolicyEn: settings.aiPolicyEn ?? '',
    contacts: settings.crisisContacts.map((c) => ({
      name: c.name,
      description: c.description ?? '',
      phone: c.phone ?? '',
      url: c.url ?? '',
      hours: c.hours ?? '',
    })),
  };
}

/**
 * The PUT body: texts trimmed (an empty text is "not set"), optional contact fields left out when
 * empty (the server would refuse an empty URL), and contacts with nothing typed in them dropped.
 */
export function toSettingsBody(draft: SettingsDraft): CompanionSettings {
  const contacts: CrisisContactInput[] = [];
  for (const c of draft.contacts) {
    const t = {
      name: c.name.trim(),
      description: c.description.trim(),
      phone: c.phone.trim(),
      url: c.url.trim(),
      hours: c.hours.trim(),
    };
    if (!t.name && !t.description && !t.phone && !t.url && !t.hours) continue;
    contacts.push({
      name: t.name,
      description: t.description,
      ...(t.phone ? { phone: t.phone } : {}),
      ...(t.url ? { url: t.url } : {}),
      ...(t.hours ? { hours: t.hours } : {}),
    });
  }
  return {
    aiPolicyJa: draft.aiPolicyJa.trim() || null,
    aiPolicyEn: draft.aiPolicyEn.trim() || null,
    crisisContacts: contacts,
  };
}

/**
 * Field errors of a refused save, placed on the exact input: `aiPolicyJa`, or `contacts.<i>.<field>`
 * for a contact. The index is the contact's position in the form, which `toSettingsBody` may have
 * shifted by dropping blank contacts, so it is mapped back.
 */
export function settingsFieldErrors(error: unknown, draft: SettingsDraft): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const formIndex: number[] = [];
  draft.contacts.forEach((c, i) => {
    if (Object.values(c).some((v) => v.trim())) formIndex.push(i);
  });
  const out: Record<string, string> = {};
  for (const issue of error.fields) {
    const message = issue.message ?? issue.code;
    const parts = issue.field.split('.');
    let key: string | null = null;
    if (parts[0] === 'crisisContacts' && parts.length >= 3) {
      const i = formIndex[Number(parts[1])];
      if (i !== undefined) key = `contacts.${i}.${parts[2]}`;
    } else if (parts[0] === 'aiPolicyJa' || parts[0] === 'aiPolicyEn') {
      key = parts[0];
    }
    if (key && !(key in out)) out[key] = message;
  }
  return out;
}
