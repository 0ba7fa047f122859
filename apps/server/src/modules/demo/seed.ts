import type { AppDeps } from '../../app.ts';
import { identityRepo } from '../identity/repo.ts';
import { hashPassword } from '../../platform/passwords.ts';
import { newId } from '../../platform/ids.ts';
import { nowIso } from '../../db/index.ts';
import { DEMO_ACCOUNTS } from './info.ts';

/**
 * Creates the demo company when the database has no users at all. Returns true when it did.
 * (Interim: departments and the four listed demo accounts; the full ~60-person company follows.)
 */
export async function seedDemoIfEmpty(deps: AppDeps): Promise<boolean> {
  if ((await identityRepo.countUsers(deps.db)) > 0) return false;
  await seedDemo(deps);
  return true;
}

export async function seedDemo(deps: AppDeps): Promise<void> {
  const hash = await hashPassword(deps.config.demo.password);
  const now = nowIso();
  await deps.db.transaction().execute(async (tx) => {
    const deptId = newId();
    await tx
      .insertInto('departments')
      .values({
        id: deptId,
        code: 'CORP',
        name: '経営企画部',
        name_en: 'Corporate Planning',
        parent_id: null,
        manager_id: null,
        created_at: now,
        updated_at: now,
      })
      .execute();
    const names = ['佐藤 美咲', '鈴木 健太', '高橋 直樹', '田中 陽菜'];
    for (const [i, a] of DEMO_ACCOUNTS.entries()) {
      const id = newId();
      await tx
        .insertInto('users')
        .values({
          id,
          email: a.email,
          name: names[i]!,
          name_kana: null,
          name_en: null,
          title: null,
          bio: null,
          password_hash: hash,
          department_id: deptId,
          is_demo: 1,
          disabled_at: null,
          locked_until: null,
          oidc_subject: null,
          created_at: now,
          updated_at: now,
        })
        .execute();
      if (a.role === 'admin' || a.role === 'hr') await identityRepo.setRoles(tx, id, [a.role]);
      if (a.role === 'manager')
        await tx.updateTable('departments').set({ manager_id: id }).where('id', '=', deptId).execute();
    }
  });
}
