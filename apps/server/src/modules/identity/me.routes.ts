import { z } from 'zod';
import type { AppDeps, ZodApp } from '../../app.ts';
import { EMAIL_DIGESTS, HHMM, LIMITS, LOCALES, isValidTimeZone } from '@engawa/shared';
import { identityRepo } from './repo.ts';
import { presentMe } from './presenter.ts';
import { notFound, AppError } from '../../platform/errors.ts';
import { identityPolicy } from './policy.ts';

const SettingsBody = z.object({
  locale: z.enum(LOCALES).optional(),
  timeZone: z.string().max(64).optional(),
  workStart: z.string().regex(HHMM).optional(),
  workEnd: z.string().regex(HHMM).optional(),
  emailDigest: z.enum(EMAIL_DIGESTS).optional(),
  bio: z.string().max(LIMITS.bioMax).nullable().optional(),
});

/** The signed-in person's own account and settings (language, time zone, working hours, e-mail digest). */
export function meRoutes(app: ZodApp, deps: AppDeps) {
  app.get('/api/me', { schema: { tags: ['me'] } }, async (request) => {
    const actor = request.actor!;
    const user = await identityRepo.findUserById(deps.db, actor.userId);
    if (!user) throw notFound();
    return presentMe(user, actor);
  });

  app.patch('/api/me', { schema: { tags: ['me'], body: SettingsBody } }, async (request) => {
    const actor = request.actor!;
    identityPolicy.authorize(actor, 'self.update', { userId: actor.userId });
    const body = request.body;
    if (body.timeZone !== undefined && !isValidTimeZone(body.timeZone)) {
      throw new AppError('identity.invalid_time_zone', {
        status: 400,
        fields: [{ field: 'timeZone', code: 'invalid_value' }],
      });
    }
    const user = await identityRepo.findUserById(deps.db, actor.userId);
    if (!user) throw notFound();
    const workStart = body.workStart ?? user.work_start;
    const workEnd = body.workEnd ?? user.work_end;
    if (workStart === workEnd) {
      throw new AppError('identity.invalid_working_hours', {
        status: 400,
        fields: [{ field: 'workEnd', code: 'invalid_value' }],
      });
    }
    await identityRepo.updateSettings(deps.db, actor.userId, {
      ...(body.locale ? { locale: body.locale } : {}),
      ...(body.timeZone ? { time_zone: body.timeZone } : {}),
      work_start: workStart,
      work_end: workEnd,
      ...(body.emailDigest ? { email_digest: body.emailDigest } : {}),
      ...(body.bio !== undefined ? { bio: body.bio } : {}),
    });
    const updated = await identityRepo.findUserById(deps.db, actor.userId);
    return presentMe(updated!, { ...actor, locale: body.locale ?? actor.locale });
  });
}
