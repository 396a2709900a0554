// The dashboard: one view per address (#registry, #alerts, #devices, #streams, with an optional
// /<id> to open one group, device or user), fed by one live connection.
import { connect } from './live.js';
import { tick } from './dom.js';
import { resizeCharts } from './chart.js';
import { createRegistry } from './registry.js';
import { createAlerts } from './alerts.js';
import { createDevices } from './devices.js';
import { createStreams } from './streams.js';

const views = {
  registry: createRegistry(document.getElementById('registry')),
  alerts: createAlerts(document.getElementById('alerts')),
  devices: createDevices(document.getElementById('devices')),
  streams: createStreams(document.getElementById('streams')),
};
/** The live events each view uses; its stream carries only its own topic. */
const TOPIC_VIEWS = {
  registry: ['instance-registered', 'heartbeats', 'instance-expired', 'instance-deregistered', 'instance-status',
    'service-changed'],
  alerts: ['alert'],
  devices: ['readings'],
  streams: ['lease-started', 'lease-released', 'lease-expired'],
};
let current = null;

function route() {
  const [name, ...rest] = location.hash.replace(/^#/, '').split('/');
  const view = viewName(name);
  const previous = current;
  current = view;
  live.listen(view);
  for (const section of document.querySelectorAll('main > .view')) {
    section.hidden = section.id !== view;
  }
  for (const link of document.querySelectorAll('[data-nav]')) {
    if (link.dataset.nav === view) {
      link.setAttribute('aria-current', 'page');
    } else {
      link.removeAttribute('aria-current');
    }
  }
  const heading = views[view].show(rest.length ? decoded(rest.join('/')) : null);
  document.title = heading.textContent + ' · Pulse';
  if (previous !== null) {
    heading.focus();
  }
}

// A fault of the page itself is said in words on the page, not only in the console.
const pageError = document.getElementById('page-error');
const showFault = reason => {
  pageError.textContent = 'Something went wrong on this page: ' + (reason && reason.message || reason)
      + '. Reloading the page may help.';
};
window.addEventListener('error', event => showFault(event.error || event.message));
window.addEventListener('unhandledrejection', event => showFault(event.reason));

function viewName(name) {
  return views[name] ? name : 'registry';
}

/** The id in the address, decoded; as typed when it is not valid percent-encoding (#devices/100%). */
function decoded(text) {
  try {
    return decodeURIComponent(text);
  } catch (e) {
    return text;
  }
}

const live = connect(document.getElementById('live'), {
  onReady() {
    // Events before the stream was ready (or while it was down) were missed: the shown view reloads.
    views[current].reload();
  },
  onEvent(name, data) {
    if (TOPIC_VIEWS[current].includes(name)) {
      views[current].onEvent(name, data);
    }
  },
});

window.addEventListener('hashchange', route);
window.addEventListener('resize', resizeCharts);
setInterval(tick, 1000);
route();
