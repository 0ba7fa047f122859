import type { Transaction } from 'kysely';
import { SKILL_CATALOG, type ProfilePart } from '@engawa/shared';
import type { DB } from '../../db/schema.ts';
import type { Config } from '../../config.ts';
import { newId } from '../../platform/ids.ts';
import { readOrCreateSecretFile } from '../../platform/secrets.ts';
import { vaultFor } from '../../platform/vault/index.ts';
import { openDemoPersonVaultForSeed } from '../../platform/vault/demo-seed.ts';
import { careerRepo } from '../career/repo.ts';
import { insertValues, type OpportunityFields } from '../career/opportunities.ts';
import { projectPart } from '../career/profile.ts';
import { interestMark } from '../career/interest.ts';
import {
  emptyProfile,
  KIND as CAREER_KIND,
  PROFILE_RECORD_ID,
  type StoredProfile,
} from '../career/schema.ts';
import { resolveSkill, type StoredSkillRef } from '../career/skills.ts';
import { oneononeRepo } from '../oneonone/repo.ts';
import { resolveManagerId } from '../oneonone/relations.ts';
import { KIND as ONEONONE_KIND, type StoredDraft } from '../oneonone/schema.ts';
import {
  DEMO_AGENDAS,
  DEMO_EXTRA_INTEREST,
  DEMO_OPPORTUNITIES,
  DEMO_PROFILES,
  type DemoProfile,
  type DemoSkill,
} from './career-data.ts';

const CATALOG_IDS = new Set(SKILL_CATALOG.map((s) => s.id));

function skill(spec: DemoSkill): StoredSkillRef {
  if (typeof spec === 'string') {
    if (!CATALOG_IDS.has(spec)) throw new Error(`demo career data names unknown skill ${spec}`);
    return resolveSkill({ id: spec })!;
  }
  return resolveSkill({ name: spec.free })!;
}

/** `YYYY-MM-DD` of the first (or last) day of the month `offset` months from `now`. */
function monthDay(now: Date, offset: number, end = false): string {
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + offset + (end ? 1 : 0), end ? 0 : 1));
  return d.toISOString().slice(0, 10);
}

function profileOf(p: DemoProfile, now: Date, opportunityIds: ReadonlyMap<string, string>): StoredProfile {
  const at = now.toISOString();
  return {
    ...emptyProfile(),
    strengths: p.strengths.map((s) => ({ text: s.text, episode: s.episode ?? null })),
    values: p.values.map((v) =>
      typeof v === 'string' ? { card: v, text: null } : { card: null, text: v.own },
    ),
    skills: p.skills.map(([spec, level]) => ({ ...skill(spec), level })),
    experiences: p.experiences.map((e) => ({
      id: newId(),
      title: e.title,
      kind: e.kind ?? 'project',
      role: e.role ?? null,
      challenge: e.challenge ?? null,
      outcome: e.outcome,
      learned: e.learned ?? null,
      from: e.from ?? null,
      to: e.to ?? null,
      stretch: e.stretch ?? false,
      createdAt: at,
      updatedAt: at,
    })),
    goals: {
      direction: p.direction ? { text: p.direction.text, skills: p.direction.skills.map(skill) } : null,
      learning: p.learning.map((g) => ({
        id: newId(),
        title: g.title,
        skills: g.skills.map(skill),
        targetDate: g.targetMonths === null ? null : monthDay(now, g.targetMonths, true),
        progress: g.progress,
      })),
    },
    interests: (p.interests ?? []).map((code) => {
      const id = opportunityIds.get(code);
      if (!id) throw new Error(`demo career data names unknown opportunity ${code}`);
      return { opportunityId: id, note: null, at };
    }),
    updatedAt: at,
  };
}

/**
 * The demo company's career data, written in the demo seed's transaction: about 40 opportunities
 * of every type, encrypted profiles for a dozen people (sealed in each person's own vault through
 * the seed-only path), their private interest marks (as keyed hashes, so hr sees counts ≥ k for
 * the popular trainings), and 1on1 agendas between demo employees and their managers, some items
 * shared and some private.
 */
export async function seedDemoCareer(
  tx: Transaction<DB>,
  config: Pick<Config, 'masterKeyFile'>,
  people: { idOf: (name: string) => string; departmentIdOf: (code: string) => string },
  now = new Date(),
): Promise<{ opportunities: number; profiles: number; agendas: number }> {
  const hrId = people.idOf('田中 陽菜');
  const opportunityIds = new Map<string, string>();
  const created = now.toISOString();
  for (const [i, o] of DEMO_OPPORTUNITIES.entries()) {
    const id = newId();
    opportunityIds.set(o.code, id);
    const fields: OpportunityFields = {
      code: o.code,
      type: o.type,
      title: o.title,
      description: o.description,
      skillsRequired: o.required.map(skill),
      skillsGained: o.gained.map(skill),
      departmentId: o.dept ? people.departmentIdOf(o.dept) : null,
      startsOn: o.months ? monthDay(now, o.months[0]) : null,
      endsOn: o.months ? monthDay(now, o.months[1], true) : null,
      applyBy: o.months && o.status !== 'closed' ? monthDay(now, o.months[0] - 1, true) : null,
      capacity: o.capacity,
      timeShare: o.timeShare ?? null,
      status: o.status ?? 'open',
      ownerId: o.owner ? people.idOf(o.owner) : null,
    };
    // Spread creation times so "newest first" has a stable, meaningful order.
    const at = new Date(now.getTime() - (DEMO_OPPORTUNITIES.length - i) * 60_000).toISOString();
    await careerRepo.insertOpportunity(tx, insertValues(fields, id, hrId, at));
  }

  // System secrets only (the interest marks' key): no person's data key is involved here.
  const secrets = vaultFor({
    db: tx,
    config,
    secrets: { masterKey: readOrCreateSecretFile(config.masterKeyFile) },
  });

  const interested = new Map<string, string[]>();
  for (const p of DEMO_PROFILES) interested.set(p.person, [...(p.interests ?? [])]);
  for (const e of DEMO_EXTRA_INTEREST)
    interested.set(e.person, [...(interested.get(e.person) ?? []), ...e.codes]);
  const profiles = new Map(DEMO_PROFILES.map((p) => [p.person, p]));

  for (const [person, codes] of interested) {
    const userId = people.idOf(person);
    const ov = await openDemoPersonVaultForSeed(tx, config, userId);
    const demo = profiles.get(person);
    const profile: StoredProfile = demo
      ? profileOf(demo, now, opportunityIds)
      : {
          ...emptyProfile(),
          interests: codes.map((c) => ({ opportunityId: opportunityIds.get(c)!, note: null, at: created })),
        };
    await careerRepo.insertProfile(tx, ov.ownerTag, ov.seal(CAREER_KIND.profile, PROFILE_RECORD_ID, profile));
    for (const part of (demo?.published ?? []) as ProfilePart[]) {
      await careerRepo.upsertPublicPart(tx, userId, part, JSON.stringify(projectPart(profile, part)));
    }
    for (const interest of profile.interests) {
      await careerRepo.addMark(
        tx,
        interest.opportunityId,
        await interestMark({ vault: secrets }, interest.opportunityId, ov.ownerTag, tx),
      );
    }
  }

  for (const agenda of DEMO_AGENDAS) {
    const employeeId = people.idOf(agenda.employee);
    const manager = await managerIn(tx, employeeId);
    const ov = await openDemoPersonVaultForSeed(tx, config, employeeId);
    for (const [i, item] of agenda.items.entries()) {
      const at = new Date(now.getTime() - (agenda.items.length - i) * 3600_000).toISOString();
      const id = newId();
      const copyId = item.shared ? newId() : null;
      const draft: StoredDraft = {
        topic: item.topic,
        want: item.want,
        detail: item.detail ?? null,
        source: item.source ?? 'manual',
        sharedItemId: copyId,
        sharedWith: item.shared ? manager : null,
        sharedAt: item.shared ? at : null,
        createdAt: at,
        updatedAt: at,
      };
      await oneononeRepo.insertDraft(tx, {
        id,
        owner_tag: ov.ownerTag,
        body: ov.seal(ONEONONE_KIND.draft, id, draft),
      });
      if (copyId) {
        await oneononeRepo.insertItem(tx, {
          id: copyId,
          employee_id: employeeId,
          manager_id: manager.id,
          author: 'employee',
          topic: draft.topic,
          want: draft.want,
          detail: draft.detail,
          created_at: at,
          updated_at: at,
        });
      }
    }
    for (const item of agenda.managerItems) {
      await oneononeRepo.insertItem(tx, {
        id: newId(),
        employee_id: employeeId,
        manager_id: manager.id,
        author: 'manager',
        topic: item.topic,
        want: null,
        detail: item.detail ?? null,
        created_at: created,
        updated_at: created,
      });
    }
    for (const [i, step] of agenda.nextSteps.entries()) {
      const at = new Date(now.getTime() - (agenda.nextSteps.length - i) * 60_000).toISOString();
      const id = newId();
      await oneononeRepo.insertNextStep(tx, {
        id,
        employee_id: employeeId,
        manager_id: manager.id,
        text: step.text,
        due_on: step.done ? null : monthDay(now, 1, true),
        created_by: step.by === 'employee' ? employeeId : manager.id,
        created_at: at,
        updated_at: at,
      });
      if (step.done) await oneononeRepo.updateNextStep(tx, id, { done_at: at, updated_at: at });
    }
  }
  return {
    opportunities: DEMO_OPPORTUNITIES.length,
    profiles: interested.size,
    agendas: DEMO_AGENDAS.length,
  };
}

/** The employee's manager by the same rule as the 1on1 bridge (relations.ts), read inside the seed. */
async function managerIn(tx: Transaction<DB>, employeeId: string): Promise<{ id: string; name: string }> {
  const employee = await oneononeRepo.userCard(tx, employeeId);
  const departments = new Map((await oneononeRepo.allDepartments(tx)).map((d) => [d.id, d]));
  const id = resolveManagerId(employeeId, employee?.department_id ?? null, departments, () => true);
  const manager = id ? await oneononeRepo.userCard(tx, id) : undefined;
  if (!manager) throw new Error(`demo agenda: ${employeeId} has no manager`);
  return { id: manager.id, name: manager.name };
}
