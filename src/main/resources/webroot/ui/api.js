// Talks to Pulse's JSON API. Every failure becomes an ApiError whose message can be shown as is.

export class ApiError extends Error {
  constructor(message, { status = 0, field = null, code = null } = {}) {
    super(message);
    this.status = status;
    this.field = field;
    this.code = code;
  }
}

/** GET a JSON body; returns { data, next } where next is the cursor of the next page, if any. */
export async function getJson(path) {
  let response;
  try {
    response = await fetch(path, { headers: { Accept: 'application/json' }, cache: 'no-store' });
  } catch (e) {
    throw new ApiError('Pulse is unreachable (' + e.message + '). The page retries when the live connection is back.');
  }
  if (!response.ok) {
    throw await problem(response);
  }
  return { data: await response.json(), next: nextCursor(response.headers.get('Link')) };
}

/** Follows the Link header across pages until maxItems items are read; returns { items, more }. */
export async function getAll(path, maxItems) {
  const items = [];
  let cursor = null;
  do {
    const page = await getJson(withParam(path, 'cursor', cursor));
    items.push(...page.data);
    cursor = page.next;
  } while (cursor && items.length < maxItems);
  return { items, more: cursor != null };
}

export function withParam(path, name, value) {
  if (value == null || value === '') {
    return path;
  }
  return path + (path.includes('?') ? '&' : '?') + encodeURIComponent(name) + '=' + encodeURIComponent(value);
}

async function problem(response) {
  let body = null;
  try {
    body = await response.json();
  } catch (ignored) {
    // Not JSON: the status alone says what happened.
  }
  const detail = body && (body.detail || body.title);
  const field = body && body.field;
  const text = (detail || ('Pulse answered ' + response.status + ' ' + response.statusText))
      + (field ? ' (field: ' + field + ')' : '');
  return new ApiError(text, { status: response.status, field, code: body && body.code });
}

function nextCursor(link) {
  if (!link) {
    return null;
  }
  const match = /<([^>]*)>\s*;\s*rel="next"/.exec(link);
  if (!match) {
    return null;
  }
  return new URL(match[1], location.origin).searchParams.get('cursor');
}
