// Benchmark (not a test: it prints figures, it does not pass or fail).
//
//   node bench/bench.mjs [runs]      after ./scripts/build.sh
//
// 1. The gzip -9 size of each asset of dist/ the browser loads (index.html, JS, wasm, CSS) and their
//    total, against the 110 kB budget.
// 2. An answer click: the time from the click to the screen showing it and local storage holding
//    the new revision, median and p95 over 100 answers on one area step.
// 4. A workshop: 1,000 participants' files picked at once, from the input's change event until the
//    merged view (chart and table) is drawn.
// 3. In headless Chromium, the median time from navigation to the first screen's content being
//    painted (first-contentful-paint) and to the app being mounted (wasm started, prerendered
//    screen replaced), next to the first paint of a static HTML page with the same text and CSS:
//    the floor a static page sets.
import { readdir, readFile, writeFile, mkdtemp, rm, copyFile } from 'node:fs/promises';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { join, extname } from 'node:path';
import { tmpdir } from 'node:os';
import { serve, browser, DIST, AutodiagPage } from '../tests/e2e/support.mjs';
import { participantFile } from '../tests/e2e/participants.mjs';

const RUNS = Number(process.argv[2] ?? 15);
// The page's weight budget (RGESN 6.1), the same one tests/e2e/budget.test.mjs keeps.
const BUDGET = JSON.parse(await readFile(new URL('../budget.json', import.meta.url), 'utf8')).max_gzip_bytes;
const APP_ASSETS = new Set(['.html', '.js', '.wasm', '.css']);

const gz = (buf) => gzipSync(buf, { level: constants.Z_BEST_COMPRESSION }).length;
// For information: what a server sending Brotli would transfer.
const br = (buf) => brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const kB = (n) => (n / 1000).toFixed(1).padStart(7) + ' kB';
const ms = (n) => n.toFixed(1).padStart(7) + ' ms';
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

async function sizes() {
  // The app's own page and assets; not the demo portal, the iframe bridge or the offline file.
  const files = (await readdir(DIST)).filter((f) => APP_ASSETS.has(extname(f))
    && !/^(static-floor|embed|frame|portal|autodiag-37101-offline)/.test(f));
  let raw = 0;
  let total = 0;
  let brotli = 0;
  console.log('\nAssets of dist/ (what a browser downloads for the app)');
  console.log('  file'.padEnd(48) + 'raw'.padStart(10) + 'gzip -9'.padStart(11) + 'brotli'.padStart(11));
  for (const f of files.sort()) {
    const buf = await readFile(join(DIST, f));
    raw += buf.length;
    total += gz(buf);
    brotli += br(buf);
    console.log(`  ${f}`.padEnd(48) + kB(buf.length).padStart(10) + kB(gz(buf)).padStart(11) + kB(br(buf)).padStart(11));
  }
  console.log('  total'.padEnd(48) + kB(raw).padStart(10) + kB(total).padStart(11) + kB(brotli).padStart(11));
  console.log(`  budget ${kB(BUDGET).trim()} gzip: ${total <= BUDGET ? 'within' : 'OVER'} (${((100 * total) / BUDGET).toFixed(0)}%)`);
  return total;
}

/** The built page with its scripts removed: the same text and CSS, nothing to run. */
async function staticFloor() {
  const dir = await mkdtemp(join(tmpdir(), 'autodiag-floor-'));
  const html = (await readFile(join(DIST, 'index.html'), 'utf8'))
    .replace(/<script\b[\s\S]*?<\/script>/g, '')
    .replace(/<link\b[^>]*rel="(modulepreload|preload)"[^>]*>/g, '');
  await writeFile(join(dir, 'index.html'), html);
  for (const f of await readdir(DIST)) {
    if (extname(f) === '.css') await copyFile(join(DIST, f), join(dir, f));
  }
  return dir;
}

async function timings(context, origin, { app }) {
  const fcp = [];
  const mounted = [];
  for (let i = 0; i < RUNS; i++) {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await page.goto(origin + '/');
    if (app) await page.waitForFunction(() => performance.getEntriesByName('autodiag:mounted').length > 0);
    await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0);
    const t = await page.evaluate(() => ({
      fcp: performance.getEntriesByName('first-contentful-paint')[0].startTime,
      mounted: performance.getEntriesByName('autodiag:mounted')[0]?.startTime ?? null,
    }));
    fcp.push(t.fcp);
    if (t.mounted !== null) mounted.push(t.mounted);
    await page.close();
  }
  return { fcp: median(fcp), mounted: mounted.length ? median(mounted) : null };
}

const percentile = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};

async function answerLatency(context, origin, n = 100) {
  const app = await AutodiagPage.fresh(context, origin);
  await app.startNew('Banc d’essai');
  await app.next();
  const times = await app.within.evaluate(async (host, n) => {
    const radios = [...host.shadowRoot.querySelectorAll('fieldset input[type=radio]')];
    const key = Object.keys(localStorage).find((k) => k.includes(':a:'));
    const revision = () => JSON.parse(localStorage.getItem(key) ?? '{"revision":-1}').revision;
    const out = [];
    for (let i = 0; i < n; i++) {
      const radio = radios[i % radios.length];
      const before = revision();
      const t0 = performance.now();
      radio.click();
      // Yew renders and runs its effects in microtasks after the event: poll those first.
      for (let spins = 0; !(radio.checked && revision() > before); spins++) {
        await (spins < 1000 ? Promise.resolve() : new Promise((r) => setTimeout(r, 0)));
      }
      out.push(performance.now() - t0);
    }
    return out;
  }, n);
  await app.page.evaluate(() => localStorage.clear());
  await app.page.close();
  return { median: median(times), p95: percentile(times, 95), n };
}

/** Median time to merge `n` participants' files and draw the merged view, over `runs` runs. */
async function workshopMerge(context, origin, n = 1000, runs = 5) {
  const files = Array.from({ length: n }, (_, i) => ({
    name: `participant-${i}.json`,
    mimeType: 'application/json',
    buffer: Buffer.from(participantFile('Commune du banc d’essai',
      Array.from({ length: 12 }, (_, a) => (i * 7 + a * 3) % 5),
      ['low', 'medium', 'high', 'medium', 'low', 'high'].map((p, j) => ((i + j) % 4 ? p : undefined)))),
  }));
  const times = [];
  for (let r = 0; r < runs; r++) {
    const app = await AutodiagPage.fresh(context, origin);
    const input = app.within.getByLabel(/Ouvrir les fichiers des participants/);
    // Timed inside the page: from the change event to the first frame with the merged view.
    await input.evaluate((el) => {
      el.addEventListener('change', () => { window.__t0 = performance.now(); }, { capture: true, once: true });
      const root = el.getRootNode();
      const watch = () => {
        if (root.querySelector('.workshop table') && root.querySelector('.workshop svg')) {
          requestAnimationFrame(() => { window.__t1 = performance.now(); });
        } else {
          requestAnimationFrame(watch);
        }
      };
      requestAnimationFrame(watch);
    });
    await input.setInputFiles(files);
    await app.page.waitForFunction(() => window.__t1 !== undefined, null, { timeout: 60000 });
    times.push(await app.page.evaluate(() => window.__t1 - window.__t0));
    await app.page.close();
  }
  return { n, median: median(times), max: Math.max(...times) };
}

const total = await sizes();
const floorDir = await staticFloor();
const appServer = await serve(DIST);
const floorServer = await serve(floorDir);
const chrome = await browser();
try {
  // One warm-up of each, so that both measures start from the same browser state.
  await timings(chrome.context, appServer.origin, { app: true });
  await timings(chrome.context, floorServer.origin, { app: false });
  const appT = await timings(chrome.context, appServer.origin, { app: true });
  const floorT = await timings(chrome.context, floorServer.origin, { app: false });
  console.log(`\nFirst screen, headless Chromium, 127.0.0.1, cache disabled, median of ${RUNS} loads`);
  console.log(`  static page with the same text (floor), first paint ${ms(floorT.fcp)}`);
  console.log(`  the app, first paint of its first screen     ${ms(appT.fcp)}`);
  console.log(`  the app, mounted (wasm running)              ${ms(appT.mounted)}`);
  const click = await answerLatency(chrome.context, appServer.origin);
  console.log(`\nAn answer click until shown and saved, over ${click.n} answers`);
  console.log(`  median ${ms(click.median)}   p95 ${ms(click.p95)}`);
  const merge = await workshopMerge(chrome.context, appServer.origin);
  console.log(`\nA workshop: ${merge.n} participants' files merged and drawn, from the file input's change event`);
  console.log(`  median ${ms(merge.median)}   slowest ${ms(merge.max)}`);
  console.log(`\nSUMMARY gzip_total_bytes=${total} fcp_app_ms=${appT.fcp.toFixed(1)} fcp_static_ms=${floorT.fcp.toFixed(1)} mounted_ms=${appT.mounted.toFixed(1)} click_median_ms=${click.median.toFixed(2)} click_p95_ms=${click.p95.toFixed(2)} merge_1000_ms=${merge.median.toFixed(0)}`);
} finally {
  await chrome.close();
  await appServer.close();
  await floorServer.close();
  await rm(floorDir, { recursive: true, force: true });
}
