// Firefox ESR and WebKitGTK through W3C WebDriver (selenium-webdriver), for the journey that runs
// in every engine: Playwright drives only its own patched Firefox and WebKit builds, which cannot be
// installed here, while the stock engines ship a WebDriver server.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Builder, Capabilities } from 'selenium-webdriver';
import firefox from 'selenium-webdriver/firefox.js';
import { DriverService } from 'selenium-webdriver/remote/index.js';
import { findFreePort } from 'selenium-webdriver/net/portprober.js';

const env = process.env;
export const ENGINES = ['firefox', 'webkit'];
const WAIT = 20_000;

/**
 * A fresh browser of `engine` with a throw-away profile and download folder.
 * Returns `{ driver, downloads, close }`.
 */
export async function launch(engine) {
  const dir = await mkdtemp(join(tmpdir(), `autodiag-${engine}-`));
  const downloads = join(dir, 'downloads');
  let driver;
  let service;
  if (engine === 'firefox') {
    const options = new firefox.Options()
      .setBinary(env.FIREFOX ?? '/usr/bin/firefox-esr')
      .addArguments('-headless', '-profile', join(dir, 'profile'))
      // Downloads land in our folder, without a dialog, so the test can read the file.
      .setPreference('browser.download.folderList', 2)
      .setPreference('browser.download.dir', downloads)
      .setPreference('browser.download.useDownloadDir', true)
      .setPreference('browser.download.always_ask_before_handling_new_types', false)
      .setPreference('browser.download.start_downloads_in_tmp_dir', false)
      .setPreference('browser.helperApps.neverAsk.saveToDisk', 'application/json,text/csv,text/plain')
      // No network of its own: updates, telemetry, remote settings.
      .setPreference('app.update.enabled', false)
      .setPreference('network.connectivity-service.enabled', false)
      .setPreference('datareporting.policy.dataSubmissionEnabled', false);
    await mkdir(join(dir, 'profile'));
    service = new firefox.ServiceBuilder(env.GECKODRIVER_BIN ?? `${env.HOME}/.cargo/bin/geckodriver`);
    driver = await new Builder().forBrowser('firefox').setFirefoxOptions(options)
      .setFirefoxService(service).build();
  } else if (engine === 'webkit') {
    const port = await findFreePort();
    // WebKitGTK keeps its data under the XDG folders: point them at the throw-away profile.
    service = new DriverService(env.WEBKITWEBDRIVER ?? '/usr/bin/WebKitWebDriver', {
      port,
      loopback: true,
      args: [`--port=${port}`],
      env: { ...env, XDG_DATA_HOME: join(dir, 'data'), XDG_CACHE_HOME: join(dir, 'cache'), XDG_CONFIG_HOME: join(dir, 'config'), XDG_DOWNLOAD_DIR: downloads },
    });
    const url = await service.start();
    const caps = new Capabilities({
      browserName: 'MiniBrowser',
      'webkitgtk:browserOptions': {
        binary: env.MINIBROWSER ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
        args: ['--automation'],
      },
    });
    driver = await new Builder().usingServer(url).withCapabilities(caps).build();
  } else {
    throw new Error(`unknown engine ${engine}`);
  }
  await driver.manage().setTimeouts({ script: WAIT });
  return {
    driver,
    downloads,
    async close() {
      await driver.quit().catch(() => {});
      if (service instanceof DriverService) await service.kill();
      // The browser's last child processes may still be writing their caches for a moment.
      await rm(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
    },
  };
}

/** A regular expression as plain data, to hand to a script run in the page. */
const re = (r) => (r instanceof RegExp ? { source: r.source, flags: r.flags } : { source: `^${r.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, flags: '' });

// Scripts run in the page. `ROOT` finds the widget's shadow root; `TEXT` is what a person reads
// on an element (trimmed, spaces collapsed).
const PRELUDE = `
  const host = document.querySelector(arguments[0]);
  const ROOT = host && (host.shadowRoot || host);
  const TEXT = (el) => (el.textContent || '').replace(/\\s+/g, ' ').trim();
  const RE = (r) => new RegExp(r.source, r.flags);
`;

/** The app as a person sees it, through WebDriver. Everything is found by visible text. */
export class App {
  constructor(driver, origin, host = '[data-autodiag]') {
    this.driver = driver;
    this.origin = origin;
    this.host = host;
  }

  /** Runs `body` (a function body using ROOT, TEXT, RE and arguments[1…]) in the page. */
  run(body, ...args) {
    return this.driver.executeScript(`${PRELUDE}\n${body}`, this.host, ...args);
  }

  /** Waits until `body` returns something truthy, and returns it. */
  async until(message, body, ...args) {
    return this.driver.wait(async () => (await this.run(body, ...args)) || null, WAIT, message);
  }

  async goto(path = '/') {
    await this.driver.get(path.includes('://') ? path : this.origin + path);
    await this.ready();
  }

  async reload() {
    await this.driver.navigate().refresh();
    await this.ready();
  }

  /** Until the wasm app has replaced the prerendered first screen, in every widget. */
  async ready() {
    await this.driver.wait(() => this.driver.executeScript(
      `return performance.getEntriesByName('autodiag:mounted').length >= document.querySelectorAll('[data-autodiag]').length`,
    ), WAIT, 'the app mounts');
  }

  async clearStorage() {
    await this.driver.executeScript('localStorage.clear()');
    await this.reload();
  }

  /** The stored assessments of a namespace, parsed. */
  stored(namespace = 'default') {
    return this.driver.executeScript(
      `return Object.keys(localStorage).filter((k) => k.startsWith('autodiag37101:' + arguments[0] + ':a:'))
        .map((k) => JSON.parse(localStorage.getItem(k)))`, namespace);
  }

  /** The button whose visible text (or accessible label) matches `name`. */
  button(name) {
    return this.until(`a button named ${name}`, `
      return [...ROOT.querySelectorAll('button, summary')].find((b) =>
        RE(arguments[1]).test(b.getAttribute('aria-label') || TEXT(b)) && b.getClientRects().length);`, re(name));
  }

  async click(name) {
    await (await this.button(name)).click();
  }

  /** The form control whose label matches `label`. */
  field(label) {
    return this.until(`a field labelled ${label}`, `
      const l = [...ROOT.querySelectorAll('label')].find((l) => RE(arguments[1]).test(TEXT(l)));
      return l && l.control;`, re(label));
  }

  async fill(label, text) {
    const input = await this.field(label);
    await input.clear();
    await input.sendKeys(text);
  }

  /** Waits until some element of the widget shows text matching `text`. */
  text(text) {
    return this.until(`text ${text}`, `
      return [...ROOT.querySelectorAll('*')].find((e) => e.children.length === 0 && RE(arguments[1]).test(TEXT(e)));`,
    re(text));
  }

  /** Answers the question whose legend matches `question` by clicking the option's label. */
  async answer(question, option) {
    const label = await this.until(`option ${option} of ${question}`, `
      const set = [...ROOT.querySelectorAll('fieldset')].find((f) => RE(arguments[1]).test(TEXT(f.querySelector('legend'))));
      return set && [...set.querySelectorAll('label')].find((l) =>
        RE(arguments[2]).test(TEXT(l.querySelector('.choice-label') || l)));`, re(question), re(option));
    await label.click();
    // The click must have landed on that radio: wait for it to be the checked one.
    await this.until(`${option} checked for ${question}`, `
      const set = [...ROOT.querySelectorAll('fieldset')].find((f) => RE(arguments[1]).test(TEXT(f.querySelector('legend'))));
      const on = set && set.querySelector('input:checked');
      return on && RE(arguments[2]).test(TEXT(on.labels[0].querySelector('.choice-label') || on.labels[0]));`,
    re(question), re(option));
  }

  /** On the current step, each question's legend with the values of its checked radios. */
  checkedOnStep() {
    return this.run(`
      return [...ROOT.querySelectorAll('fieldset')].filter((f) => f.querySelector('input[type=radio]')).map((f) => ({
        legend: TEXT(f.querySelector('legend')),
        checked: [...f.querySelectorAll('input[type=radio]')].filter((i) => i.checked).map((i) => i.value),
      }));`);
  }

  /** « Étape 3 sur 15 », as shown. */
  async stepOf() {
    const el = await this.text(/^(Étape|Step) \d+ (sur|of) \d+$/);
    return (await el.getText()).trim();
  }

  /** Waits until the step counter says `n`, so the next look is at the new step. */
  async atStep(n) {
    await this.text(new RegExp(`^(Étape|Step) ${n} (sur|of) \\d+$`));
  }

  async startNew(name, mode = /^Rapide/) {
    await this.fill(/^(Nom de la collectivité|Name of the community)/, name);
    if (mode) await this.answer(/^(Formule|Format)$/, mode);
    await this.click(/^(Commencer|Start)$/);
    await this.atStep(1);
  }

  async next() {
    await this.click(/^(Suivant|Next) →$/);
    await this.loaded();
  }

  async previous() {
    await this.click(/^← (Précédent|Previous)$/);
    await this.loaded();
  }

  async gotoStep(name) {
    await this.click(/^(Étapes|Steps)$/);
    await this.click(name);
    await this.loaded();
  }

  /**
   * Until a screen of the on-demand module (the review, the profile) has come, as a person waits
   * for « Chargement… » to go: a click meanwhile could land on what the arriving screen moves.
   */
  async loaded() {
    await this.until('the on-demand screen has come', `
      return ![...ROOT.querySelectorAll('[role=status]')].some((e) => /^(Chargement…|Loading…)$/.test(TEXT(e)));`);
  }

  /**
   * Clicks `name` and returns the file the app offers: `{ name, text }` from the Blob it hands to
   * `URL.createObjectURL` (the same in every engine, whatever the engine does with downloads).
   */
  async download(name) {
    await this.driver.executeScript(`
      window.__blobs = [];
      if (!window.__wrapped) {
        window.__wrapped = true;
        const create = URL.createObjectURL;
        URL.createObjectURL = function (blob) { window.__blobs.push(blob); return create.call(URL, blob); };
        const click = HTMLAnchorElement.prototype.click;
        HTMLAnchorElement.prototype.click = function () { window.__lastDownload = this.download; return click.call(this); };
      }`);
    await this.click(name);
    await this.driver.wait(() => this.driver.executeScript('return window.__blobs.length > 0'), WAIT, 'a file is offered');
    return this.driver.executeAsyncScript(`
      const done = arguments[arguments.length - 1];
      window.__blobs[0].text().then((text) => done({ name: window.__lastDownload, text }), (e) => done({ error: String(e) }));`);
  }
}
