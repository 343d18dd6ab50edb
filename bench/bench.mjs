// Benchmark (not a test: it prints figures, it does not pass or fail).
//
//   node bench/bench.mjs [runs]      after ./scripts/build.sh
//
// 1. The gzip -9 size of each asset of dist/ the browser loads (index.html, JS, wasm, CSS) and their
//    total, against the budget; then what a French first visit downloads (the files index.html
//    names and its loader imports, as tests/e2e/budget.test.mjs counts them) and what starting in
//    English adds (its language pack).
// 2. In headless Chromium, the median time from navigation to the first screen's content being
//    painted (first-contentful-paint) and to the app being mounted (wasm started, prerendered
//    screen replaced), next to the first paint of a static HTML page with the same text and CSS:
//    the floor a static page sets. Unthrottled over `runs` loads, then on a slow phone (network and
//    CPU throttled) over fewer, from a server sending gzip and from one that sends the wasm raw;
//    and on the slow phone, how much later than the first paint the largest paint comes.
// 3. An answer click: the time from the click to the screen showing it and local storage holding
//    the new revision, median and p95 over 100 answers on one area step.
// 4. A workshop: 1,000 participants' files picked at once, from the input's change event until the
//    merged view (chart and table) is drawn.
// The figures are printed as a markdown table, to paste into a closing note, and on one SUMMARY
// line for scripts.
import { readdir, readFile, writeFile, mkdtemp, rm, copyFile } from 'node:fs/promises';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { join, extname } from 'node:path';
import { tmpdir } from 'node:os';
import { browser, DIST, AutodiagPage, firstVisitFiles, englishPacks, shippedSize } from '../tests/e2e/support.mjs';
import { participantFile } from '../tests/e2e/participants.mjs';
import { serveGzip } from './gzip-server.mjs';

const RUNS = Number(process.argv[2] ?? 15);
// A throttled load takes seconds, not tenths: fewer of them keep a whole run under ~5 minutes.
const SLOW_RUNS = Math.max(3, Math.round(RUNS / 3));
// A slow phone on a poor mobile connection, as DevTools' presets describe one: what the first
// screen must be readable on before the wasm has arrived.
const SLOW_NETWORK = { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 };
const SLOW_CPU = 4;
// The prerendered first screen should be the largest paint: mounting must not repaint it bigger.
const LCP_GOAL_MS = 100;
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
  return total;
}

/**
 * What a French first visit of index.html downloads, counted as tests/e2e/budget.test.mjs does
 * (`firstVisitFiles`), and what the English texts add: only a visitor who chooses English or
 * starts in it fetches them.
 */
async function firstVisit() {
  const gzOf = (f) => shippedSize(f, 'gz');
  let [french, frenchBr] = [0, 0];
  const frenchFiles = await firstVisitFiles();
  for (const f of frenchFiles) {
    french += await gzOf(f);
    frenchBr += await shippedSize(f, 'br');
  }
  console.log('\nA French first visit (index.html, what it names and what its loader imports), as shipped');
  console.log(`  ${kB(french).trim()} gzip, ${kB(frenchBr).trim()} brotli in ${frenchFiles.length} requests: ${frenchFiles.join(', ')}`);
  console.log(`  budget ${kB(BUDGET).trim()} gzip: ${french <= BUDGET ? 'within' : 'OVER'}`);
  const [english] = await englishPacks();
  let englishBytes = null;
  if (english) {
    englishBytes = await gzOf(english);
    console.log(`  English first visit adds ${kB(englishBytes).trim()} gzip, 1 request (${english}, fetched only in English)`);
  } else {
    console.log('  no lang-en-*.json in dist/: English costs a first visit nothing more');
  }
  return { french, requests: frenchFiles.length, english: englishBytes };
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

/**
 * Medians over `runs` fresh loads of `origin`: first contentful paint and, for the app, the
 * `autodiag:mounted` mark it sets once a widget is visible and answers clicks. With `slow`, each
 * page is throttled before it navigates, and the largest contentful paint is read too.
 */
async function timings(context, origin, { app, runs = RUNS, slow = false }) {
  const fcp = [];
  const mounted = [];
  const lcpAfterFcp = [];
  let largest = null;
  for (let i = 0; i < runs; i++) {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    if (slow) {
      await cdp.send('Network.emulateNetworkConditions', SLOW_NETWORK);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: SLOW_CPU });
      // Buffered, so that the candidates painted before the script could run are kept as well.
      await page.addInitScript(() => {
        window.__lcp = [];
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) {
            // An element inside the widget's shadow tree is not exposed: say so rather than guess.
            const el = e.element;
            const name = !el ? '(in a shadow tree)'
              : el.tagName.toLowerCase() + (el.className ? `.${String(el.className).split(' ')[0]}` : '');
            window.__lcp.push({ startTime: e.startTime, size: e.size, name });
          }
        }).observe({ type: 'largest-contentful-paint', buffered: true });
      });
    }
    // Polled every 100 ms when throttled, not every frame: the 4× slower CPU is the page's.
    const wait = { polling: slow ? 100 : 'raf', timeout: 60000 };
    await page.goto(origin + '/', { timeout: 60000 });
    if (app) await page.waitForFunction(() => performance.getEntriesByName('autodiag:mounted').length > 0, null, wait);
    await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0, null, wait);
    // goto waited for the load event; a quiet second after it (and after mounting) lets a late
    // candidate, such as a repaint by the mounted widget, be reported.
    if (slow) await page.waitForTimeout(1000);
    const t = await page.evaluate(() => ({
      fcp: performance.getEntriesByName('first-contentful-paint')[0].startTime,
      mounted: performance.getEntriesByName('autodiag:mounted')[0]?.startTime ?? null,
      lcp: window.__lcp?.at(-1) ?? null,
    }));
    fcp.push(t.fcp);
    if (t.mounted !== null) mounted.push(t.mounted);
    if (t.lcp) {
      lcpAfterFcp.push(t.lcp.startTime - t.fcp);
      largest = t.lcp;
    }
    await page.close();
  }
  return {
    runs,
    fcp: median(fcp),
    mounted: mounted.length ? median(mounted) : null,
    lcpAfterFcp: lcpAfterFcp.length ? median(lcpAfterFcp) : null,
    largest,
  };
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

/**
 * On the slow phone, the time from the click that opens the maturity profile to its action plan
 * on screen: straight from the first step (the on-demand module fetched, compiled and drawn after
 * the click), or from the step before it, which prefetched the module meanwhile.
 */
async function profileOpen(context, origin, { prefetched, runs = SLOW_RUNS }) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const app = await AutodiagPage.fresh(context, origin);
    await app.startNew('Banc d’essai');
    const cdp = await context.newCDPSession(app.page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Network.emulateNetworkConditions', SLOW_NETWORK);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: SLOW_CPU });
    if (prefetched) {
      await app.gotoStep(/^\d+\. Bilan$/);
      await app.page.waitForFunction(() => performance.getEntriesByType('resource')
        .filter((e) => /\/extras-[0-9a-f]+(_bg\.wasm|\.js)$/.test(e.name) && e.responseEnd > 0).length === 2,
      null, { polling: 100, timeout: 60000 });
    }
    times.push(await app.within.evaluate(async (host) => {
      const root = host.shadowRoot;
      const button = [...root.querySelectorAll('button')].find((b) => /^\d+\. Profil de maturité/.test(b.textContent));
      const t0 = performance.now();
      button.click();
      const shown = () => [...root.querySelectorAll('h2')].some((h) => h.textContent === 'Plan d’action');
      while (!shown()) await new Promise((r) => setTimeout(r, 5));
      return performance.now() - t0;
    }));
    await app.page.evaluate(() => localStorage.clear());
    await app.page.close();
  }
  return median(times);
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
const visit = await firstVisit();
const floorDir = await staticFloor();
// Every server sends gzip as a well-configured one would; one variant leaves the wasm raw, as a
// server whose compression list lacks application/wasm does.
const appServer = await serveGzip(DIST);
const rawWasmServer = await serveGzip(DIST, { uncompressed: ['.wasm'] });
const floorServer = await serveGzip(floorDir);
const chrome = await browser();
try {
  // One warm-up of each, so that both measures start from the same browser state.
  await timings(chrome.context, appServer.origin, { app: true });
  await timings(chrome.context, floorServer.origin, { app: false });
  const appT = await timings(chrome.context, appServer.origin, { app: true });
  const floorT = await timings(chrome.context, floorServer.origin, { app: false });
  const slow = { runs: SLOW_RUNS, slow: true };
  const appSlow = await timings(chrome.context, appServer.origin, { app: true, ...slow });
  const floorSlow = await timings(chrome.context, floorServer.origin, { app: false, ...slow });
  const rawSlow = await timings(chrome.context, rawWasmServer.origin, { app: true, ...slow });

  const cell = (n) => `${n.toFixed(0)} ms`;
  const ratio = (a, b) => `${(a / b).toFixed(2)}×`;
  console.log(`\nLoad times, headless Chromium, 127.0.0.1, cache disabled, gzip from the server; medians of ${RUNS} loads`
    + ` unthrottled, of ${SLOW_RUNS} on the slow phone (${SLOW_NETWORK.downloadThroughput * 8 / 1e6} Mbit/s down,`
    + ` ${SLOW_NETWORK.latency} ms RTT, CPU ${SLOW_CPU}× slower). The static page is index.html without its scripts.\n`);
  console.log('| | app | static page | ratio |');
  console.log('|---|---|---|---|');
  console.log(`| first screen's text on screen (FCP) | ${cell(appT.fcp)} | ${cell(floorT.fcp)} | ${ratio(appT.fcp, floorT.fcp)} |`);
  console.log(`| widget mounted and answering clicks (unthrottled) | ${cell(appT.mounted)} | — | ${ratio(appT.mounted, floorT.fcp)} of static FCP |`);
  console.log(`| same, slow phone (1.6 Mbit/s, 150 ms RTT, CPU 4× slower), gzip | ${cell(appSlow.mounted)} | ${cell(floorSlow.fcp)} (FCP) | ${ratio(appSlow.mounted, floorSlow.fcp)} |`);
  console.log(`| same, slow phone, server that does not compress .wasm | ${cell(rawSlow.mounted)} | — | ${ratio(rawSlow.mounted, floorSlow.fcp)} of static FCP (slow) |`);
  const lcp = appSlow.lcpAfterFcp;
  console.log(`| largest contentful paint − first contentful paint, slow phone, gzip | ${lcp === null ? 'no LCP entry' : cell(lcp)} | | ${lcp === null ? '' : `goal ≤ ${LCP_GOAL_MS} ms: ${lcp <= LCP_GOAL_MS ? 'met' : 'missed'}`} |`);
  console.log(`\n  the app's own first paint on the slow phone: ${cell(appSlow.fcp)}`);
  if (appSlow.largest) {
    console.log(`  its largest paint (last run): ${appSlow.largest.name}, ${appSlow.largest.size} px², at ${cell(appSlow.largest.startTime)}`);
  }
  const cold = await profileOpen(chrome.context, appServer.origin, { prefetched: false });
  const warm = await profileOpen(chrome.context, appServer.origin, { prefetched: true });
  console.log(`\nOpening the maturity profile on the slow phone, click to action plan shown, median of ${SLOW_RUNS}`);
  console.log(`  not prefetched ${ms(cold)} (goal ≤ 1000 ms: ${cold <= 1000 ? 'met' : 'missed'})   prefetched at the step before ${ms(warm)}`);
  const click = await answerLatency(chrome.context, appServer.origin);
  console.log(`\nAn answer click until shown and saved, over ${click.n} answers`);
  console.log(`  median ${ms(click.median)}   p95 ${ms(click.p95)}`);
  const merge = await workshopMerge(chrome.context, appServer.origin);
  console.log(`\nA workshop: ${merge.n} participants' files merged and drawn, from the file input's change event`);
  console.log(`  median ${ms(merge.median)}   slowest ${ms(merge.max)}`);
  const f = (n, d = 1) => (n === null ? 'na' : n.toFixed(d));
  console.log(`\nSUMMARY gzip_total_bytes=${total} fcp_app_ms=${f(appT.fcp)} fcp_static_ms=${f(floorT.fcp)} mounted_ms=${f(appT.mounted)}`
    + ` click_median_ms=${f(click.median, 2)} click_p95_ms=${f(click.p95, 2)} merge_1000_ms=${f(merge.median, 0)}`
    + ` fr_first_visit_gzip_bytes=${visit.french} fr_first_visit_requests=${visit.requests} en_adds_gzip_bytes=${visit.english ?? 'na'}`
    + ` slow_fcp_app_ms=${f(appSlow.fcp)} slow_fcp_static_ms=${f(floorSlow.fcp)} slow_mounted_gzip_ms=${f(appSlow.mounted)}`
    + ` slow_mounted_raw_wasm_ms=${f(rawSlow.mounted)} slow_lcp_minus_fcp_ms=${f(lcp)}`
    + ` slow_profile_open_ms=${f(cold, 0)} slow_profile_open_prefetched_ms=${f(warm, 0)} runs=${RUNS} slow_runs=${SLOW_RUNS}`);
} finally {
  await chrome.close();
  await appServer.close();
  await rawWasmServer.close();
  await floorServer.close();
  await rm(floorDir, { recursive: true, force: true });
}
