// Autodiag 37101, iframe mode. A host page frames
//   frame.html?origin=https://portal.example&lang=fr&namespace=…&modes=…&intro=…&accent=…
// This script runs before the app: it copies the settings onto the widget's element, then relays
// the widget's events to the host with postMessage, to `origin` only. Messages are accepted only
// from that origin and from the parent window; anything else is ignored.
const params = new URLSearchParams(location.search);
const widget = document.querySelector('[data-autodiag]');
for (const name of ['lang', 'namespace', 'modes', 'intro', 'accent']) {
  const value = params.get(name);
  if (value !== null) widget.setAttribute(`data-${name}`, value);
}

/** The host's origin, exactly as `location.origin` spells one: never a wildcard. */
function hostOrigin(value) {
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === value ? value : null;
  } catch {
    return null;
  }
}
const origin = hostOrigin(params.get('origin'));
const framed = window.parent !== window;
if (framed && !origin) {
  console.warn('Autodiag 37101: no valid ?origin=https://your.site in the frame URL, so no message is sent to the host page.');
}

function post(type, detail) {
  if (framed && origin) window.parent.postMessage({ source: 'autodiag37101', api: 1, type, detail }, origin);
}

let summary = null;
for (const name of ['started', 'progress', 'completed', 'exported']) {
  document.addEventListener(`autodiag:${name}`, (event) => {
    summary = event.detail;
    post(`autodiag:${name}`, event.detail);
  });
}

window.addEventListener('message', (event) => {
  if (!origin || event.origin !== origin || event.source !== window.parent) return;
  if (event.data?.type === 'autodiag:get-summary') post('autodiag:summary', summary);
});

// The page's height, so that the host can size the frame and the user never scrolls twice.
let height = 0;
new ResizeObserver(() => {
  const h = document.documentElement.scrollHeight;
  if (h !== height) post('autodiag:resize', { height: (height = h) });
}).observe(document.documentElement);

post('autodiag:ready', { api: 1 });
