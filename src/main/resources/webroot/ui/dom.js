// Small DOM helpers. Data is always inserted as text, never as HTML.

export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value == null || value === false) {
      continue;
    }
    if (name === 'class') {
      node.className = value;
    } else if (name.startsWith('on')) {
      node.addEventListener(name.slice(2), value);
    } else {
      node.setAttribute(name, value === true ? '' : value);
    }
  }
  for (const child of children.flat()) {
    if (child != null) {
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
  }
  return node;
}

/** Shows a state message ('loading', 'empty', 'error' or '' to clear) in a [data-state] element. */
export function say(target, kind, text) {
  target.textContent = text || '';
  target.className = 'message' + (kind ? ' ' + kind : '');
  target.dataset.kind = kind || '';
}

/** A status badge: colour and words, so that it does not rely on colour alone. */
export function statusBadge(status) {
  const label = String(status || 'unknown');
  return el('span', { class: 'status status-' + label, 'data-status': label }, label.toLowerCase());
}

/** A <time> whose text says how long ago it was ("3 s ago") and is kept current by tick(). */
export function ago(epochMs) {
  if (epochMs == null || Number.isNaN(epochMs)) {
    return el('span', {}, '—');
  }
  const node = el('time', { datetime: new Date(epochMs).toISOString(), 'data-ago': epochMs,
    title: new Date(epochMs).toLocaleString() });
  node.textContent = relative(epochMs);
  return node;
}

export function relative(epochMs, now = Date.now()) {
  const seconds = Math.round((now - epochMs) / 1000);
  const future = seconds < 0;
  const s = Math.abs(seconds);
  const text = s < 60 ? s + ' s' : s < 3600 ? Math.floor(s / 60) + ' min' : s < 86400
      ? Math.floor(s / 3600) + ' h' : Math.floor(s / 86400) + ' d';
  return future ? 'in ' + text : text + ' ago';
}

/** Refreshes every relative time on the page. */
export function tick() {
  const now = Date.now();
  for (const node of document.querySelectorAll('[data-ago]')) {
    node.textContent = relative(Number(node.dataset.ago), now);
  }
}

export function duration(ms) {
  if (ms == null) {
    return '—';
  }
  const s = Math.round(ms / 1000);
  if (s < 60) {
    return s + ' s';
  }
  if (s < 3600) {
    return Math.floor(s / 60) + ' min' + (s % 60 ? ' ' + (s % 60) + ' s' : '');
  }
  return Math.floor(s / 3600) + ' h' + (s % 3600 >= 60 ? ' ' + Math.floor((s % 3600) / 60) + ' min' : '');
}

export function figures(dl, entries) {
  dl.replaceChildren(...entries.map(([label, value]) =>
    el('div', { 'data-figure': label }, el('dt', {}, label),
      el('dd', { class: String(value).length > 12 ? 'long' : null }, value))));
}

/** Runs fn at most once per intervalMs; calls in between are folded into one trailing call. */
export function throttle(fn, intervalMs) {
  let last = 0;
  let timer = null;
  return () => {
    const wait = last + intervalMs - Date.now();
    if (timer) {
      return;
    }
    timer = setTimeout(() => {
      timer = null;
      last = Date.now();
      fn();
    }, Math.max(0, wait));
  };
}

/**
 * Cursor paging for a list with Previous / Next buttons and a "Page N" label inside element:
 * load() is called with the cursor of the page to show; shown(next) records the next page's cursor.
 */
export function cursorPager(element, load) {
  const cursors = [null];
  let next = null;
  const previousButton = element.querySelector('[data-page="previous"]');
  const nextButton = element.querySelector('[data-page="next"]');
  // Both buttons stay disabled until a page says where they lead, and while the next one loads.
  previousButton.disabled = true;
  nextButton.disabled = true;
  nextButton.addEventListener('click', () => {
    if (next) {
      cursors.push(next);
      previousButton.disabled = nextButton.disabled = true;
      load();
    }
  });
  previousButton.addEventListener('click', () => {
    if (cursors.length > 1) {
      cursors.pop();
      previousButton.disabled = nextButton.disabled = true;
      load();
    }
  });
  return {
    cursor: () => cursors[cursors.length - 1],
    onFirstPage: () => cursors.length === 1,
    reset() {
      cursors.length = 1;
    },
    shown(nextCursor) {
      next = nextCursor;
      previousButton.disabled = cursors.length === 1;
      nextButton.disabled = !nextCursor;
      element.querySelector('[data-page="label"]').textContent = 'Page ' + cursors.length;
    },
  };
}
