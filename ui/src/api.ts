// The gateway's API. After the login the token lives in an HttpOnly session cookie that the gateway
// set: every tab of this browser is logged in, and no script on the page can read the token.

export class ApiError extends Error {
  constructor(public readonly status: number, message: string) {
    super(message);
  }
}

/** The header the gateway wants beside the cookie on calls that change something (cross-site pages cannot send it). */
const CLIENT = { 'X-Patternscope-Client': 'ui' };

export const session = {
  /** Checks the token and has the gateway put it into the session cookie. */
  logIn: async (token: string): Promise<void> => {
    await request('/api/v1/session', { method: 'POST', headers: { Authorization: `Bearer ${token}` } });
  },
  logOut: async (): Promise<void> => {
    await fetch('/api/v1/session', { method: 'DELETE', headers: CLIENT });
  },
};

async function request(path: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  for (const [k, v] of Object.entries(CLIENT)) headers.set(k, v);
  const response = await fetch(path, { ...init, headers, credentials: 'same-origin' });
  if (!response.ok) {
    let message = `${response.status} ${response.statusText}`;
    try {
      const body = await response.json();
      if (body && typeof body.error === 'string') message = body.error;
    } catch { /* not JSON */ }
    if (response.status === 401 && !location.hash.startsWith('#/login')) {
      // A deep link (a report opened in a new browser) is where the login returns to.
      location.hash = `#/login/${encodeURIComponent(location.hash)}`;
    }
    throw new ApiError(response.status, message);
  }
  return response;
}

export async function getJson<T>(path: string): Promise<T> {
  return (await request(path, { headers: { Accept: 'application/json' } })).json() as Promise<T>;
}

export async function getText(path: string, accept: string): Promise<string> {
  return (await request(path, { headers: { Accept: accept } })).text();
}

export async function postJson<T>(path: string, body: unknown): Promise<T> {
  return sendJson<T>('POST', path, body);
}

export async function putJson<T>(path: string, body: unknown): Promise<T> {
  return sendJson<T>('PUT', path, body);
}

async function sendJson<T>(method: string, path: string, body: unknown): Promise<T> {
  const response = await request(path, {
    method,
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify(body),
  });
  return response.json() as Promise<T>;
}

export async function del(path: string): Promise<void> {
  await request(path, { method: 'DELETE' });
}

/**
 * Server-sent events read with fetch (EventSource cannot send the client header):
 * calls {@code onData} with each event's parsed data until the stream ends or {@code signal} aborts.
 */
export async function streamEvents(path: string, onData: (data: any) => void, signal: AbortSignal): Promise<void> {
  const response = await request(path, { headers: { Accept: 'text/event-stream' }, signal });
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value;
    let end;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const event = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const data = event.split('\n').filter((l) => l.startsWith('data:')).map((l) => l.slice(5).trimStart()).join('\n');
      if (data) onData(JSON.parse(data));
    }
  }
}
