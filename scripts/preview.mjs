#!/usr/bin/env node
// npm run preview: renders every page with demo data through miniprogram-simulate into
// preview/html/*.html (tests/miniprogram/preview/*.preview.ts, run by jest under jsdom), then
// photographs each one as a 375 px wide phone screen with headless Chromium → preview/*.png.
// Installs nothing; without Chromium it says how to get it. Chromium is driven over
// --remote-debugging-pipe, so no port is opened and nothing leaves the machine.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const outDir = path.join(root, 'preview');
const htmlDir = path.join(outDir, 'html');

function findChromium() {
  const candidates = [
    process.env.CHROMIUM_PATH,
    process.env.CHROME_BIN,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
  ];
  return candidates.find((p) => p && fs.existsSync(p)) ?? null;
}

function renderHtml() {
  fs.rmSync(htmlDir, { recursive: true, force: true });
  // The mini program project of jest.config.js (transforms, setup, the real server answers of its
  // globalSetup), running the preview specs instead of the tests.
  const project = require(path.join(root, 'jest.config.js')).projects.find((p) => p.displayName === 'miniprogram');
  if (!project) throw new Error('jest.config.js 里没有 miniprogram 项目');
  const config = {
    ...project,
    rootDir: root,
    displayName: 'preview',
    roots: ['<rootDir>/tests/miniprogram/preview'],
    testMatch: ['<rootDir>/tests/miniprogram/preview/*.preview.ts'],
  };
  const jest = path.join(path.dirname(require.resolve('jest/package.json')), 'bin/jest.js');
  const run = spawnSync(process.execPath, [jest, '--config', JSON.stringify(config), '--silent'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, PREVIEW_HTML_DIR: htmlDir },
  });
  if (run.status !== 0) throw new Error('渲染页面失败（见上面的 jest 输出）');
}

/** A minimal Chrome DevTools Protocol client over the pipe (fd 3 → browser, fd 4 ← browser). */
function startBrowser(chromium) {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'preview-chromium-'));
  const child = spawn(
    chromium,
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--hide-scrollbars',
      '--mute-audio',
      `--user-data-dir=${profile}`,
      '--remote-debugging-pipe',
      'about:blank',
    ],
    { stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'] },
  );
  let stderr = '';
  child.stdio[2].on('data', (d) => {
    stderr += d.toString();
  });
  const writer = child.stdio[3];
  const reader = child.stdio[4];
  let nextId = 1;
  const pending = new Map();
  const listeners = new Set();
  let buffer = '';
  reader.on('data', (chunk) => {
    buffer += chunk.toString('utf8');
    let end;
    while ((end = buffer.indexOf('\0')) >= 0) {
      const msg = JSON.parse(buffer.slice(0, end));
      buffer = buffer.slice(end + 1);
      if (msg.id && pending.has(msg.id)) {
        const { resolve, reject } = pending.get(msg.id);
        pending.delete(msg.id);
        if (msg.error) reject(new Error(`${msg.error.message} (${msg.error.code})`));
        else resolve(msg.result);
      } else if (msg.method) {
        for (const l of listeners) l(msg);
      }
    }
  });
  const exited = new Promise((resolve) => child.on('exit', resolve));
  child.on('exit', (code) => {
    for (const { reject } of pending.values()) reject(new Error(`Chromium 退出了（${code}）：${stderr.slice(-500)}`));
    pending.clear();
  });
  const send = (method, params = {}, sessionId) =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject });
      writer.write(`${JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) })}\0`);
    });
  const waitFor = (method, sessionId, timeoutMs = 15000) =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        listeners.delete(l);
        reject(new Error(`等待 ${method} 超时`));
      }, timeoutMs);
      const l = (msg) => {
        if (msg.method === method && msg.sessionId === sessionId) {
          clearTimeout(timer);
          listeners.delete(l);
          resolve(msg.params);
        }
      };
      listeners.add(l);
    });
  const close = async () => {
    try {
      await Promise.race([send('Browser.close'), new Promise((r) => setTimeout(r, 3000))]);
    } catch {
      // already gone
    }
    if (child.exitCode === null) child.kill('SIGKILL');
    await exited;
    // Chromium's helper processes can still be writing the profile after the browser exits: the
    // PNGs are done by now, so a profile that will not go away is left for the OS to clean up.
    try {
      fs.rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
    } catch (e) {
      console.warn(`preview: 临时目录 ${profile} 未能删除（${e.code ?? e}），可手动删除`);
    }
  };
  return { send, waitFor, close };
}

async function screenshot(browser, htmlFile, pngFile, fullPage) {
  const { targetId } = await browser.send('Target.createTarget', { url: 'about:blank' });
  const { sessionId } = await browser.send('Target.attachToTarget', { targetId, flatten: true });
  const s = (method, params) => browser.send(method, params, sessionId);
  const phone = { width: 375, height: 812, deviceScaleFactor: 2, mobile: true };
  await s('Emulation.setDeviceMetricsOverride', phone);
  await s('Page.enable');
  const loaded = browser.waitFor('Page.loadEventFired', sessionId);
  await s('Page.navigate', { url: pathToFileURL(htmlFile).href });
  await loaded;
  await s('Runtime.evaluate', { expression: 'document.fonts.ready.then(() => true)', awaitPromise: true });
  if (fullPage) {
    const { result } = await s('Runtime.evaluate', { expression: 'Math.ceil(document.documentElement.scrollHeight)', returnByValue: true });
    await s('Emulation.setDeviceMetricsOverride', { ...phone, height: Math.max(phone.height, Number(result.value) || phone.height) });
  }
  await new Promise((r) => setTimeout(r, 150));
  const { data } = await s('Page.captureScreenshot', { format: 'png', captureBeyondViewport: false });
  fs.writeFileSync(pngFile, Buffer.from(data, 'base64'));
  if (process.env.PREVIEW_TILES) {
    // For reviewing details: the page again in 600 px slices (preview/tiles/NAME-N.png).
    const { result } = await s('Runtime.evaluate', { expression: 'Math.ceil(document.documentElement.scrollHeight)', returnByValue: true });
    const height = fullPage ? Number(result.value) : phone.height;
    fs.mkdirSync(path.join(outDir, 'tiles'), { recursive: true });
    for (let y = 0, n = 1; y < height; y += 600, n += 1) {
      const clip = { x: 0, y, width: 375, height: Math.min(600, height - y), scale: 1 };
      const tile = await s('Page.captureScreenshot', { format: 'png', clip });
      fs.writeFileSync(path.join(outDir, 'tiles', `${path.basename(pngFile, '.png')}-${n}.png`), Buffer.from(tile.data, 'base64'));
    }
  }
  await browser.send('Target.closeTarget', { targetId });
}

async function main() {
  const chromium = findChromium();
  if (!chromium) {
    console.error(
      'preview: 没有找到 Chromium。请先安装（Debian/Ubuntu）：\n  apt-get update && apt-get install -y chromium fonts-noto-cjk\n或用 CHROMIUM_PATH=/path/to/chromium 指定。',
    );
    process.exit(2);
  }
  const pack = spawnSync(process.execPath, [path.join(root, 'scripts/pack-npm.mjs')], { stdio: 'inherit' });
  if (pack.status !== 0) process.exit(pack.status ?? 1);

  renderHtml();
  const screens = fs
    .readdirSync(htmlDir)
    .filter((f) => f.endsWith('.shot'))
    .map((f) => JSON.parse(fs.readFileSync(path.join(htmlDir, f), 'utf8')))
    .sort((a, b) => a.name.localeCompare(b.name));
  for (const f of fs.readdirSync(outDir)) if (f.endsWith('.png')) fs.rmSync(path.join(outDir, f));
  fs.rmSync(path.join(outDir, 'tiles'), { recursive: true, force: true });

  const browser = startBrowser(chromium);
  try {
    for (const screen of screens) {
      const png = path.join(outDir, `${screen.name}.png`);
      await screenshot(browser, path.join(htmlDir, `${screen.name}.html`), png, screen.fullPage);
      console.log(`preview/${screen.name}.png  ${screen.caption}`);
    }
  } finally {
    await browser.close();
  }
  console.log(`preview: ${screens.length} 张截图（375 px 宽，2 倍像素）在 preview/`);
}

main().catch((e) => {
  console.error(`preview: ${e.message}`);
  process.exit(1);
});
