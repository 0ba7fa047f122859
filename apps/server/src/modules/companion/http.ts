import type { FastifyReply } from 'fastify';
import { AppError } from '../../platform/errors.ts';

/** An AbortSignal that fires when the client goes away (stops the engine). */
export function clientGone(reply: FastifyReply): AbortSignal {
  const ac = new AbortController();
  reply.raw.once('close', () => {
    if (!reply.raw.writableFinished) ac.abort();
  });
  return ac.signal;
}

/** Runs a summarize call; a model failure becomes a plain companion error (the text is not lost). */
export async function summarizeOrFail(run: () => Promise<string>): Promise<string> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError('companion.model_failed');
  }
}
