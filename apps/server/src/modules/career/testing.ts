import type { Agent, TestApp } from '../../test/harness.ts';
import { nowIso } from '../../db/index.ts';
import { newId } from '../../platform/ids.ts';
import { careerRepo } from './repo.ts';
import { insertValues, type OpportunityFields } from './opportunities.ts';
import { resolveSkills } from './skills.ts';

/** Test helpers for the career module (its tests, the privacy canary and the authorization matrix). */

type SkillSpec = string | { id: string };

function skills(specs: readonly SkillSpec[]) {
  return resolveSkills(specs.map((s) => (typeof s === 'string' ? { name: s } : s))).skills;
}

/** Writes an opportunity straight to the database (factories, not fixtures); returns its id. */
export async function insertOpportunity(
  t: TestApp,
  o: Partial<Omit<OpportunityFields, 'skillsRequired' | 'skillsGained'>> & {
    required?: SkillSpec[];
    gained?: SkillSpec[];
    createdAt?: string;
  } = {},
): Promise<string> {
  const id = newId();
  const fields: OpportunityFields = {
    code: o.code ?? null,
    type: o.type ?? 'training',
    title: o.title ?? `研修 ${id.slice(-6)}`,
    description: o.description ?? '説明',
    skillsRequired: skills(o.required ?? []),
    skillsGained: skills(o.gained ?? []),
    departmentId: o.departmentId ?? null,
    startsOn: o.startsOn ?? null,
    endsOn: o.endsOn ?? null,
    applyBy: o.applyBy ?? null,
    capacity: o.capacity ?? null,
    timeShare: o.timeShare ?? (o.type === 'gig' ? 20 : null),
    status: o.status ?? 'open',
    ownerId: o.ownerId ?? null,
  };
  await careerRepo.insertOpportunity(t.deps.db, insertValues(fields, id, null, o.createdAt ?? nowIso()));
  return id;
}

/** Sets the agent's skills; throws unless the server accepted them. */
export async function putSkills(agent: Agent, items: Array<{ name?: string; id?: string; level: number }>) {
  const res = await agent.put('/api/career/profile/skills', { items });
  if (res.status !== 200) throw new Error(`skills: ${res.status} ${res.body}`);
}

/** Sets the agent's goals. */
export async function putGoals(agent: Agent, body: unknown) {
  const res = await agent.put('/api/career/profile/goals', body);
  if (res.status !== 200) throw new Error(`goals: ${res.status} ${res.body}`);
}

/** Adds an experience; returns its id. */
export async function addExperience(agent: Agent, body: Record<string, unknown> = {}): Promise<string> {
  const res = await agent.post('/api/career/profile/experiences', {
    title: '新サービスの立ち上げ',
    outcome: 'partial',
    ...body,
  });
  if (res.status !== 201) throw new Error(`experience: ${res.status} ${res.body}`);
  return (res.json() as { id: string }).id;
}

/** Previews and applies; returns the application id. */
export async function applyTo(
  agent: Agent,
  opportunityId: string,
  parts: string[] = ['skills'],
  message = '',
) {
  const q = new URLSearchParams({ parts: parts.join(','), ...(message ? { message } : {}) });
  const preview = await agent.get(`/api/opportunities/${opportunityId}/apply-preview?${q}`);
  if (preview.status !== 200) throw new Error(`preview: ${preview.status} ${preview.body}`);
  const { snapshotHash } = preview.json() as { snapshotHash: string };
  const res = await agent.post(`/api/opportunities/${opportunityId}/apply`, {
    parts,
    message: message || null,
    snapshotHash,
  });
  if (res.status !== 201) throw new Error(`apply: ${res.status} ${res.body}`);
  return (res.json() as { id: string }).id;
}
