// Helpers shared by the browser tests: a server on a free loopback port with its own data
// directory, a health wait, the headless Chromium, and pass/fail bookkeeping.
import { chromium } from 'playwright-core';
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';

export const freePort = () => new Promise((resolve, reject) => {
  const s = createServer();
  s.once('error', reject);
  s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
});

// `ipmi-monitor serve` with only the environment given here (plus PATH).
export function startServer(binary, env) {
  return spawn(binary, ['serve'], {
    env: { PATH: process.env.PATH, IPMI_MONITOR_LOG: 'warn', ...env },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
}

export async function stopServer(child) {
  if (!child || child.exitCode !== null) return;
  const exited = new Promise(resolve => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

export async function waitHealthy(url, timeoutMs = 30000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try { const r = await fetch(url); if (r.ok) return; } catch { /* not up yet */ }
    await new Promise(r => setTimeout(r, 200));
  }
  throw new Error(`server not healthy at ${url} within ${timeoutMs} ms`);
}

export const launchBrowser = () => chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

// Runs named checks, prints ok/FAIL for each, and exits non-zero at the end if any failed.
export class Checks {
  passed = 0;
  failed = 0;
  async check(name, fn) {
    try { await fn(); this.passed++; console.log(`ok   ${name}`); }
    catch (e) { this.failed++; console.log(`FAIL ${name}\n     ${e.message.split('\n').join('\n     ')}`); }
  }
  finish() {
    console.log(`${this.passed} passed, ${this.failed} failed`);
    process.exit(this.failed === 0 ? 0 : 1);
  }
}

export function assert(cond, msg) { if (!cond) throw new Error(msg); }
