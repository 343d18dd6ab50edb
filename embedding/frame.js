// Autodiag 37101, iframe mode. A host page frames
//   frame.html?origin=https://portal.example&lang=fr&namespace=…&modes=…&intro=…&accent=…
// This script runs before the app, and decides whether the app starts at all.
//
// The origin a page declares in `?origin=` proves nothing: any page can declare its own. So the
// frame checks who its parent really is (`location.ancestorOrigins`, else the referrer's origin)
// against the list its publisher keeps in `frame-origins.txt`, beside frame.html (its own origin is
// always allowed: a page of that origin can read the stored answers anyway). A parent not listed,
// or unknown, or not the one `?origin=` names, gets a plain message inside the frame, no app (so
// no stored assessment shown, no "delete all my data" button to click through) and not a single
// message. The real guard is the server's `Content-Security-Policy: frame-ancestors` header built
// from the same list (README, "In an iframe"); this check covers servers that do not send it.
//
// frame.html holds the app's loader only as a `<link rel="modulepreload" data-autodiag-loader>`
// (fetched early, never run), and its widget element `hidden` (so that a refused parent never
// sees the first screen flash): this script imports the loader once the check has passed.
const params = new URLSearchParams(location.search);
const widget = document.querySelector('[data-autodiag]');
const lang = params.get('lang') === 'en' ? 'en' : 'fr';

/** An origin exactly as `location.origin` spells one (http or https): never a wildcard. */
function exactOrigin(value) {
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === value ? value : null;
  } catch {
    return null;
  }
}

const origin = exactOrigin(params.get('origin'));
const framed = window.parent !== window;

/** The parent page's origin as the browser knows it, or null where it does not say. */
function parentOrigin() {
  const ancestors = location.ancestorOrigins;
  if (ancestors && ancestors.length > 0) return exactOrigin(ancestors[0]);
  // Where ancestorOrigins is missing (Firefox), the referrer is the page that set the frame's
  // address, its parent (a parent with `referrerpolicy="no-referrer"` is then unknown, and refused).
  try {
    return document.referrer ? exactOrigin(new URL(document.referrer).origin) : null;
  } catch {
    return null;
  }
}

/**
 * The origins listed in frame-origins.txt: one a line, `#` starts a comment. No file (or a server
 * answering with a page instead) means no list, so only the frame's own origin.
 */
async function listedOrigins() {
  let text;
  try {
    // Revalidated each time, so that a publisher's edit applies at once.
    const response = await fetch(new URL('./frame-origins.txt', import.meta.url), { cache: 'no-cache' });
    const type = response.headers.get('content-type') ?? '';
    if (!response.ok || type.includes('html')) return [];
    text = await response.text();
  } catch {
    return [];
  }
  const list = [];
  for (const line of text.split(/\r?\n/)) {
    const entry = line.replace(/#.*/, '').trim().replace(/\/$/, '');
    if (!entry) continue;
    const listed = exactOrigin(entry);
    if (listed) list.push(listed);
    else console.warn(`Autodiag 37101: "${entry}" in frame-origins.txt is not an origin like https://portal.example, so it is ignored.`);
  }
  return list;
}

const REFUSED = {
  fr: {
    title: 'Cette page n’est pas autorisée à afficher l’outil Autodiagnostic ISO 37101.',
    fix: (site) => `Si ce site est le vôtre, ajoutez son adresse${site ? ` (${site})` : ''} à la liste frame-origins.txt publiée à côté de frame.html, ou demandez-le à qui publie l’outil.`,
  },
  en: {
    title: 'This page is not allowed to show the Autodiag ISO 37101 tool.',
    fix: (site) => `If this site is yours, add its address${site ? ` (${site})` : ''} to the list frame-origins.txt published beside frame.html, or ask whoever publishes the tool to do so.`,
  },
};

/** Shows why the tool is not here, instead of the app, which never starts. */
function refuse(parent) {
  const text = REFUSED[lang];
  const box = document.createElement('div');
  box.className = 'frame-refused';
  box.lang = lang;
  for (const line of [text.title, text.fix(parent)]) {
    box.append(Object.assign(document.createElement('p'), { textContent: line }));
  }
  // No element left for a loader to mount a widget in.
  widget.removeAttribute('data-autodiag');
  widget.replaceChildren(box);
  widget.hidden = false;
  document.documentElement.lang = lang;
  performance.mark('autodiag:refused');
  console.warn(!origin
    ? 'Autodiag 37101: no valid ?origin=https://your.site in the frame URL, so the tool does not start.'
    : `Autodiag 37101: the parent page (${parent ?? 'origin unknown'}) is not ${origin} or not listed in frame-origins.txt, so the tool does not start.`);
}

async function allowed(parent) {
  if (!framed) return true; // A page of its own, as index.html: nobody to talk to, nothing to guard.
  if (!origin || !parent || parent !== origin) return false;
  return parent === location.origin || (await listedOrigins()).includes(parent);
}

function post(type, detail, extra) {
  if (framed) window.parent.postMessage({ source: 'autodiag37101', api: 1, type, detail, ...extra }, origin);
}

/** A request's `id`, echoed in its reply so that a host can tell replies apart. */
function requestId(id) {
  return (typeof id === 'string' && id.length <= 100) || Number.isFinite(id) ? { id } : {};
}

/** From here on the parent is trusted: relay the widget's events to it, to its origin only. */
function bridge() {
  if (!framed) return;
  let summary = null;
  for (const name of ['started', 'progress', 'completed', 'exported']) {
    document.addEventListener(`autodiag:${name}`, (event) => {
      summary = event.detail;
      post(`autodiag:${name}`, event.detail);
    });
  }
  window.addEventListener('message', (event) => {
    if (event.origin !== origin || event.source !== window.parent) return;
    if (event.data?.type === 'autodiag:get-summary') post('autodiag:summary', summary, requestId(event.data.id));
  });
  // The page's height, so that the host can size the frame and the user never scrolls twice.
  let height = 0;
  new ResizeObserver(() => {
    const h = document.documentElement.scrollHeight;
    if (h !== height) post('autodiag:resize', { height: (height = h) });
  }).observe(document.documentElement);
  post('autodiag:ready', { api: 1 });
}

const parent = framed ? parentOrigin() : null;
if (await allowed(parent)) {
  for (const name of ['lang', 'namespace', 'modes', 'intro', 'accent']) {
    const value = params.get(name);
    if (value !== null) widget.setAttribute(`data-${name}`, value);
  }
  bridge();
  widget.hidden = false;
  const loader = document.querySelector('link[data-autodiag-loader]');
  await import(loader.href);
} else {
  refuse(parent);
}
