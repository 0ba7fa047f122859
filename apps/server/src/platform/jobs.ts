import type { FastifyBaseLogger } from 'fastify';

/** A periodic job: gets the current time so tests can run it with a fixed clock. */
export type JobFn = (now: Date) => Promise<void>;

/**
 * Periodic background work (deferred notification pushes, e-mail digests, event pruning) in the
 * app process. Every job must be safe to run on several instances at once: jobs claim their work
 * with conditional updates in the database, so a second instance finds nothing left to do.
 * A run never overlaps the previous run of the same job; failures are logged and retried next tick.
 */
export interface Jobs {
  /** Declares a job; it starts with `start()`. */
  every(name: string, intervalMs: number, fn: JobFn): void;
  /** Runs one job now (tests use this with a fixed clock); resolves when it is done. */
  runNow(name: string, now?: Date): Promise<void>;
  start(): void;
  stop(): Promise<void>;
  names(): string[];
}

export function createJobs(log: FastifyBaseLogger): Jobs {
  const jobs = new Map<
    string,
    { intervalMs: number; fn: JobFn; timer?: NodeJS.Timeout; running?: Promise<void> }
  >();
  let started = false;

  async function run(name: string, now: Date): Promise<void> {
    const job = jobs.get(name);
    if (!job) throw new Error(`unknown job ${name}`);
    if (job.running) await job.running;
    job.running = job
      .fn(now)
      .catch((err: unknown) => {
        log.error(
          { job: name, err: { message: (err as Error)?.message, stack: (err as Error)?.stack } },
          'job failed',
        );
      })
      .finally(() => {
        job.running = undefined;
      });
    return job.running;
  }

  function schedule(name: string) {
    const job = jobs.get(name)!;
    job.timer = setTimeout(() => {
      void run(name, new Date()).finally(() => {
        if (started) schedule(name);
      });
    }, job.intervalMs);
    job.timer.unref();
  }

  return {
    every(name, intervalMs, fn) {
      if (jobs.has(name)) throw new Error(`job ${name} declared twice`);
      jobs.set(name, { intervalMs, fn });
      if (started) schedule(name);
    },
    runNow: (name, now = new Date()) => run(name, now),
    start() {
      if (started) return;
      started = true;
      for (const name of jobs.keys()) schedule(name);
    },
    async stop() {
      started = false;
      for (const job of jobs.values()) {
        if (job.timer) clearTimeout(job.timer);
        job.timer = undefined;
      }
      await Promise.all([...jobs.values()].map((j) => j.running));
    },
    names: () => [...jobs.keys()],
  };
}
