// Streams view: one user's active stream leases and limit, kept current while shown.
import { getJson } from './api.js';
import { el, say, ago, figures, throttle } from './dom.js';

export function createStreams(root) {
  const form = root.querySelector('#stream-lookup');
  const state = root.querySelector('[data-state]');
  const part = root.querySelector('[data-part="user"]');
  const title = root.querySelector('#user-title');
  const userFigures = root.querySelector('#user-figures');
  const table = root.querySelector('#leases-table');
  let user = null;
  const reloadUser = throttle(() => user && load(user), 500);

  form.addEventListener('submit', event => {
    event.preventDefault();
    const id = String(new FormData(form).get('userId') || '').trim();
    if (!id) {
      say(state, 'error', 'Enter a user id to look up.');
      return;
    }
    location.hash = '#streams/' + encodeURIComponent(id);
  });

  async function load(id) {
    say(state, 'loading', 'Looking up ' + id + '…');
    try {
      const path = '/users/' + encodeURIComponent(id);
      const [streams, limit] = await Promise.all([getJson(path + '/streams'), getJson(path + '/stream-limit')]);
      if (id !== user) {
        return;
      }
      render(streams.data, limit.data);
    } catch (e) {
      part.hidden = true;
      say(state, 'error', 'Cannot look up ' + id + ': ' + e.message);
    }
  }

  function render(streams, limit) {
    part.hidden = false;
    title.textContent = 'Streams of ' + streams.userId;
    figures(userFigures, [
      ['Active streams', streams.active],
      ['Limit', limit.limit + (limit.custom ? ' (set for this user)' : ' (default)')],
    ]);
    table.tBodies[0].replaceChildren(...streams.streams.map(lease => el('tr', { 'data-id': lease.streamId },
      el('td', {}, lease.streamId),
      el('td', {}, lease.contentId || '—'),
      el('td', {}, lease.deviceId || '—'),
      el('td', {}, ago(lease.startedAt)),
      el('td', {}, ago(lease.expiresAt)))));
    table.hidden = streams.streams.length === 0;
    say(state, streams.streams.length ? '' : 'empty', streams.streams.length ? ''
        : streams.userId + ' has no active stream.');
  }

  return {
    show(path) {
      user = path;
      form.elements.userId.value = user || '';
      if (!user) {
        part.hidden = true;
        say(state, '', '');
        return root.querySelector('#streams-title');
      }
      load(user);
      return root.querySelector('#streams-title');
    },
    reload() {
      if (user) {
        load(user);
      }
    },
    onEvent(name, data) {
      if (user && data.userId === user) {
        reloadUser();
      }
    },
  };
}
