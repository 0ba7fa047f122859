import type { Actor } from './actor.ts';
import { AppError, notFound } from './errors.ts';

/**
 * A policy answers `can(actor, action, subject)`; anything not listed is denied. Each domain has
 * one policy file built with `definePolicy`. Routes call `authorize`, which throws 404 for reads
 * of objects the actor may not see (hidden) and 403 for visible objects they may not change.
 */
export type Rule<S> = (actor: Actor, subject: S) => boolean;

export function definePolicy<Rules extends Record<string, Rule<never>>>(rules: Rules) {
  return {
    can<A extends keyof Rules>(actor: Actor | null, action: A, subject: Parameters<Rules[A]>[1]): boolean {
      if (!actor) return false;
      const rule = rules[action] as Rule<Parameters<Rules[A]>[1]> | undefined;
      return rule ? rule(actor, subject) : false;
    },
    authorize<A extends keyof Rules>(
      actor: Actor | null,
      action: A,
      subject: Parameters<Rules[A]>[1],
      opts: { hidden?: boolean } = {},
    ): void {
      if (!actor) throw new AppError('common.unauthenticated');
      const rule = rules[action] as Rule<Parameters<Rules[A]>[1]> | undefined;
      if (rule && rule(actor, subject)) return;
      throw opts.hidden ? notFound() : new AppError('common.forbidden');
    },
  };
}
