import type { AppDeps } from '../../app.ts';
import { identityRepo } from '../identity/repo.ts';
import { hashPassword } from '../../platform/passwords.ts';
import { newId } from '../../platform/ids.ts';
import { DEMO_ACCOUNTS } from './info.ts';
import { DEMO_DEPARTMENTS, DEMO_EMAIL_DOMAIN, DEMO_PEOPLE, type DemoPerson } from './company.ts';
import { seedDemoCareer } from './career.ts';

/** Seeding needs only the database and the demo password, so the CLI can call it without HTTP. */
export type SeedDeps = Pick<AppDeps, 'db' | 'config'>;

/**
 * Creates the demo company when the database has no users at all, so `npm start` on an empty
 * database shows a living company. Returns true when it did.
 */
export async function seedDemoIfEmpty(deps: SeedDeps): Promise<boolean> {
  if ((await identityRepo.countUsers(deps.db)) > 0) return false;
  return seedDemo(deps, { onlyIfEmpty: true });
}

/** The sign-in address of a demo person: a DEMO_ACCOUNTS address, or given.family@ the demo domain. */
export function demoEmail(person: DemoPerson): string {
  if (person.account) {
    const account = DEMO_ACCOUNTS.find((a) => a.role === person.account);
    if (account) return account.email;
  }
  return `${person.givenEn}.${person.familyEn}@${DEMO_EMAIL_DOMAIN}`.toLowerCase();
}

/**
 * Writes 株式会社えんがわ商事 (departments, ~60 people, managers, the four demo accounts) in one
 * transaction. Every person is `is_demo` and shares one hash of DEMO_PASSWORD (hashed once: argon2
 * is deliberately slow). With `onlyIfEmpty`, re-checks inside the transaction and does nothing
 * (returns false) when someone else created users meanwhile.
 */
export async function seedDemo(deps: SeedDeps, opts: { onlyIfEmpty?: boolean } = {}): Promise<boolean> {
  const passwordHash = await hashPassword(deps.config.demo.password);
  return deps.db.transaction().execute(async (tx) => {
    if (opts.onlyIfEmpty && (await identityRepo.countUsers(tx)) > 0) return false;
    const deptIds = new Map(DEMO_DEPARTMENTS.map((d) => [d.code, newId()]));
    const idOf = (code: string) => {
      const id = deptIds.get(code);
      if (!id) throw new Error(`demo roster names unknown department ${code}`);
      return id;
    };
    for (const [i, d] of DEMO_DEPARTMENTS.entries()) {
      await identityRepo.insertDepartment(tx, {
        id: idOf(d.code),
        code: d.code,
        name: d.name,
        name_en: d.nameEn,
        parent_id: d.parent ? idOf(d.parent) : null,
        manager_id: null,
        sort_order: i,
      });
    }
    const personIds = new Map<string, string>();
    for (const person of DEMO_PEOPLE) {
      const id = newId();
      personIds.set(`${person.family} ${person.given}`, id);
      await identityRepo.insertUser(tx, {
        id,
        email: demoEmail(person),
        name: `${person.family} ${person.given}`,
        name_kana: `${person.familyKana} ${person.givenKana}`,
        name_en: `${person.givenEn} ${person.familyEn}`,
        title: person.title,
        bio: person.bio ?? null,
        password_hash: passwordHash,
        department_id: idOf(person.dept),
        is_demo: 1,
        disabled_at: null,
        locked_until: null,
        oidc_subject: null,
      });
      if (person.roles?.length) await identityRepo.setRoles(tx, id, person.roles);
      if (person.manager) await identityRepo.setDepartmentManager(tx, idOf(person.dept), id);
    }
    const career = await seedDemoCareer(tx, deps.config, {
      idOf: (name) => {
        const id = personIds.get(name);
        if (!id) throw new Error(`demo career data names unknown person ${name}`);
        return id;
      },
      departmentIdOf: idOf,
    });
    await identityRepo.audit(tx, {
      actor_id: null,
      action: 'demo.seeded',
      subject_type: 'system',
      subject_id: null,
      detail: { people: DEMO_PEOPLE.length, departments: DEMO_DEPARTMENTS.length, career },
    });
    return true;
  });
}
