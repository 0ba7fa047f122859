import type { AppDeps } from '../../../app.ts';
import type { CompanionEngine } from '../engine.ts';
import { createOfflineEngine } from './offline.ts';
import { LlmEngine } from './llm.ts';

/**
 * Picks the companion engine once per app: the OpenAI-compatible LLM engine when LLM_BASE_URL and
 * LLM_MODEL are set (`deps.config.llm`), otherwise the offline guided-reflection engine. A model
 * that fails at run time is reported to the user as an error event, never silently replaced.
 */
export function createEngine(deps: Pick<AppDeps, 'config'>): CompanionEngine {
  if (deps.config.llm) return new LlmEngine(deps.config.llm);
  // Tests stream without delays; people see the answer arrive chunk by chunk.
  return createOfflineEngine(deps.config.env === 'test' ? { delayMs: 0 } : {});
}
