// Registry view: heartbeat groups and registered services, and one group's instances.
import { getJson, getAll } from './api.js';
import { el, say, statusBadge, ago, throttle } from './dom.js';

const MAX_NAMES = 5000;

export function createRegistry(root) {
  const overview = root.querySelector('[data-part="overview"]');
  const overviewState = overview.querySelector('[data-state]');
  const groupsTable = root.querySelector('#groups-table');
  const detail = root.querySelector('[data-part="group"]');
  const detailState = detail.querySelector('[data-state]');
  const detailTitle = root.querySelector('#group-title');
  const instancesTable = root.querySelector('#instances-table');
  /** The open group's instances by id, as GET /services/:name/instances shows them. */
  let instances = new Map();
  let openGroup = null;
  /** Which load is the latest (an older answer arriving late is dropped), and whether events came during it. */
  let groupLoad = 0;
  let groupLoading = false;
  let changedWhileLoading = false;
  let overviewLoad = 0;

  const reloadOverview = throttle(loadOverview, 1000);
  const reloadGroup = throttle(() => openGroup && loadGroup(openGroup), 1000);

  async function loadOverview() {
    const load = ++overviewLoad;
    if (!groupsTable.tBodies[0].rows.length) {
      say(overviewState, 'loading', 'Loading groups and services…');
    }
    try {
      const [groups, services] = await Promise.all([
        getJson('/'), getAll('/services?limit=1000', MAX_NAMES)]);
      if (load !== overviewLoad) {
        return;
      }
      renderOverview(groups.data, services.items, services.more);
    } catch (e) {
      say(overviewState, 'error', 'Cannot load the registry: ' + e.message);
    }
  }

  function renderOverview(groups, services, more) {
    const rows = new Map();
    for (const g of groups) {
      rows.set(g.group, { name: g.group, heartbeat: true, service: false, instances: g.instances,
        healthy: g.instances, unhealthy: 0, unknown: 0, last: g.lastUpdatedAt });
    }
    for (const s of services) {
      const row = rows.get(s.name) || { name: s.name, heartbeat: false, instances: 0, healthy: 0, unhealthy: 0,
        unknown: 0, last: null };
      row.service = true;
      row.instances += s.instances;
      row.healthy += s.status.healthy || 0;
      row.unhealthy += s.status.unhealthy || 0;
      row.unknown += s.status.unknown || 0;
      rows.set(s.name, row);
    }
    const sorted = [...rows.values()].sort((a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
    groupsTable.tBodies[0].replaceChildren(...sorted.map(row => el('tr', { 'data-name': row.name },
      el('td', {}, el('button', { type: 'button', class: 'open', onclick: () => { location.hash = groupHash(row.name); } },
        row.name)),
      el('td', {}, row.heartbeat && row.service ? 'heartbeat + registered' : row.heartbeat ? 'heartbeat' : 'registered'),
      el('td', { class: 'num', 'data-col': 'instances' }, row.instances),
      el('td', { class: 'num', 'data-col': 'healthy' }, row.healthy),
      el('td', { class: 'num', 'data-col': 'unhealthy' }, row.unhealthy),
      el('td', { class: 'num', 'data-col': 'unknown' }, row.unknown),
      el('td', { 'data-col': 'last' }, row.last ? ago(row.last) : '—'))));
    groupsTable.hidden = sorted.length === 0;
    if (sorted.length === 0) {
      say(overviewState, 'empty', 'Nothing registered yet. Instances appear here as soon as they heartbeat '
          + '(POST /:group/:id) or a service is registered (POST /services).');
    } else {
      say(overviewState, more ? 'empty' : '', more ? 'Showing the first ' + MAX_NAMES + ' services.' : '');
    }
  }

  /**
   * Loads the group's instances. Events that arrive meanwhile may be older or newer than the answer,
   * so they are applied to the table as usual and the group is loaded once more afterwards.
   */
  async function loadGroup(name) {
    const load = ++groupLoad;
    groupLoading = true;
    changedWhileLoading = false;
    if (!instances.size) {
      say(detailState, 'loading', 'Loading the instances of ' + name + '…');
    }
    try {
      const page = await getJson('/services/' + encodeURIComponent(name) + '/instances');
      if (load !== groupLoad || name !== openGroup) {
        return;
      }
      instances = new Map(page.data.map(i => [i.id, i]));
      renderGroup();
    } catch (e) {
      if (load === groupLoad) {
        say(detailState, 'error', 'Cannot load the instances of ' + name + ': ' + e.message);
      }
    } finally {
      if (load === groupLoad) {
        groupLoading = false;
        if (changedWhileLoading) {
          reloadGroup();
        }
      }
    }
  }

  function renderGroup() {
    const rows = [...instances.values()];
    instancesTable.tBodies[0].replaceChildren(...rows.map(instanceRow));
    instancesTable.hidden = rows.length === 0;
    say(detailState, rows.length ? '' : 'empty', rows.length ? ''
        : 'No live instance in ' + openGroup + ' (they leave when they stop heartbeating or are removed).');
  }

  function instanceRow(i) {
    const meta = i.metadata && Object.keys(i.metadata).length ? JSON.stringify(i.metadata) : '—';
    return el('tr', { 'data-id': i.id },
      el('td', {}, i.id),
      el('td', {}, i.address || '—'),
      el('td', {}, i.version || '—'),
      el('td', { 'data-col': 'status' }, statusBadge(i.status)),
      el('td', { 'data-col': 'last' }, i.lastCheck ? ago(i.lastCheck) : 'not yet'),
      el('td', { class: 'meta' }, meta));
  }

  /** A heartbeat instance as lookups show it (see the README's "One registry"). */
  function fromHeartbeat(instance) {
    const meta = instance.meta || {};
    return { id: instance.id, service: instance.group, status: 'healthy', check: 'ttl',
      address: typeof meta.address === 'string' ? meta.address : null,
      version: typeof meta.version === 'string' ? meta.version : null,
      metadata: meta, lastCheck: instance.updatedAt };
  }

  function upsert(instance, fresh) {
    instances.set(instance.id, instance);
    const row = instanceRow(instance);
    if (fresh) {
      row.classList.add('fresh');
    }
    const existing = instancesTable.querySelector('tr[data-id="' + CSS.escape(instance.id) + '"]');
    if (existing) {
      existing.replaceWith(row);
    } else {
      instancesTable.tBodies[0].append(row);
    }
    instancesTable.hidden = false;
    say(detailState, '', '');
  }

  function removeInstance(id) {
    instances.delete(id);
    const existing = instancesTable.querySelector('tr[data-id="' + CSS.escape(id) + '"]');
    if (existing) {
      existing.remove();
    }
    if (!instances.size) {
      renderGroup();
    }
  }

  function onEvent(name, data) {
    if (name === 'heartbeats') {
      const row = groupsTable.querySelector('tr[data-name="' + CSS.escape(data.group) + '"] [data-col="last"]');
      const latest = Math.max(...data.instances.map(i => i.updatedAt));
      if (row) {
        row.replaceChildren(ago(latest));
      }
      if (data.group === openGroup) {
        // Only instances shown: a late renewal must not bring back one that has left. An older state
        // than the one shown (possible across nodes) is ignored.
        data.instances.filter(i => instances.has(i.id) && !(instances.get(i.id).lastCheck > i.updatedAt))
            .forEach(i => upsert({ ...instances.get(i.id), ...fromHeartbeat(i), status: instances.get(i.id).status },
              false));
        changedWhileLoading ||= groupLoading;
      }
      return;
    }
    reloadOverview();
    if (!openGroup) {
      return;
    }
    const group = data.group || data.name;
    if (name === 'service-changed' && (data.name == null || data.name === openGroup)) {
      reloadGroup();
    } else if (group !== openGroup) {
      return;
    }
    changedWhileLoading ||= groupLoading;
    if (name === 'instance-registered') {
      upsert(fromHeartbeat(data), true);
    } else if (name === 'instance-expired' || name === 'instance-deregistered') {
      removeInstance(data.id);
    } else if (name === 'instance-status' && instances.has(data.instanceId)) {
      upsert({ ...instances.get(data.instanceId), status: data.newStatus }, true);
    }
  }

  return {
    /** Shows the overview, or the group named after '#registry/' in the address. */
    show(path) {
      const name = path;
      overview.hidden = name != null;
      detail.hidden = name == null;
      if (name == null) {
        openGroup = null;
        loadOverview();
        return root.querySelector('#registry-title');
      }
      if (name !== openGroup) {
        instances = new Map();
        instancesTable.tBodies[0].replaceChildren();
        instancesTable.hidden = true;
      }
      openGroup = name;
      detailTitle.textContent = 'Instances of ' + name;
      loadGroup(name);
      loadOverview();
      return detailTitle;
    },
    reload() {
      loadOverview();
      if (openGroup) {
        loadGroup(openGroup);
      }
    },
    onEvent,
  };
}

function groupHash(name) {
  return '#registry/' + encodeURIComponent(name);
}
