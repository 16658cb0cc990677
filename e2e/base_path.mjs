// Browser tests of the app under a sub-path (IPMI_MONITOR_BASE_PATH=/ipmi), the way a reverse
// proxy serves it at https://host/ipmi/ and passes the path on unchanged.
//
//   node e2e/base_path.mjs SERVER_BINARY
//
// With JavaScript off, set-up, sign-in and every page work, and every link, form action,
// script and stylesheet on them stays under /ipmi. With it on, the page hydrates, the
// websocket connects at /ipmi/ws, client-side navigation and server functions work, and no
// request of the browser leaves /ipmi. Screenshots go to e2e/screenshots/.
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Checks, assert, freePort, launchBrowser, startServer, stopServer, waitHealthy } from './support.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const binary = process.argv[2];
if (!binary) { console.error('usage: node e2e/base_path.mjs SERVER_BINARY'); process.exit(2); }
const siteRoot = process.env.SITE_ROOT ?? join(here, '..', 'target', 'site');
const shots = join(here, 'screenshots');
mkdirSync(shots, { recursive: true });

const BASE_PATH = '/ipmi';
const port = await freePort();
const origin = `http://127.0.0.1:${port}`;
const app = origin + BASE_PATH;
const dataDir = mkdtempSync(join(tmpdir(), 'ipmi-e2e-base-'));
const ADMIN = 'sub-admin';
const ADMIN_PASSWORD = 'sub-path admin password';

const checks = new Checks();
const check = (name, fn) => checks.check(name, fn);

// Same-origin URLs the page points at (links, form actions, scripts, stylesheets) that are
// not under the base path.
async function linksOutsideBase(page) {
  const urls = await page.$$eval('[href], [action], [src]', els => els.map(el =>
    el.getAttribute('href') ?? el.getAttribute('action') ?? el.getAttribute('src')));
  return urls.filter(u => {
    if (u === null || u.startsWith('#')) return false;
    const url = new URL(u, page.url());
    return url.origin === origin && !(url.pathname === BASE_PATH || url.pathname.startsWith(BASE_PATH + '/'));
  });
}

const server = startServer(binary, {
  IPMI_MONITOR_LISTEN: `127.0.0.1:${port}`,
  IPMI_MONITOR_DATA_DIR: dataDir,
  IPMI_MONITOR_SITE_ROOT: siteRoot,
  IPMI_MONITOR_BASE_PATH: BASE_PATH,
});
const browser = await launchBrowser();

try {
  await waitHealthy(`${app}/health`);

  await check('only the base path is served; the site root redirects into it', async () => {
    assert((await fetch(`${origin}/health`)).status === 404, '/health outside the base path');
    assert((await fetch(`${origin}/api/version`)).status === 404, '/api/version outside the base path');
    const root = await fetch(`${origin}/`, { redirect: 'manual' });
    assert(root.status >= 300 && root.status < 400, `/ answered ${root.status}`);
    assert(root.headers.get('location') === `${BASE_PATH}/`, `/ redirects to ${root.headers.get('location')}`);
    const version = await fetch(`${app}/api/version`);
    assert(version.status === 200, `${BASE_PATH}/api/version: ${version.status}`);
    const css = await fetch(`${app}/pkg/ipmi_monitor.css`);
    assert(css.status === 200, `the stylesheet under the base path: ${css.status}`);
  });

  const noJs = await browser.newContext({ javaScriptEnabled: false });
  await check('no-JS set-up under /ipmi creates the admin, signs in with a cookie for /ipmi only', async () => {
    const page = await noJs.newPage();
    await page.goto(`${app}/`);
    assert(new URL(page.url()).pathname === `${BASE_PATH}/setup`, `landed on ${page.url()}`);
    assert((await linksOutsideBase(page)).length === 0, `links outside: ${await linksOutsideBase(page)}`);
    await page.fill('#setup-username', ADMIN);
    await page.fill('#setup-password', ADMIN_PASSWORD);
    await page.fill('#setup-confirm', ADMIN_PASSWORD);
    await Promise.all([page.waitForNavigation(), page.click('#setup-submit')]);
    assert(['/ipmi', '/ipmi/'].includes(new URL(page.url()).pathname), `after set-up: ${page.url()}`);
    assert((await page.textContent('h1')) === 'Dashboard', 'dashboard after set-up');
    assert((await page.textContent('#user-menu')).includes(ADMIN), 'user menu names the admin');
    const cookie = (await noJs.cookies()).find(c => c.name === 'ipmi_monitor_session');
    assert(cookie && cookie.path === BASE_PATH, `session cookie path: ${cookie?.path}`);
    await page.close();
  });

  const pages = [
    ['/', 'Dashboard', '#empty-fleet'],
    ['/events', 'Events', '#no-events'],
    ['/settings', 'Settings', '#system-info'],
    ['/settings/servers', 'Settings', '#no-servers'],
    ['/settings/credentials', 'Settings', '#default-login'],
    ['/settings/users', 'Settings', '#user-table'],
    ['/settings/tokens', 'Settings', '#no-tokens'],
    ['/settings/audit', 'Settings', '#audit-table'],
    ['/settings/backup', 'Settings', '#backup-form'],
    ['/account', 'Account', '#account-facts'],
    ['/docs', 'Docs', '#bmc'],
  ];
  for (const [path, title, marker] of pages) {
    await check(`no-JS ${BASE_PATH}${path} renders and links only under ${BASE_PATH}`, async () => {
      const page = await noJs.newPage();
      const res = await page.goto(app + path);
      assert(res.status() === 200, `status ${res.status()}`);
      assert((await page.textContent('h1')) === title, 'heading');
      assert(await page.locator(marker).count() === 1, `${marker} missing`);
      assert(await page.locator(`nav a[href="${BASE_PATH}/events"]`).count() === 1, 'navigation under the base path');
      const outside = await linksOutsideBase(page);
      assert(outside.length === 0, `links outside ${BASE_PATH}: ${outside.join(', ')}`);
      await page.close();
    });
  }
  await noJs.close();

  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  const errors = [];
  const outside = [];
  page.on('pageerror', e => errors.push(`pageerror: ${e.message}`));
  page.on('console', m => { if (m.type() === 'error') errors.push(`console: ${m.text()}`); });
  page.on('request', r => {
    const url = new URL(r.url());
    if (url.origin === origin && !url.pathname.startsWith(BASE_PATH)) outside.push(`${r.method()} ${url.pathname}`);
  });

  await check('hydrated sign-in under /ipmi returns to the page asked for; the websocket connects', async () => {
    await page.goto(`${app}/events`);
    const at = new URL(page.url());
    assert(at.pathname === `${BASE_PATH}/login` && at.searchParams.get('next') === '/events', `landed on ${page.url()}`);
    await page.waitForFunction(() => document.querySelector('#theme-toggle')?.textContent.trim() !== 'Theme', null, { timeout: 15000 });
    await page.fill('#login-username', ADMIN);
    await page.fill('#login-password', ADMIN_PASSWORD);
    await page.click('#login-submit');
    await page.waitForSelector('#no-events', { timeout: 15000 });
    assert(new URL(page.url()).pathname === `${BASE_PATH}/events`, `after sign-in: ${page.url()}`);
    await page.waitForSelector('#live-indicator[data-live="true"]', { timeout: 20000 });
  });

  await check('client-side navigation and a server function under /ipmi (a new API token works)', async () => {
    await page.click(`nav a[href="${BASE_PATH}/settings"]`);
    await page.waitForSelector('#system-info', { timeout: 10000 });
    await page.click(`nav.tabs a[href="${BASE_PATH}/settings/tokens"]`);
    await page.waitForSelector('#add-token-form', { timeout: 10000 });
    assert(new URL(page.url()).pathname === `${BASE_PATH}/settings/tokens`, `at ${page.url()}`);
    await page.fill('#token-name', 'sub-path-token');
    await page.click('#add-token-form button[type="submit"]');
    await page.waitForSelector('#new-token code', { timeout: 10000 });
    const token = (await page.textContent('#new-token code')).trim();
    const api = await fetch(`${app}/api/v1/servers`, { headers: { authorization: `Bearer ${token}` } });
    assert(api.status === 200, `REST under the base path with the new token: ${api.status}`);
    await page.screenshot({ path: join(shots, 'base-path-tokens.png'), fullPage: true });
    await page.click(`nav a[href="${BASE_PATH}/"]`);
    await page.waitForSelector('#empty-fleet', { timeout: 10000 });
  });

  await check('sign out under /ipmi returns to its login page', async () => {
    await page.click('#sign-out');
    await page.waitForURL(url => new URL(url).pathname === `${BASE_PATH}/login`, { timeout: 10000 });
  });

  await check(`no request of the browser left ${BASE_PATH}`, async () =>
    assert(outside.length === 0, outside.join('\n')));
  // The websocket refused (401) once signed out is expected; anything else is a bug.
  const real = errors.filter(e => !/WebSocket connection to .* failed|status of 401/.test(e));
  await check('no JavaScript errors', async () => assert(real.length === 0, real.join('\n')));
  await ctx.close();
} finally {
  await browser.close();
  await stopServer(server);
  rmSync(dataDir, { recursive: true, force: true });
}

checks.finish();
