#!/usr/bin/env node
// `npm run e2e [-- playwright args]`: browser journeys against a real Engawa.
// Builds the web app when its sources are newer than the build, starts the server from TypeScript
// source on a free port with a fresh temp data dir (SQLite, demo company seeded with the default demo
// password), waits for /readyz, runs `playwright test` in Debian's Chromium with E2E_BASE_URL, stops
// the server and exits with Playwright's code. Extra args go to Playwright (e.g. a spec file, --grep).
// The server's log is copied to test-results/e2e-server.log afterwards (Playwright empties that folder
// when it starts); failure screenshots are under test-results/ too.
// E2E_SERVER_PIDFILE (optional): where to write the server's pid, so a CI trap can stop it.
// E2E_SKIP_BUILD=1 (optional): serve the existing apps/web/dist as it is.
/* global fetch, AbortSignal, setTimeout */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const webDir = path.join(root, 'apps/web');
const distIndex = path.join(webDir, 'dist/index.html');
const resultsDir = path.join(root, 'test-results');
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function log(msg) {
  process.stdout.write(`[e2e] ${msg}\n`);
}

function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    const p = path.join(dir, entry.name);
    const t = entry.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs;
    if (t > newest) newest = t;
  }
  return newest;
}

function buildWebIfNeeded() {
  if (process.env.E2E_SKIP_BUILD === '1' && fs.existsSync(distIndex))
    return log('using the existing web build');
  const sources = Math.max(newestMtime(webDir), newestMtime(path.join(root, 'packages/shared/src')));
  const built = fs.existsSync(distIndex) ? fs.statSync(distIndex).mtimeMs : 0;
  if (sources <= built) return log('web app is up to date');
  log('building the web app');
  const r = spawnSync('npm', ['run', 'build', '-w', 'apps/web'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    log('web build failed');
    process.exit(r.status ?? 1);
  }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

let server;
let serverExited = false;
let dataDir;
let playwright;
let serverLog;
let stopping = false;
let signalExitCode = 0;

async function waitForReady(baseUrl, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (serverExited || stopping) return false;
    try {
      const res = await fetch(`${baseUrl}/readyz`, { signal: AbortSignal.timeout(2000) });
      if (res.ok) return true;
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  return false;
}

async function stopServer() {
  if (server && !serverExited) {
    server.kill('SIGTERM');
    for (let i = 0; i < 40 && !serverExited; i++) await sleep(250);
    if (!serverExited) server.kill('SIGKILL');
  }
  if (process.env.E2E_SERVER_PIDFILE) fs.rmSync(process.env.E2E_SERVER_PIDFILE, { force: true });
  if (serverLog && fs.existsSync(serverLog)) {
    fs.mkdirSync(resultsDir, { recursive: true });
    fs.copyFileSync(serverLog, path.join(resultsDir, 'e2e-server.log'));
  }
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
}

function tail(file, lines) {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

async function main() {
  const extraArgs = process.argv.slice(2);
  if (!fs.existsSync(chromium)) {
    log(`no Chromium at ${chromium}: apt-get install chromium fonts-noto-cjk (or set CHROMIUM_PATH)`);
    return 1;
  }
  buildWebIfNeeded();

  fs.mkdirSync(resultsDir, { recursive: true });
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'engawa-e2e-'));
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  serverLog = path.join(dataDir, 'server.log');
  const logFd = fs.openSync(serverLog, 'w');

  // A clean environment for the server: SQLite in the fresh data dir, demo company with the default
  // demo password, whatever DATABASE_URL or demo settings the calling shell (or CI) has.
  const env = { ...process.env };
  for (const k of ['DATABASE_URL', 'DEMO_PASSWORD', 'DEMO_SEED', 'PUBLIC_URL', 'COOKIE_SECURE', 'WEB_DIST']) {
    delete env[k];
  }
  Object.assign(env, {
    NODE_ENV: 'production',
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? 'info',
  });

  log(`starting Engawa at ${baseUrl} (data dir ${dataDir})`);
  server = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'apps/server/src/main.ts')], {
    cwd: root,
    env,
    stdio: ['ignore', logFd, logFd],
  });
  server.on('exit', () => {
    serverExited = true;
  });
  if (process.env.E2E_SERVER_PIDFILE) fs.writeFileSync(process.env.E2E_SERVER_PIDFILE, String(server.pid));

  if (!(await waitForReady(baseUrl, 90_000))) {
    if (stopping) return 1;
    log('the server did not become ready; last lines of its log:');
    process.stdout.write(tail(serverLog, 40) + '\n');
    return 1;
  }
  log('server ready; running Playwright');

  const code = await new Promise((resolve) => {
    playwright = spawn(path.join(root, 'node_modules/.bin/playwright'), ['test', ...extraArgs], {
      cwd: root,
      stdio: 'inherit',
      env: {
        ...process.env,
        E2E_BASE_URL: baseUrl,
        CHROMIUM_PATH: chromium,
        PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1',
      },
    });
    playwright.on('exit', (c, signal) => resolve(c ?? (signal ? 1 : 0)));
    playwright.on('error', (err) => {
      log(`could not start Playwright: ${err.message}`);
      resolve(1);
    });
  });
  if (serverExited) {
    log('the server exited during the run; last lines of its log:');
    process.stdout.write(tail(serverLog, 40) + '\n');
  }
  if (code !== 0) log(`Playwright exited with ${code}; server log and screenshots are in ${resultsDir}`);
  return code;
}

// Interrupted (Ctrl-C, CI timeout): stop Playwright and the server, keep nothing running.
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => {
    if (stopping) return;
    stopping = true;
    signalExitCode = sig === 'SIGINT' ? 130 : 143;
    if (playwright && playwright.exitCode === null) playwright.kill(sig);
    void stopServer().then(() => process.exit(signalExitCode));
  });
}

let exitCode = 1;
try {
  exitCode = await main();
} catch (err) {
  log(err instanceof Error ? (err.stack ?? err.message) : String(err));
} finally {
  await stopServer();
}
process.exit(signalExitCode || exitCode);
