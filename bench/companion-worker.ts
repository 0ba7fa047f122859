import { parentPort, workerData } from 'node:worker_threads';
import { startOpenAiStub } from '../apps/server/src/test/openai-stub.ts';
import { nowMs } from './lib.ts';

/**
 * A worker thread for the companion bench, in one of two roles, so that neither the model stand-in
 * nor the measuring client shares an event loop with the Engawa server being measured:
 * - `stub`: the local OpenAI-protocol server, answering every request with `chunks` text chunks
 *   `gapMs` apart, each stamped with the time it was written (`[[c<k>@<ms>]]`);
 * - `client`: makes the requests it is sent, one at a time, and reports when each chunk arrived.
 */

export interface StubWorkerData {
  role: 'stub';
  chunks: number;
  gapMs: number;
}

export interface ClientWorkerData {
  role: 'client';
}

/** One request for the client worker. */
export interface ClientJob {
  id: number;
  url: string;
  headers: Record<string, string>;
  body: unknown;
  expectChunks: number;
}

/** What the client saw: when it started, and when each stamped chunk arrived. */
export interface ClientReport {
  id: number;
  status: number;
  start: number;
  chunks: Array<{ k: number; sent: number; recv: number }>;
  /** The first bytes of a body that carried no stamped chunk (to diagnose a wrong request). */
  unexpected?: string;
  error?: string;
}

const MARKER = /\[\[c(\d+)@(\d+(?:\.\d+)?)\]\]/g;

async function runStub(data: StubWorkerData) {
  const chunks = Array.from({ length: data.chunks }, (_, k) => ({
    text: `[[c${k}]]`,
    ...(k > 0 ? { delayMs: data.gapMs } : {}),
  }));
  const stub = await startOpenAiStub({
    fallback: { kind: 'text', chunks },
    stamp: (text) => text.replace(']]', `@${nowMs().toFixed(3)}]]`),
  });
  parentPort!.postMessage({ baseUrl: stub.baseUrl });
}

async function request(job: ClientJob): Promise<ClientReport> {
  const start = nowMs();
  const report: ClientReport = { id: job.id, status: 0, start, chunks: [] };
  try {
    const res = await fetch(job.url, {
      method: 'POST',
      headers: job.headers,
      body: JSON.stringify(job.body),
    });
    report.status = res.status;
    if (!res.body) return report;
    const reader = res.body.getReader();
    const decoder = new TextDecoder();
    let text = '';
    let scanFrom = 0;
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      const recv = nowMs();
      text += decoder.decode(value, { stream: true });
      MARKER.lastIndex = scanFrom;
      for (let m = MARKER.exec(text); m; m = MARKER.exec(text)) {
        report.chunks.push({ k: Number(m[1]), sent: Number(m[2]), recv });
        scanFrom = MARKER.lastIndex;
      }
      // Keep only the unscanned tail (a marker may be split across reads).
      if (scanFrom > 4096) {
        text = text.slice(scanFrom);
        scanFrom = 0;
      }
    }
    if (report.chunks.length < job.expectChunks) report.unexpected = text.slice(0, 300);
  } catch (error) {
    report.error = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  }
  return report;
}

const data = workerData as StubWorkerData | ClientWorkerData;
if (data.role === 'stub') {
  void runStub(data);
} else {
  parentPort!.on('message', (job: ClientJob) => {
    void request(job).then((r) => parentPort!.postMessage(r));
  });
}
