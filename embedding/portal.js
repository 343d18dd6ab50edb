// The fictitious portal's script: it reacts to the widgets' public events (see the README,
// "Embed it in your site"). It only uses ids and scores: the events never carry names or notes.
const log = document.getElementById('portal-log');
for (const name of ['started', 'progress', 'completed', 'exported']) {
  document.addEventListener(`autodiag:${name}`, (event) => {
    // Seen from the page, an event from inside the widget's shadow root comes from its element.
    const widget = event.target;
    const d = event.detail;
    const item = document.createElement('li');
    item.textContent = `${widget.dataset.namespace} · autodiag:${name} · ${d.answered}/${d.asked}`
      + (d.overall === null ? '' : ` · maturité ${d.overall.toFixed(1)}/4`);
    log.prepend(item);
    if (name === 'completed' && widget.dataset.namespace === 'commune') {
      document.getElementById('next-commune').hidden = false;
    }
  });
}
