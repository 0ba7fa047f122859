import os from 'node:os';
import { OPPORTUNITY_TYPES, SKILL_CATALOG } from '@engawa/shared';
import { createTestApp, sessionFor } from '../apps/server/src/test/harness.ts';
import { nowIso } from '../apps/server/src/db/index.ts';
import { newId } from '../apps/server/src/platform/ids.ts';
import { careerRepo } from '../apps/server/src/modules/career/repo.ts';
import { insertValues, type OpportunityFields } from '../apps/server/src/modules/career/opportunities.ts';
import { nowMs, summary, type BenchResult } from './lib.ts';

/**
 * Recommendations for one employee (GET /api/career/recommendations, through app.inject with a
 * signed-in session, so session lookup, vault key unwrap, profile decrypt, matching and
 * presenting are all in the figure) against `OPPORTUNITIES` open opportunities with `EMPLOYEES`
 * people in the database. The employee has a full profile: 25 skills, a direction and 5
 * learning goals with skills, values, 10 experiences.
 */
const EMPLOYEES = Number(process.env.BENCH_CAREER_EMPLOYEES ?? 10_000);
const OPPORTUNITIES = Number(process.env.BENCH_CAREER_OPPORTUNITIES ?? 2_000);
const REPS = Number(process.env.BENCH_CAREER_REPS ?? 200);
const TARGET_P95_MS = 50;

function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

export async function run(): Promise<BenchResult> {
  const t = await createTestApp({ BACKGROUND_JOBS: 'false', RATE_LIMIT_PER_MINUTE: '1000000' });
  try {
    const r = rng(20261126);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
    const skillIds = SKILL_CATALOG.map((s) => s.id);
    const buildStart = nowMs();

    const departments: string[] = [];
    for (let i = 0; i < 50; i++) {
      const id = newId();
      departments.push(id);
      const now = nowIso();
      await t.deps.db
        .insertInto('departments')
        .values({
          id,
          code: `B${i}`,
          name: `部署${i}`,
          name_en: null,
          parent_id: null,
          manager_id: null,
          created_at: now,
          updated_at: now,
        })
        .execute();
    }
    const userIds: string[] = [];
    for (let i = 0; i < EMPLOYEES; i += 500) {
      const now = nowIso();
      const rows = Array.from({ length: Math.min(500, EMPLOYEES - i) }, (_, k) => {
        const id = newId();
        userIds.push(id);
        return {
          id,
          email: `bench${i + k}@example.test`,
          name: `社員 ${i + k}`,
          name_kana: null,
          name_en: null,
          title: null,
          bio: null,
          password_hash: null,
          department_id: departments[(i + k) % departments.length]!,
          is_demo: 0,
          disabled_at: null,
          locked_until: null,
          oidc_subject: null,
          created_at: now,
          updated_at: now,
        };
      });
      await t.deps.db.transaction().execute(async (tx) => {
        for (let j = 0; j < rows.length; j += 100)
          await tx
            .insertInto('users')
            .values(rows.slice(j, j + 100))
            .execute();
      });
    }
    await t.deps.db.transaction().execute(async (tx) => {
      for (let i = 0; i < OPPORTUNITIES; i++) {
        const type = pick(OPPORTUNITY_TYPES);
        const skills = (n: number) =>
          Array.from({ length: n }, () => pick(skillIds)).map((id) => ({ id, name: id }));
        const fields: OpportunityFields = {
          code: `BENCH-${i}`,
          type,
          title: `機会 ${i}`,
          description: 'ベンチマーク用の説明文です。'.repeat(10),
          skillsRequired: skills(1 + Math.floor(r() * 3)),
          skillsGained: skills(2 + Math.floor(r() * 4)),
          departmentId: r() < 0.8 ? pick(departments) : null,
          startsOn: `2026-${String(1 + Math.floor(r() * 12)).padStart(2, '0')}-01`,
          endsOn: null,
          applyBy: null,
          capacity: 10,
          timeShare: type === 'gig' ? 20 : null,
          status: r() < 0.9 ? 'open' : 'closed',
          ownerId: pick(userIds),
        };
        await careerRepo.insertOpportunity(tx, insertValues(fields, newId(), null, nowIso()));
      }
    });
    const buildSeconds = (nowMs() - buildStart) / 1000;

    const me = userIds[0]!;
    const agent = await sessionFor(t, me);
    const skill = (id: string) => ({ id });
    const ok = (res: { status: number; body: string }, what: string) => {
      if (res.status !== 200 && res.status !== 201) throw new Error(`${what}: ${res.status} ${res.body}`);
    };
    ok(
      await agent.put('/api/career/profile/skills', {
        items: skillIds.slice(0, 25).map((id, i) => ({ id, level: 1 + (i % 5) })),
      }),
      'skills',
    );
    ok(
      await agent.put('/api/career/profile/goals', {
        direction: {
          text: 'データとAIで事業を動かすプロダクトマネージャーになる',
          skills: [skill('productManagement'), skill('dataAnalysis')],
        },
        learning: Array.from({ length: 5 }, (_, i) => ({
          title: `学習目標 ${i} 機械学習とUXデザイン`,
          skills: [skill(skillIds[30 + i * 3]!), skill(skillIds[60 + i]!)],
          targetDate: '2027-03-31',
          progress: i * 20,
        })),
      }),
      'goals',
    );
    ok(
      await agent.put('/api/career/profile/values', {
        items: [{ card: 'growth' }, { card: 'challenge' }, { card: 'curiosity' }],
      }),
      'values',
    );
    for (let i = 0; i < 10; i++) {
      ok(
        await agent.post('/api/career/profile/experiences', {
          title: `経験 ${i}`,
          outcome: 'partial',
          learned: '学んだこと'.repeat(20),
        }),
        'experience',
      );
    }

    const cookie = `engawa_session=${agent.cookies.engawa_session}`;
    const loadBefore = os.loadavg()[0]!;
    const measure = async (url: string) => {
      const times: number[] = [];
      const cpu: number[] = [];
      let items = 0;
      for (let rep = 0; rep < REPS + 5; rep++) {
        const cpuStart = process.cpuUsage();
        const start = nowMs();
        const res = await t.app.inject({ method: 'GET', url, headers: { cookie } });
        const ms = nowMs() - start;
        const used = process.cpuUsage(cpuStart);
        if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
        if (rep >= 5) {
          // The first five warm caches and the JIT.
          times.push(ms);
          cpu.push((used.user + used.system) / 1000);
        }
        items = (JSON.parse(res.body) as { items: unknown[] }).items.length;
      }
      return { ...summary(times), cpu: summary(cpu), items };
    };
    const all = await measure('/api/career/recommendations');
    const training = await measure('/api/career/recommendations?type=training');
    const catalog = await measure('/api/opportunities?limit=50');
    const open = await t.deps.db
      .selectFrom('career_opportunities')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('status', '=', 'open')
      .executeTakeFirstOrThrow();
    return {
      name: 'career',
      metrics: [
        { name: 'recommendations (all types), p50', unit: 'ms', value: all.p50 },
        { name: 'recommendations (all types), p95', unit: 'ms', value: all.p95, target: TARGET_P95_MS },
        { name: 'recommendations (all types), p99', unit: 'ms', value: all.p99 },
        { name: 'recommendations (all types), CPU time p95', unit: 'ms', value: all.cpu.p95 },
        {
          name: 'recommendations ?type=training, p95',
          unit: 'ms',
          value: training.p95,
          target: TARGET_P95_MS,
        },
        { name: 'catalog page of 50, p95', unit: 'ms', value: catalog.p95 },
      ],
      notes: [
        `${EMPLOYEES} employees, ${OPPORTUNITIES} opportunities (${Number(open.n)} open) on ${t.deps.database.dialect}; built in ${buildSeconds.toFixed(1)} s.`,
        `One employee with 25 skills, a direction and 5 learning goals, 3 values, 10 experiences; ${REPS} requests per figure after 5 warm-ups, through app.inject with a session (session, vault unwrap, decrypt, match, present).`,
        `Top ${all.items} recommendations returned (default limit); ${training.items} for ?type=training.`,
        'CPU time = this process’s user+system time during the request: the cost without waiting for a busy machine.',
        `Machine: ${os.cpus().length} CPUs, load ${loadBefore.toFixed(1)} before, ${os.loadavg()[0]!.toFixed(1)} after.`,
      ],
      details: { all, training, catalog, employees: EMPLOYEES, opportunities: OPPORTUNITIES, buildSeconds },
    };
  } finally {
    await t.close();
  }
}
