import type { Selectable } from 'kysely';
import type { Role } from '@engawa/shared';
import type { UserTable } from '../../db/schema.ts';
import type { Actor } from '../../platform/actor.ts';
import { identityPolicy } from './policy.ts';

/** What a signed-in person sees about themself (settings included). */
export function presentMe(user: Selectable<UserTable>, actor: Actor) {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    nameKana: user.name_kana,
    nameEn: user.name_en,
    title: user.title,
    bio: user.bio,
    departmentId: user.department_id,
    locale: user.locale,
    timeZone: user.time_zone,
    workStart: user.work_start,
    workEnd: user.work_end,
    hasPassword: !!user.password_hash,
    roles: [...actor.roles] as Role[],
    abilities: {
      admin: identityPolicy.can(actor, 'user.admin', undefined as never),
    },
  };
}
