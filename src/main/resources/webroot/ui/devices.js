// Devices view: every device with its latest reading and cumulative count; one device's readings as a chart.
import { getJson, getAll, withParam } from './api.js';
import { el, say, figures, cursorPager } from './dom.js';
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
  /** The open device: its summary and readings ({ at: epoch ms, count }) in time order. */
  let summary = null;
  let points = [];

  async function loadList() {
    if (!table.tBodies[0].rows.length) {
      say(listState, 'loading', 'Loading devices…');
    }
    try {
      const page = await getJson(withParam('/devices?limit=' + PAGE_SIZE, 'cursor', pager.cursor()));
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
    say(detailState, 'loading', 'Loading the readings of ' + id + '…');
    try {
      const path = '/devices/' + encodeURIComponent(id);
      const [latest, count, readings] = await Promise.all([
        getJson(path + '/latest_timestamp'), getJson(path + '/cumulative_count'),
        getAll(path + '/readings?limit=1000', MAX_POINTS)]);
      if (id !== openDevice) {
        return;
      }
      summary = { latest: latest.data.latest_timestamp, count: count.data.cumulative_count };
      points = readings.items.map(r => ({ at: Date.parse(r.timestamp), count: r.count }));
      say(detailState, readings.more ? 'empty' : '', readings.more
          ? 'Showing the first ' + MAX_POINTS + ' readings.' : '');
      renderDevice();
    } catch (e) {
      say(detailState, 'error', e.status === 404 ? 'No reading was ever accepted for device ' + id + '.'
          : 'Cannot load device ' + id + ': ' + e.message);
    }
  }

  function renderDevice() {
    figures(deviceFigures, [
      ['Latest reading', summary.latest],
      ['Cumulative count', summary.count],
      ['Readings stored', points.length],
    ]);
    drawChart(chart, points.map(p => p.at), [{ label: 'count', values: points.map(p => p.count) }],
        { yLabel: 'count', points: true });
  }

  function onEvent(name, data) {
    if (name !== 'readings') {
      return;
    }
    const sum = data.readings.reduce((total, r) => total + r.count, 0);
    const latestSent = data.readings.reduce((a, r) => (!a || Date.parse(r.timestamp) > Date.parse(a) ? r.timestamp : a), null);
    const row = table.querySelector('tr[data-id="' + CSS.escape(data.deviceId) + '"]');
    if (row) {
      const latest = row.querySelector('[data-col="latest"]');
      if (Date.parse(latestSent) > Date.parse(latest.textContent)) {
        latest.textContent = latestSent;
      }
      const count = row.querySelector('[data-col="count"]');
      count.textContent = Number(count.textContent) + sum;
      row.classList.remove('fresh');
      void row.offsetWidth;
      row.classList.add('fresh');
    } else if (pager.onFirstPage() && !openDevice) {
      loadList();
    }
    if (data.deviceId === openDevice && summary) {
      summary.count += sum;
      if (Date.parse(latestSent) > Date.parse(summary.latest)) {
        summary.latest = latestSent;
      }
      points.push(...data.readings.map(r => ({ at: Date.parse(r.timestamp), count: r.count })));
      points.sort((a, b) => a.at - b.at);
      renderDevice();
    }
  }

  return {
    show(path) {
      openDevice = path ? decodeURIComponent(path) : null;
      list.hidden = openDevice != null;
      detail.hidden = openDevice == null;
      if (openDevice == null) {
        loadList();
        return root.querySelector('#devices-title');
      }
      title.textContent = 'Device ' + openDevice;
      summary = null;
      points = [];
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
