import type { Locale } from '@engawa/shared';
import type { AppDeps } from '../../app.ts';
import { companionRepo } from './repo.ts';
import { SettingsBody, type CompanionSettings } from './schema.ts';

/**
 * The company's companion settings, set by hr: the AI role-and-limits text (ja/en) and the human
 * support contacts shown on a crisis. Company configuration, not personal data: stored in
 * app_settings in plain text and shown to everyone signed in.
 */
export const DEFAULT_SETTINGS: CompanionSettings = { aiPolicyJa: null, aiPolicyEn: null, crisisContacts: [] };

/** Read on every chat message: cached briefly (other instances see an hr change within this time). */
const CACHE_MS = 10_000;
const cache = new WeakMap<AppDeps, { at: number; value: CompanionSettings }>();

export async function readSettings(deps: AppDeps): Promise<CompanionSettings> {
  const hit = cache.get(deps);
  if (hit && Date.now() - hit.at < CACHE_MS) return hit.value;
  const raw = await companionRepo.readSettings(deps.db);
  const parsed = raw ? SettingsBody.safeParse(JSON.parse(raw)) : undefined;
  const value = parsed?.success ? parsed.data : DEFAULT_SETTINGS;
  cache.set(deps, { at: Date.now(), value });
  return value;
}

export async function writeSettings(deps: AppDeps, settings: CompanionSettings): Promise<CompanionSettings> {
  const clean: CompanionSettings = {
    aiPolicyJa: settings.aiPolicyJa?.trim() || null,
    aiPolicyEn: settings.aiPolicyEn?.trim() || null,
    crisisContacts: settings.crisisContacts,
  };
  await companionRepo.writeSettings(deps.db, JSON.stringify(clean));
  cache.set(deps, { at: Date.now(), value: clean });
  return clean;
}

/** The AI policy in the reader's language, falling back to the other one. */
export function aiPolicyFor(settings: CompanionSettings, locale: Locale): string | null {
  return locale === 'en'
    ? (settings.aiPolicyEn ?? settings.aiPolicyJa)
    : (settings.aiPolicyJa ?? settings.aiPolicyEn);
}
