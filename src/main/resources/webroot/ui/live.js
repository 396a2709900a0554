// The one live connection: GET /events as Server-Sent Events, for the topics of the view shown.
// The browser reconnects by itself after a network error (the server asks for 2 s); after an
// answer other than 200 (a 503 when the node has too many streams) it does not, so this module
// opens a new connection itself, waiting longer each time (up to 30 s). Each (re)connection
// starts with "ready", after which the view reloads what it shows.

const NAMES = ['instance-registered', 'heartbeats', 'instance-expired', 'instance-deregistered',
  'instance-status', 'service-changed', 'alert', 'readings', 'lease-started', 'lease-released', 'lease-expired'];
const MAX_BACKOFF_MS = 30000;

export function connect(indicator, { onReady, onEvent }) {
  let source = null;
  let topics = null;
  let retryTimer = null;
  let backoff = 1000;

  const show = (state, text) => {
    indicator.dataset.live = state;
    indicator.textContent = text;
  };

  function open() {
    clearTimeout(retryTimer);
    if (source) {
      source.close();
    }
    show('connecting', 'Connecting…');
    const opened = new EventSource('/events?topics=' + encodeURIComponent(topics));
    source = opened;
    opened.addEventListener('ready', () => {
      backoff = 1000;
      show('open', 'Live');
      onReady();
    });
    opened.addEventListener('resync', () => onReady());
    for (const name of NAMES) {
      opened.addEventListener(name, event => {
        let data;
        try {
          data = JSON.parse(event.data);
        } catch (e) {
          return;
        }
        onEvent(name, data);
      });
    }
    opened.addEventListener('error', () => {
      if (opened !== source) {
        return;
      }
      if (opened.readyState === EventSource.CLOSED) {
        show('down', 'Pulse unreachable or busy: live updates paused, retrying in ' + Math.round(backoff / 1000) + ' s…');
        retryTimer = setTimeout(open, backoff);
        backoff = Math.min(MAX_BACKOFF_MS, backoff * 2);
      } else {
        show('down', 'Pulse unreachable: reconnecting…');
      }
    });
  }

  // A page left for another keeps its connection while the browser caches it, and a browser has
  // only six connections per host over HTTP/1.1: close it on leaving, open a new one on coming back.
  window.addEventListener('pagehide', () => {
    clearTimeout(retryTimer);
    if (source) {
      source.close();
    }
  });
  window.addEventListener('pageshow', event => {
    if (event.persisted && topics) {
      open();
    }
  });

  return {
    /** Listens to these topics (a comma-separated list), reconnecting if they changed. */
    listen(wanted) {
      if (wanted !== topics) {
        topics = wanted;
        open();
      }
    },
  };
}
