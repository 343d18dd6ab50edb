// Shared by the end-to-end tests: a static server for dist/ on 127.0.0.1, a headless Chromium with
// a fresh profile, and a page object that speaks the way a person uses the app.
import { createServer } from 'node:http';
import { gzipSync, brotliCompressSync, constants as zlib } from 'node:zlib';
import { readFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, extname, normalize, resolve } from 'node:path';
import { before, after } from 'node:test';
import { chromium } from 'playwright-core';
import AxeBuilderModule from '@axe-core/playwright';

const AxeBuilder = AxeBuilderModule.default ?? AxeBuilderModule;

export const DIST = resolve(import.meta.dirname, '../../dist');

export const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
};

/**
 * The app's own files a first visit of `page` downloads: the page, the files it names, and what
 * its loader imports. Not `data-href`: the English texts, which only an English visit fetches.
 */
export async function firstVisitFiles(page = 'index.html') {
  const html = await readFile(join(DIST, page), 'utf8');
  const named = [...html.matchAll(/(?<![\w-])(?:href|src)="\.\/([^"#?]+)"/g)].map((m) => m[1]);
  const imported = [];
  for (const l of named.filter((f) => /^loader-.*\.js$/.test(f))) {
    const js = await readFile(join(DIST, l), 'utf8');
    imported.push(...[...js.matchAll(/\.\/([\w.-]+\.(?:js|wasm|css))/g)].map((m) => m[1]));
  }
  return [page, ...new Set([...named, ...imported])];
}

/**
 * The bytes of `f` (a file of dist/) a browser receives with `encoding` ('gz' or 'br'), as
 * shipped: its precompressed copy where the build makes one (scripts/precompress.mjs), else the
 * file compressed as a server would on the fly (gzip -9, Brotli 11).
 */
export async function shippedSize(f, encoding) {
  try {
    return (await readFile(join(DIST, `${f}.${encoding}`))).length;
  } catch {
    const data = await readFile(join(DIST, f));
    return encoding === 'gz'
      ? gzipSync(data, { level: 9 }).length
      : brotliCompressSync(data, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11 } }).length;
  }
}

/** The English texts' files `page` names (one, when the build is right). */
export async function englishPacks(page = 'index.html') {
  const html = await readFile(join(DIST, page), 'utf8');
  return [...html.matchAll(/data-autodiag-lang="en" data-href="\.\/(lang-en-[0-9a-f]+\.json)"/g)].map((m) => m[1]);
}

/**
 * Serves `root` on 127.0.0.1 at a free port, under the path `base` (as a town hall's site might
 * host it in a folder). `headers` are added to every response.
 */
export async function serve(root = DIST, headers = {}, base = '/') {
  const server = createServer(async (req, res) => {
    const url = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (!url.startsWith(base)) {
      res.writeHead(404).end('not found');
      return;
    }
    const path = normalize('/' + url.slice(base.length));
    const file = join(root, path.endsWith('/') ? `${path}index.html` : path);
    if (!file.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', ...headers });
      res.end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const origin = `http://127.0.0.1:${server.address().port}`;
  // Browsers keep connections alive: end them, or close() would wait for them forever.
  return { origin, close: () => new Promise((ok) => { server.close(ok); server.closeAllConnections(); }) };
}

export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--disable-dev-shm-usage',
];

/** A headless Chromium with a fresh, throw-away profile. */
export async function browser() {
  const dir = await mkdtemp(join(tmpdir(), 'autodiag-e2e-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 900 },
  });
  return {
    context,
    async close() {
      await context.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Registers the hooks every end-to-end file needs: the built app served on 127.0.0.1 and one
 * headless Chromium. Returns an object whose `server` and `chrome` are set once `before` ran.
 */
export function useServedApp() {
  const env = { server: null, chrome: null };
  before(async () => {
    env.server = await serve();
    env.chrome = await browser();
  });
  after(async () => {
    await env.chrome?.close();
    await env.server?.close();
  });
  return env;
}

/** The app as a person sees it. Locators go by role and visible text, never by CSS internals. */
export class AutodiagPage {
  constructor(page, origin, host = '[data-autodiag]') {
    this.page = page;
    this.origin = origin;
    /** The widget's element: every locator looks inside it (through its shadow root). */
    this.within = page.locator(host);
    this.host = host;
    /** Every URL the page asked for: the app must never leave its origin. */
    this.requests = [];
    this.errors = [];
    page.on('request', (r) => this.requests.push(r.url()));
    page.on('pageerror', (e) => this.errors.push(String(e)));
    page.on('console', (m) => {
      if (m.type() === 'error') this.errors.push(m.text());
    });
  }

  static async open(context, origin, path = '/') {
    const page = await context.newPage();
    const app = new AutodiagPage(page, origin);
    await app.goto(path);
    return app;
  }

  /** A page on an empty storage: what a first visit sees. */
  static async fresh(context, origin) {
    const app = await AutodiagPage.open(context, origin);
    await app.page.evaluate(() => localStorage.clear());
    await app.reload();
    return app;
  }

  /** The stored assessments, parsed, as the app keeps them in local storage. */
  async stored() {
    return this.page.evaluate(() =>
      Object.keys(localStorage)
        .filter((k) => k.startsWith('autodiag37101:default:a:'))
        .map((k) => JSON.parse(localStorage.getItem(k))));
  }

  async goto(path = '/') {
    await this.page.goto(this.origin + path);
    await this.ready();
  }

  async reload() {
    await this.page.reload();
    await this.ready();
  }

  /** Waits until the wasm app has replaced the prerendered first screen, in every widget. */
  async ready() {
    await this.page.waitForFunction(() => performance.getEntriesByName('autodiag:mounted').length
      >= document.querySelectorAll('[data-autodiag]').length);
  }

  heading(level = 1) {
    return this.within.getByRole('heading', { level });
  }

  languageButton(name) {
    return this.within.getByRole('button', { name });
  }

  /** Chooses a language and waits until the widget speaks it (the English texts may be fetched first). */
  async chooseLanguage(name) {
    await this.languageButton(name).click();
    const lang = await this.languageButton(name).getAttribute('lang');
    await this.page.waitForFunction(([host, lang]) => {
      const root = document.querySelector(host)?.shadowRoot ?? document.querySelector(host);
      return root?.querySelector('[lang]')?.getAttribute('lang') === lang;
    }, [this.host, lang]);
  }

  async widgetLang() {
    return this.within.locator('[lang]').first().getAttribute('lang');
  }

  /** The element that has keyboard focus, inside the widget's shadow root if it is there. */
  async focused() {
    return this.page.evaluate(() => {
      let el = document.activeElement;
      while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
      return el ? { tag: el.tagName, text: el.textContent } : null;
    });
  }

  /** Waits until keyboard focus is on an element with this tag name. */
  async waitForFocus(tag) {
    await this.page.waitForFunction((tag) => {
      let el = document.activeElement;
      while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
      return el?.tagName === tag;
    }, tag);
  }

  // --- The guided assessment, as a person does it ---------------------------------------------

  /**
   * Starts a new assessment from the start screen. `format` is the visible text of the option;
   * `null` where the host allows one mode only, so there is nothing to choose.
   */
  async startNew(name, format = /Rapide|Quick/) {
    await this.within.getByLabel(/Nom de la collectivité|Name of the community/).fill(name);
    if (format) await this.within.getByRole('radio', { name: format }).check();
    await this.within.getByRole('button', { name: /^(Commencer|Start)$/ }).click();
    await this.stepHeading().waitFor();
  }

  stepHeading() {
    return this.within.getByRole('heading', { level: 1 });
  }

  /** Picks `answer` (a visible option text) in the question whose legend matches `question`. */
  async answer(question, answer) {
    const group = this.within.getByRole('group', { name: question });
    await group.getByRole('radio', { name: answer }).check();
  }

  /**
   * From the first step of a quick assessment to its profile: a priority for the first purpose
   * and `level` (a visible option text) for every area, in the widget's language.
   */
  async quickWalk({ fr = true, level = /^2 – / } = {}) {
    await this.answer(fr ? /Attractivité/ : /Attractiveness/, fr ? 'Élevée' : 'High');
    for (let area = 0; area < 12; area++) {
      await this.next();
      await this.answer(fr ? /Niveau actuel/ : /Current level/, level);
    }
    await this.next();
    await this.next();
    await this.within.getByRole('img', { name: fr ? /Finalités/ : /Purposes/ }).waitFor();
  }

  async next() {
    await this.within.getByRole('button', { name: /^(Suivant|Next) →$/ }).click();
    await this.loaded();
  }

  async previous() {
    await this.within.getByRole('button', { name: /^← (Précédent|Previous)$/ }).click();
    await this.loaded();
  }

  /**
   * Waits until a screen of the on-demand module (the profile, the blank questionnaire) has come,
   * as a person waits for « Chargement… » to go: at once for every other screen.
   */
  async loaded() {
    await this.within.getByText(/^(Chargement…|Loading…)$/).waitFor({ state: 'hidden' });
  }

  /** "Étape 3 sur 14" / "Step 3 of 14", as shown. */
  async stepOf() {
    return (await this.within.getByText(/^(Étape|Step) \d+ (sur|of) \d+$/).textContent()).trim();
  }

  async backToList() {
    await this.within.getByRole('button', { name: /Retour à la liste|Back to the list/ }).click();
  }

  /** The assessments listed on the start screen, by name. */
  async listedAssessments() {
    return this.within.locator('.assessments h3').allTextContents();
  }

  /** Clicks the button named `name` and returns the file it downloads: its name and text. */
  async download(name) {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.within.getByRole('button', { name }).first().click(),
    ]);
    const chunks = await (await download.createReadStream()).toArray();
    return { name: download.suggestedFilename(), text: Buffer.concat(chunks).toString('utf8') };
  }

  /** Jumps to a step through the step menu. */
  async gotoStep(name) {
    await this.within.locator('summary', { hasText: /^(Étapes|Steps)$/ }).click();
    await this.within.getByRole('button', { name }).click();
    await this.loaded();
  }

  /** Everything this app keeps in local storage, to prove an action changed nothing. */
  async storageSnapshot() {
    return this.page.evaluate(() => JSON.stringify(Object.entries(localStorage).sort()));
  }

  /** Requests that went anywhere but the app's own origin. */
  foreignRequests() {
    return this.requests.filter((u) => !u.startsWith(this.origin + '/'));
  }

  /** axe-core's WCAG 2.1 A and AA violations on the current screen. */
  async accessibilityViolations(include) {
    let axe = new AxeBuilder({ page: this.page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']);
    if (include) axe = axe.include(include);
    const result = await axe.analyze();
    return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target).join(', ')})`);
  }
}
