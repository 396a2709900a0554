// The one live connection: GET /events as Server-Sent Events. The browser reconnects by itself
// (the server asks for 2 s); each (re)connection starts with "ready", after which views reload.

const NAMES = ['instance-registered', 'heartbeats', 'instance-expired', 'instance-deregistered',
  'instance-status', 'service-changed', 'alert', 'readings', 'lease-started', 'lease-released', 'lease-expired'];

export function connect(indicator, handlers) {
  let source = open(indicator, handlers);
  // A page left for another keeps its connection while the browser caches it, and a browser has
  // only six connections per host over HTTP/1.1: close it on leaving, open a new one on coming back.
  window.addEventListener('pagehide', () => source.close());
  window.addEventListener('pageshow', event => {
    if (event.persisted) {
      source = open(indicator, handlers);
    }
  });
}

function open(indicator, { onReady, onEvent }) {
  const show = (state, text) => {
    indicator.dataset.live = state;
    indicator.textContent = text;
  };
  const source = new EventSource('/events');
  show('connecting', 'Connecting…');
  source.addEventListener('ready', () => {
    show('open', 'Live');
    onReady();
  });
  source.addEventListener('resync', () => onReady());
  for (const name of NAMES) {
    source.addEventListener(name, event => {
      let data;
      try {
        data = JSON.parse(event.data);
      } catch (e) {
        return;
      }
      onEvent(name, data);
    });
  }
  source.addEventListener('error', () => {
    if (source.readyState === EventSource.CLOSED) {
      show('down', 'Pulse unreachable: live updates stopped. Reload the page to retry.');
    } else {
      show('down', 'Pulse unreachable: reconnecting…');
    }
  });
  return source;
}
