// Devices view: every device with its latest reading and cumulative count; one device's readings as a chart.
import { getJson, getAll, withParam } from './api.js';
import { el, say, figures, cursorPager, throttle } from './dom.js';
import { drawChart } from './chart.js';

const PAGE_SIZE = 50;
const MAX_POINTS = 10000;

export function createDevices(root) {
  const list = root.querySelector('[data-part="list"]');
  const listState = list.querySelector('[data-state]');
  const table = root.querySelector('#devices-table');
  const pager = cursorPager(root.querySelector('[data-pager="devices"]'), () => loadList());
  const detail = root.querySelector('[data-part="device"]');
  const detailState = detail.querySelector('[data-state]');
  const title = root.querySelector('#device-title');
  const deviceFigures = root.querySelector('#device-figures');
  const chart = root.querySelector('#device-chart');
  let openDevice = null;
  /** The open device: its summary, and its readings by timestamp (a reading seen twice counts once). */
  let summary = null;
  let points = new Map();
  let deviceLoad = 0;
  let listLoad = 0;
  // Counts come from Pulse, not added up here: a batch may be both in a page just loaded and in an event.
  const reloadList = throttle(() => loadList(), 1000);
  const reloadSummary = throttle(() => openDevice && loadSummary(openDevice), 500);

  async function loadList() {
    const load = ++listLoad;
    if (!table.tBodies[0].rows.length) {
      say(listState, 'loading', 'Loading devices…');
    }
    try {
      const page = await getJson(withParam('/devices?limit=' + PAGE_SIZE, 'cursor', pager.cursor()));
      if (load !== listLoad) {
        return;
      }
      table.tBodies[0].replaceChildren(...page.data.map(deviceRow));
      table.hidden = page.data.length === 0;
      pager.shown(page.next);
      say(listState, page.data.length ? '' : 'empty', page.data.length ? ''
          : 'No device has sent readings yet. Gateways post them to /ingest.');
    } catch (e) {
      say(listState, 'error', 'Cannot load devices: ' + e.message);
    }
  }

  function deviceRow(device) {
    return el('tr', { 'data-id': device.id },
      el('td', {}, el('button', { type: 'button', class: 'open',
        onclick: () => { location.hash = '#devices/' + encodeURIComponent(device.id); } }, device.id)),
      el('td', { 'data-col': 'latest' }, device.latest_timestamp),
      el('td', { class: 'num', 'data-col': 'count' }, device.cumulative_count));
  }

  async function loadDevice(id) {
    const load = ++deviceLoad;
    say(detailState, 'loading', 'Loading the readings of ' + id + '…');
    try {
      const readings = await getAll('/devices/' + encodeURIComponent(id) + '/readings?limit=1000', MAX_POINTS);
      await loadSummary(id);
      if (load !== deviceLoad || id !== openDevice) {
        return;
      }
      for (const r of readings.items) {
        points.set(r.timestamp, { at: Date.parse(r.timestamp), count: r.count });
      }
      say(detailState, readings.more ? 'empty' : '', readings.more
          ? 'Showing the first ' + MAX_POINTS + ' readings.' : '');
      renderDevice();
    } catch (e) {
      if (load === deviceLoad) {
        say(detailState, 'error', e.status === 404 ? 'No reading was ever accepted for device ' + id + '.'
            : 'Cannot load device ' + id + ': ' + e.message);
      }
    }
  }

  async function loadSummary(id) {
    const path = '/devices/' + encodeURIComponent(id);
    const [latest, count] = await Promise.all([getJson(path + '/latest_timestamp'), getJson(path + '/cumulative_count')]);
    if (id === openDevice) {
      summary = { latest: latest.data.latest_timestamp, count: count.data.cumulative_count };
      renderFigures();
    }
  }

  function renderFigures() {
    figures(deviceFigures, [
      ['Latest reading', summary ? summary.latest : '—'],
      ['Cumulative count', summary ? summary.count : '—'],
      ['Readings stored', points.size],
    ]);
  }

  function renderDevice() {
    renderFigures();
    const sorted = [...points.values()].sort((a, b) => a.at - b.at);
    drawChart(chart, sorted.map(p => p.at), [{ label: 'count', values: sorted.map(p => p.count) }],
        { yLabel: 'count', points: true, summary: sorted.length + ' readings' + (sorted.length
          ? ' from ' + new Date(sorted[0].at).toLocaleString() + ' to ' + new Date(sorted[sorted.length - 1].at).toLocaleString()
            + ', counts from ' + Math.min(...sorted.map(p => p.count)) + ' to ' + Math.max(...sorted.map(p => p.count))
          : '') });
  }

  function onEvent(name, data) {
    if (name !== 'readings') {
      return;
    }
    if (!openDevice) {
      reloadList();
      return;
    }
    if (data.deviceId === openDevice) {
      for (const r of data.readings) {
        if (points.size < MAX_POINTS) {
          points.set(r.timestamp, { at: Date.parse(r.timestamp), count: r.count });
        }
      }
      renderDevice();
      reloadSummary();
    }
  }

  return {
    show(path) {
      openDevice = path;
      list.hidden = openDevice != null;
      detail.hidden = openDevice == null;
      if (openDevice == null) {
        loadList();
        return root.querySelector('#devices-title');
      }
      title.textContent = 'Device ' + openDevice;
      summary = null;
      points = new Map();
      deviceFigures.replaceChildren();
      if (chart.chart) {
        chart.chart.destroy();
        chart.chart = null;
      }
      chart.replaceChildren();
      loadDevice(openDevice);
      return title;
    },
    reload() {
      if (openDevice) {
        loadDevice(openDevice);
      } else {
        loadList();
      }
    },
    onEvent,
  };
}
