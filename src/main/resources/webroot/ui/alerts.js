// Alerts view: the list with GET /alerts's filters and paging, the statistics, and charts over time.
import { getJson, withParam } from './api.js';
import { el, say, statusBadge, duration, figures, throttle, cursorPager } from './dom.js';
import { drawChart } from './chart.js';

const PAGE_SIZE = 20;
const BUCKETS = 12;
const STATUSES = ['TRIGGERED', 'ACKNOWLEDGED', 'RESOLVED'];

export function createAlerts(root) {
  const form = root.querySelector('#alert-filters');
  const filtersState = root.querySelector('[data-state="filters"]');
  const listState = root.querySelector('[data-state="list"]');
  const table = root.querySelector('#alerts-table');
  const stats = root.querySelector('#alert-stats');
  const countChart = root.querySelector('#alert-count-chart');
  const timeChart = root.querySelector('#alert-time-chart');
  const timeNote = root.querySelector('#alert-time-note');
  const pager = cursorPager(root.querySelector('[data-pager="alerts"]'), () => loadList());
  /** The filters shown now, and the last ones Pulse accepted (restored when it refuses new ones). */
  let filters = {};
  let acceptedFilters = {};
  let shown = new Map();
  /** The latest load of each kind: an older answer arriving after a newer request is dropped. */
  let listLoad = 0;
  let statsLoad = 0;
  let chartsLoad = 0;

  const refreshFigures = throttle(() => loadStats(), 2000);
  // Twelve statistics queries: kept to one round every ten seconds however fast alerts arrive.
  const refreshCharts = throttle(() => loadCharts().catch(e => failed(e, listState)), 10000);

  form.addEventListener('submit', event => {
    event.preventDefault();
    filters = readFilters();
    pager.reset();
    loadAll();
  });
  form.addEventListener('reset', () => {
    setTimeout(() => {
      filters = {};
      pager.reset();
      loadAll();
    });
  });
  function readFilters() {
    const data = new FormData(form);
    const read = {};
    for (const name of ['name', 'service.name', 'responder.name', 'since', 'until']) {
      const value = String(data.get(name) || '').trim();
      if (value) {
        read[name] = value;
      }
    }
    const statuses = data.getAll('status');
    if (statuses.length) {
      read.status = statuses;
    }
    return read;
  }

  function query(path, extra = {}) {
    let url = path;
    for (const [name, value] of Object.entries({ ...filters, ...extra })) {
      for (const one of [].concat(value)) {
        url = withParam(url, name, one);
      }
    }
    return url;
  }

  async function loadAll() {
    say(filtersState, '', '');
    await Promise.all([loadList(), loadStats(), loadCharts().catch(e => failed(e, listState))]);
  }

  async function loadList() {
    const load = ++listLoad;
    if (table.hidden) {
      say(listState, 'loading', 'Loading alerts…');
    }
    try {
      const page = await getJson(withParam(query('/alerts', { limit: PAGE_SIZE }), 'cursor', pager.cursor()));
      if (load !== listLoad) {
        return;
      }
      acceptedFilters = filters;
      shown = new Map(page.data.map(a => [a.alertId, a]));
      render();
      pager.shown(page.next);
      say(filtersState, '', '');
    } catch (e) {
      if (load === listLoad) {
        failed(e, listState);
      }
    }
  }

  function failed(e, where) {
    if (e.status >= 400 && e.status < 500) {
      say(filtersState, 'error', 'This filter cannot be applied: ' + e.message
          + '. The list and figures below are still those of the last filters that worked.');
      say(where, '', '');
      // Live updates and paging go on with the filters the list shows.
      filters = acceptedFilters;
    } else {
      say(where, 'error', 'Cannot load alerts: ' + e.message);
    }
  }

  function render() {
    const alerts = [...shown.values()].sort(newestFirst);
    table.tBodies[0].replaceChildren(...alerts.map(alertRow));
    table.hidden = alerts.length === 0;
    say(listState, alerts.length ? '' : 'empty', alerts.length ? ''
        : Object.keys(filters).length ? 'No alert matches these filters.'
        : 'No alert yet. Alerts appear here as the emitter posts them to /alerts/events.');
  }

  function alertRow(alert, fresh) {
    return el('tr', { 'data-id': alert.alertId, class: fresh === true ? 'fresh' : null },
      el('td', {}, el('time', { datetime: alert.triggeredOn }, formatInstant(alert.triggeredOn))),
      el('td', { 'data-col': 'name' }, alert.name || '—'),
      el('td', {}, alert.service?.name || alert.service?.serviceId || '—'),
      el('td', {}, alert.responder?.name || alert.responder?.userId || '—'),
      el('td', { 'data-col': 'status' }, statusBadge(alert.status)),
      el('td', { class: 'num' }, duration(alert.timeToAcknowledgeMs)),
      el('td', { class: 'num' }, duration(alert.timeToResolveMs)));
  }

  async function loadStats() {
    const load = ++statsLoad;
    try {
      const { data } = await getJson(query('/alerts/stats'));
      if (load !== statsLoad) {
        return;
      }
      const by = data.byStatus || {};
      figures(stats, [
        ['Alerts', data.total],
        ['Triggered', by.TRIGGERED || 0],
        ['Acknowledged', by.ACKNOWLEDGED || 0],
        ['Resolved', by.RESOLVED || 0],
        ['Time to acknowledge (min / mean / max)', spread(data.timeToAcknowledge)],
        ['Time to resolve (min / mean / max)', spread(data.timeToResolve)],
      ]);
    } catch (e) {
      if (load === statsLoad) {
        failed(e, listState);
      }
    }
  }

  /** One statistics query per period of the filter's time range (the last 24 hours by default). */
  async function loadCharts() {
    const until = filters.until ? Date.parse(filters.until) : Date.now();
    const since = filters.since ? Date.parse(filters.since) : until - 24 * 3600 * 1000;
    if (Number.isNaN(since) || Number.isNaN(until) || until <= since) {
      return;
    }
    const load = ++chartsLoad;
    const step = (until - since) / BUCKETS;
    const starts = Array.from({ length: BUCKETS }, (_, i) => Math.round(since + i * step));
    const buckets = await Promise.all(starts.map((start, i) => getJson(query('/alerts/stats', {
      since: new Date(start).toISOString(),
      until: new Date(i === BUCKETS - 1 ? until : starts[i + 1] - 1).toISOString(),
    })).then(r => r.data)));
    if (load !== chartsLoad) {
      return;
    }
    drawChart(countChart, starts, STATUSES.map(status => ({
      label: status.toLowerCase(), values: buckets.map(b => (b.byStatus || {})[status] || 0),
    })), { yLabel: 'alerts', points: true });
    const acknowledgedOrResolved = buckets.some(b => b.timeToAcknowledge.count || b.timeToResolve.count);
    timeNote.textContent = acknowledgedOrResolved ? ''
        : 'No alert triggered in this range has been acknowledged or resolved yet.';
    drawChart(timeChart, starts, [
      { label: 'mean time to acknowledge', colour: '#0b5cad',
        values: buckets.map(b => minutes(b.timeToAcknowledge.meanMs)) },
      { label: 'mean time to resolve', colour: '#6639ba', values: buckets.map(b => minutes(b.timeToResolve.meanMs)) },
    ], { yLabel: 'minutes', points: true });
  }

  /** A new or changed alert: shown at once if it belongs on this page; the figures follow. */
  function onEvent(name, alert) {
    if (name !== 'alert') {
      return;
    }
    refreshFigures();
    refreshCharts();
    if (!matches(alert)) {
      // A shown alert that changed so that it no longer matches (acknowledged under a "triggered" filter) leaves.
      if (shown.delete(alert.alertId)) {
        render();
      }
      return;
    }
    if (!shown.has(alert.alertId) && !pager.onFirstPage()) {
      return;
    }
    shown.set(alert.alertId, alert);
    const alerts = [...shown.values()].sort(newestFirst).slice(0, PAGE_SIZE);
    shown = new Map(alerts.map(a => [a.alertId, a]));
    table.tBodies[0].replaceChildren(...alerts.map(a => alertRow(a, a.alertId === alert.alertId)));
    table.hidden = false;
    say(listState, '', '');
  }

  function matches(alert) {
    const at = Date.parse(alert.triggeredOn);
    return (!filters.name || alert.name === filters.name)
        && (!filters['service.name'] || alert.service?.name === filters['service.name'])
        && (!filters['responder.name'] || alert.responder?.name === filters['responder.name'])
        && (!filters.status || filters.status.includes(alert.status))
        && (!filters.since || at >= Date.parse(filters.since))
        && (!filters.until || at <= Date.parse(filters.until));
  }

  return {
    show() {
      loadAll();
      return root.querySelector('#alerts-title');
    },
    reload: loadAll,
    onEvent,
  };
}

function newestFirst(a, b) {
  const byTime = Date.parse(b.triggeredOn) - Date.parse(a.triggeredOn);
  return byTime !== 0 ? byTime : (a.alertId < b.alertId ? 1 : a.alertId > b.alertId ? -1 : 0);
}

function spread(d) {
  if (!d || !d.count) {
    return '—';
  }
  return duration(d.minMs) + ' / ' + duration(d.meanMs) + ' / ' + duration(d.maxMs);
}

function minutes(ms) {
  return ms == null ? null : Math.round(ms / 600) / 100;
}

function formatInstant(iso) {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? iso : new Date(ms).toLocaleString();
}
