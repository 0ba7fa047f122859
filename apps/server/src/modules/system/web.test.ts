import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymous, createTestApp, type TestApp } from '../../test/harness.ts';

/** The built web app is served to signed-out browsers too: the login page needs its bundle. */
describe('web app serving', () => {
  let t: TestApp;
  let webDist: string;

  beforeAll(async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'engawa-web-test-'));
    webDist = path.join(dir, 'dist');
    fs.mkdirSync(path.join(webDist, 'assets'), { recursive: true });
    fs.writeFileSync(path.join(webDist, 'index.html'), '<!doctype html><div id="root"></div>');
    fs.writeFileSync(path.join(webDist, 'assets', 'index-abc.js'), 'console.log("engawa")');
    t = await createTestApp({ WEB_DIST: webDist, RATE_LIMIT_PER_MINUTE: '5' });
  });
  afterAll(async () => {
    await t.close();
    fs.rmSync(path.dirname(webDist), { recursive: true, force: true });
  });

  it('serves index.html and the asset files to an anonymous browser', async () => {
    const a = await anonymous(t);
    const index = await a.get('/');
    expect(index.status).toBe(200);
    expect(index.body).toContain('<div id="root">');
    const asset = await a.get('/assets/index-abc.js');
    expect(asset.status).toBe(200);
    expect(asset.body).toBe('console.log("engawa")');
  });

  it('answers deep links with index.html (SPA fallback) but keeps JSON 404 for /api', async () => {
    const a = await anonymous(t);
    const deep = await a.get('/communities/some-id');
    expect(deep.status).toBe(200);
    expect(deep.body).toContain('<div id="root">');
    const api = await a.get('/api/no-such-route');
    expect(api.status).toBe(404);
    expect(api.headers['content-type']).toMatch(/application\/json/);
  });

  it('still requires sign-in for the API', async () => {
    const a = await anonymous(t);
    expect((await a.get('/api/me')).status).toBe(401);
  });

  it('never rate-limits the web bundle (reloads must not blank the page), but does limit the API', async () => {
    const a = await anonymous(t);
    for (let i = 0; i < 12; i++) {
      expect((await a.get('/assets/index-abc.js')).status).toBe(200);
      expect((await a.get('/')).status).toBe(200);
    }
    const asset = await a.get('/assets/index-abc.js');
    expect(asset.headers['cache-control']).toContain('immutable');
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) statuses.push((await a.get('/api/me')).status);
    expect(statuses).toContain(429);
  });
});
