import {
  extractReasoningMiddleware,
  stepCountIs,
  streamText,
  wrapLanguageModel,
  type LanguageModel,
  type ModelMessage,
} from 'ai';
import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import type { Locale } from '@engawa/shared';
import { AppError } from '../../../platform/errors.ts';
import type {
  ChatMessage,
  CompanionEngine,
  CompanionMode,
  CompanionTools,
  EngineEvent,
  EngineInput,
} from '../engine.ts';
import { systemPrompt, summaryPrompt } from './llm-prompts.ts';
import { buildToolSet, invalidCallOutcome, isToolOutcome } from './llm-tools.ts';

/** Where the model is and how long to wait for it (from config: LLM_* variables). */
export interface LlmEngineOptions {
  baseUrl: string;
  model: string;
  apiKey: string | undefined;
  /** Longest wait for the first streamed token of each model request. */
  firstTokenTimeoutMs: number;
  /** Longest silence once the model has started answering (a stalled stream). */
  timeoutMs: number;
  /** Offer the tools (default true); off for model servers that reject a request with tools. */
  tools?: boolean;
  /**
   * Where failures are reported. Entries carry only an error class, an HTTP status or a system
   * error code, never message content, model output or an upstream error message.
   */
  log?: (entry: LlmLogEntry) => void;
}

/** A log entry about a model failure: no text that could carry what the user wrote. */
export interface LlmLogEntry {
  event: 'companion.model_failed' | 'companion.model_timeout' | 'companion.tool_failed';
  errorClass?: string;
  status?: number;
  cause?: string;
  tool?: string;
}

/** Tool round-trips per answer (model → tool → model …); a guard against a model that loops. */
const MAX_STEPS = 5;
/**
 * Earlier turns sent with each request, newest kept first, up to this many characters: local
 * models often have small context windows, and the newest turns matter most.
 */
const HISTORY_CHAR_BUDGET = 24_000;

/**
 * Aborts a model call when no first token arrives in time, or the stream stalls. Each model
 * request (the first, and each one after a tool result) gets the first-token allowance; once
 * tokens flow, each gap between chunks gets the stall allowance.
 */
class Watchdog {
  timedOut = false;
  private timer: NodeJS.Timeout | undefined;
  private armedFor = 0;

  constructor(
    private readonly controller: AbortController,
    private readonly firstTokenMs: number,
    private readonly stallMs: number,
  ) {}

  /** A new model request is on its way: wait for its first token. */
  awaitFirstToken() {
    this.arm(this.firstTokenMs);
  }

  /** The model produced something: reset the stall allowance. */
  progress() {
    this.arm(this.stallMs);
  }

  stop() {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private arm(ms: number) {
    if (this.timer && this.armedFor === ms) {
      this.timer.refresh();
      return;
    }
    clearTimeout(this.timer);
    this.armedFor = ms;
    this.timer = setTimeout(() => {
      this.timedOut = true;
      this.controller.abort();
    }, ms);
  }
}

const AZURE_HOST = /\.(openai|cognitiveservices|services\.ai)\.azure\.com$/i;

/** Splits `https://host/openai/deployments/x?api-version=…` into a base URL and query params. */
function parseBaseUrl(raw: string): { baseURL: string; queryParams?: Record<string, string> } {
  const url = new URL(raw);
  if (!url.search) return { baseURL: raw.replace(/\/+$/, '') };
  const queryParams = Object.fromEntries(url.searchParams.entries());
  url.search = '';
  return { baseURL: url.toString().replace(/\/+$/, ''), queryParams };
}

/** The error's class, HTTP status and system code, nothing else (messages can carry content). */
function describeError(error: unknown): Pick<LlmLogEntry, 'errorClass' | 'status' | 'cause'> {
  if (!error || typeof error !== 'object') return { errorClass: typeof error };
  const e = error as { name?: unknown; statusCode?: unknown; cause?: unknown };
  const cause = e.cause as { code?: unknown; name?: unknown } | undefined;
  return {
    errorClass: typeof e.name === 'string' ? e.name : 'Error',
    ...(typeof e.statusCode === 'number' ? { status: e.statusCode } : {}),
    ...(cause && typeof cause.code === 'string'
      ? { cause: cause.code }
      : cause && typeof cause.name === 'string'
        ? { cause: cause.name }
        : {}),
  };
}

/** Keeps the newest turns within the character budget, oldest first, starting with a user turn. */
function recentHistory(history: ChatMessage[]): ModelMessage[] {
  const kept: ChatMessage[] = [];
  let used = 0;
  for (let i = history.length - 1; i >= 0; i -= 1) {
    const m = history[i]!;
    used += m.content.length;
    if (used > HISTORY_CHAR_BUDGET) break;
    kept.unshift(m);
  }
  while (kept.length && kept[0]!.role !== 'user') kept.shift();
  return kept.map((m) => ({ role: m.role, content: m.content }));
}

/** Drops HTML tags and a code fence around the whole answer: the summary is Markdown only. */
export function toPlainMarkdown(text: string): string {
  let out = text.trim();
  const fenced = /^```(?:markdown|md)?\s*\n([\s\S]*?)\n```$/i.exec(out);
  if (fenced) out = fenced[1]!.trim();
  return out.replace(/<!--[\s\S]*?-->/g, '').replace(/<\/?[a-zA-Z][\w:-]*(?:\s[^<>]*)?\/?>/g, '');
}

/**
 * The companion on any OpenAI-compatible chat-completions endpoint (OpenAI, Azure OpenAI, vLLM,
 * Ollama, llama.cpp server) through the AI SDK. It streams text, runs tools on the owner's behalf,
 * and turns every model failure into an `error` event: it never throws from `respond`, and it
 * never logs what was said.
 */
export class LlmEngine implements CompanionEngine {
  readonly kind = 'llm' as const;
  private readonly model: LanguageModel;

  constructor(private readonly opts: LlmEngineOptions) {
    const { baseURL, queryParams } = parseBaseUrl(opts.baseUrl);
    // Azure OpenAI authenticates an API key sent as `api-key` (on both its classic deployment
    // URLs and /openai/v1); every other endpoint takes it as a bearer token.
    const azure = AZURE_HOST.test(new URL(baseURL).hostname);
    const provider = createOpenAICompatible({
      name: 'engawa-llm',
      baseURL,
      ...(queryParams ? { queryParams } : {}),
      ...(opts.apiKey && !azure ? { apiKey: opts.apiKey } : {}),
      ...(opts.apiKey && azure ? { headers: { 'api-key': opts.apiKey } } : {}),
    });
    // Some servers (older Ollama, llama.cpp without a reasoning format) inline a reasoning model's
    // thinking as <think>…</think> in the answer: take it out so people see only the answer.
    this.model = wrapLanguageModel({
      model: provider.chatModel(opts.model),
      middleware: extractReasoningMiddleware({ tagName: 'think' }),
    });
  }

  respond(input: EngineInput): AsyncIterable<EngineEvent> {
    return this.stream({
      system: systemPrompt({
        ...input,
        withTools: this.opts.tools !== false,
        withCareerTools: !!input.tools.searchOpportunities,
      }),
      messages: [...recentHistory(input.history), { role: 'user', content: input.message }],
      ...(this.opts.tools !== false ? { tools: input.tools } : {}),
      locale: input.locale,
      signal: input.signal,
    });
  }

  /**
   * The summary as Markdown (tags and a wrapping code fence removed). A failed or timed-out model
   * throws AppError `companion.model_failed` / `companion.model_timeout` (502 / 504), so the
   * summary routes answer with the stable code and nothing of the conversation.
   */
  async summarize(input: {
    mode: CompanionMode;
    locale: Locale;
    history: ChatMessage[];
    signal: AbortSignal;
  }): Promise<string> {
    const { system, request } = summaryPrompt(input);
    let text = '';
    for await (const event of this.stream({
      system,
      messages: [...recentHistory(input.history), { role: 'user', content: request }],
      locale: input.locale,
      signal: input.signal,
    })) {
      if (event.type === 'error') throw new AppError(event.code);
      if (event.type === 'text') text += event.delta;
    }
    if (input.signal.aborted) throw new AppError('companion.model_failed');
    return toPlainMarkdown(text);
  }

  /**
   * One streamed answer (with tools when given): yields text and tool events, then at most one
   * error event. Ends quietly when the caller's signal aborts (the client left) and aborts the
   * upstream request whenever it stops early, including when the consumer stops iterating.
   */
  private async *stream(input: {
    system: string;
    messages: ModelMessage[];
    tools?: CompanionTools;
    locale: Locale;
    signal: AbortSignal;
  }): AsyncGenerator<EngineEvent> {
    if (input.signal.aborted) return;
    const controller = new AbortController();
    const onClientAbort = () => controller.abort();
    input.signal.addEventListener('abort', onClientAbort, { once: true });
    const watchdog = new Watchdog(controller, this.opts.firstTokenTimeoutMs, this.opts.timeoutMs);
    let failure: unknown;
    let produced = false;

    try {
      watchdog.awaitFirstToken();
      const result = streamText({
        model: this.model,
        system: input.system,
        messages: input.messages,
        ...(input.tools
          ? {
              tools: buildToolSet(input.tools, input.locale, (tool, error) =>
                this.log({ event: 'companion.tool_failed', tool, ...describeError(error) }),
              ),
              stopWhen: stepCountIs(MAX_STEPS),
            }
          : {}),
        // A failed call is reported to the user at once (their message is kept for a retry);
        // retries with backoff would only hold the first token back.
        maxRetries: 0,
        abortSignal: controller.signal,
        // The SDK's default logs the whole error, request body included: never let it.
        onError: () => {},
      });

      for await (const part of result.fullStream) {
        switch (part.type) {
          case 'text-delta':
            watchdog.progress();
            if (part.text) {
              produced = true;
              yield { type: 'text', delta: part.text };
            }
            break;
          case 'reasoning-delta':
          case 'tool-input-start':
          case 'tool-input-delta':
          case 'tool-call':
            // Reasoning is not shown, but it is the model working: it counts against a stall.
            watchdog.progress();
            break;
          case 'tool-result': {
            watchdog.progress();
            const outcome = isToolOutcome(part.output)
              ? part.output
              : invalidCallOutcome(part.toolName, input.locale);
            if (outcome) {
              produced = true;
              yield { type: 'tool', name: part.toolName, ok: outcome.ok, summary: outcome.summary };
            }
            break;
          }
          case 'tool-error': {
            // The model's arguments did not fit the schema (or named no known tool).
            watchdog.progress();
            this.log({ event: 'companion.tool_failed', tool: part.toolName, ...describeError(part.error) });
            const outcome = invalidCallOutcome(part.toolName, input.locale);
            if (outcome) {
              produced = true;
              yield { type: 'tool', name: part.toolName, ok: false, summary: outcome.summary };
            }
            break;
          }
          case 'finish-step':
            // If the model asked for tools, the next request (with their results) starts now.
            watchdog.awaitFirstToken();
            break;
          case 'error':
            failure ??= part.error;
            break;
          default:
            break;
        }
      }
    } catch (error) {
      failure ??= error;
    } finally {
      watchdog.stop();
      input.signal.removeEventListener('abort', onClientAbort);
      controller.abort();
    }

    if (input.signal.aborted) return;
    if (watchdog.timedOut) {
      this.log({ event: 'companion.model_timeout' });
      yield { type: 'error', code: 'companion.model_timeout' };
    } else if (failure !== undefined || !produced) {
      this.log({ event: 'companion.model_failed', ...(failure !== undefined ? describeError(failure) : {}) });
      yield { type: 'error', code: 'companion.model_failed' };
    }
  }

  private log(entry: LlmLogEntry) {
    this.opts.log?.(entry);
  }
}
