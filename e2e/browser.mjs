// Browser tests in headless Debian Chromium, driven by playwright-core (no browser download).
//
//   node e2e/browser.mjs SERVER_BINARY
//
// Starts SERVER_BINARY on a free loopback port with its own data directory and checks, with
// JavaScript off, that every page's server-rendered HTML has its content, and with it on, that
// the page hydrates (the theme switch works), client-side navigation works, the websocket
// connects, turns "offline" when the server goes away and reconnects when it is back.
// Screenshots go to e2e/screenshots/. Any JavaScript error fails the run.
import { chromium } from 'playwright-core';
import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const binary = process.argv[2];
if (!binary) { console.error('usage: node e2e/browser.mjs SERVER_BINARY'); process.exit(2); }
const siteRoot = process.env.SITE_ROOT ?? join(here, '..', 'target', 'site');
const shots = join(here, 'screenshots');
mkdirSync(shots, { recursive: true });

const freePort = () => new Promise((resolve, reject) => {
  const s = createServer();
  s.once('error', reject);
  s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
});

const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const dataDir = mkdtempSync(join(tmpdir(), 'ipmi-e2e-'));
let server = null;

function startServer() {
  const child = spawn(binary, ['serve'], {
    env: {
      PATH: process.env.PATH,
      IPMI_MONITOR_LISTEN: `127.0.0.1:${port}`,
      IPMI_MONITOR_DATA_DIR: dataDir,
      IPMI_MONITOR_SITE_ROOT: siteRoot,
      IPMI_MONITOR_LOG: 'warn',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  return child;
}

async function waitHealthy(timeoutMs = 30000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try { const r = await fetch(`${base}/health`); if (r.ok) return; } catch { /* not up yet */ }
    await new Promise(r => setTimeout(r, 200));
  }
  throw new Error(`server not healthy at ${base} within ${timeoutMs} ms`);
}

async function stopServer() {
  if (!server) return;
  const exited = new Promise(resolve => server.once('exit', resolve));
  server.kill('SIGTERM');
  await exited;
  server = null;
}

let passed = 0, failed = 0;
async function check(name, fn) {
  try { await fn(); passed++; console.log(`ok   ${name}`); }
  catch (e) { failed++; console.log(`FAIL ${name}\n     ${e.message.split('\n').join('\n     ')}`); }
}
function assert(cond, msg) { if (!cond) throw new Error(msg); }

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

try {
  server = startServer();
  await waitHealthy();

  // ---- JavaScript off: the server-rendered HTML carries the content -------------------------
  const noJs = await browser.newContext({ javaScriptEnabled: false });
  const pages = [
    ['/', 'Dashboard', '#empty-fleet'],
    ['/events', 'Events', '#no-events'],
    ['/settings', 'Settings', '#system-info'],
    ['/docs', 'Docs', '#bmc'],
  ];
  for (const [path, title, marker] of pages) {
    await check(`no-JS ${path} shows "${title}"`, async () => {
      const page = await noJs.newPage();
      const res = await page.goto(base + path);
      assert(res.status() === 200, `status ${res.status()}`);
      const h1 = await page.textContent('h1');
      assert(h1 === title, `h1 is ${JSON.stringify(h1)}`);
      assert(await page.locator(marker).count() === 1, `${marker} missing`);
      assert(await page.locator('nav a[href="/events"]').count() === 1, 'navigation missing');
      assert((await page.textContent('#live-indicator')).trim() === 'offline', 'indicator should say offline without JS');
      await page.screenshot({ path: join(shots, `nojs${path === '/' ? '-dashboard' : path.replace('/', '-')}.png`), fullPage: true });
      await page.close();
    });
  }
  await noJs.close();

  // ---- JavaScript on: hydration, navigation, websocket -----------------------------------------
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  const errors = [];
  page.on('pageerror', e => errors.push(`pageerror: ${e.message}`));
  page.on('console', m => { if (m.type() === 'error') errors.push(`console: ${m.text()}`); });

  await check('page hydrates and the websocket connects', async () => {
    await page.goto(base + '/');
    await page.waitForSelector('#live-indicator[data-live="true"]', { timeout: 15000 });
    assert((await page.textContent('#live-indicator')).trim() === 'live', 'indicator text');
  });

  await check('a click changes the page (theme switch)', async () => {
    const before = await page.getAttribute('html', 'data-theme');
    const label = (await page.textContent('#theme-toggle')).trim();
    assert(label !== 'Theme', `toggle not hydrated: label ${label}`);
    await page.click('#theme-toggle');
    await page.waitForFunction(b => document.documentElement.dataset.theme !== b, before ?? undefined);
    const after = await page.getAttribute('html', 'data-theme');
    assert(after === 'dark' || after === 'light', `data-theme is ${after}`);
    assert((await page.textContent('#theme-toggle')).trim() !== label, 'label did not change');
    await page.screenshot({ path: join(shots, 'hydrated-dashboard.png'), fullPage: true });
    // Remembered across a reload.
    await page.reload();
    await page.waitForSelector('#live-indicator[data-live="true"]', { timeout: 15000 });
    assert(await page.getAttribute('html', 'data-theme') === after, 'theme not remembered');
  });

  await check('client-side navigation renders other pages', async () => {
    await page.click('nav a[href="/settings"]');
    await page.waitForSelector('#system-info', { timeout: 10000 });
    assert((await page.textContent('h1')) === 'Settings', 'h1');
    await page.click('nav a[href="/events"]');
    await page.waitForSelector('#no-events', { timeout: 10000 });
    await page.click('nav a[href="/"]');
    await page.waitForSelector('#empty-fleet', { timeout: 10000 });
  });

  await check('indicator goes offline when the server stops and live again after restart', async () => {
    await stopServer();
    await page.waitForSelector('#live-indicator[data-live="false"]', { timeout: 10000 });
    assert((await page.textContent('#live-indicator')).trim() === 'offline', 'indicator text');
    await page.screenshot({ path: join(shots, 'offline.png') });
    server = startServer();
    await waitHealthy();
    await page.waitForSelector('#live-indicator[data-live="true"]', { timeout: 40000 });
  });

  // Connection-refused noise while the server was down is expected; anything else is a bug.
  const real = errors.filter(e => !/ERR_CONNECTION_REFUSED|WebSocket connection to .* failed/.test(e));
  await check('no JavaScript errors', async () => assert(real.length === 0, real.join('\n')));
  await ctx.close();
} finally {
  await browser.close();
  await stopServer();
  rmSync(dataDir, { recursive: true, force: true });
}

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
