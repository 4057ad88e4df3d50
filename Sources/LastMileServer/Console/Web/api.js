// The HTTP API as the console uses it: JSON requests with the key, and server-sent events read with fetch
// (EventSource cannot send an Authorization header).

export class ApiError extends Error {
  constructor(status, body) {
    const error = body && body.error;
    super(error ? `${error.message}${error.where ? ` (${error.where})` : ''}${error.hint ? ` — ${error.hint}` : ''}` : `HTTP ${status}`);
    this.status = status;
    this.details = (error && error.details) || [];
  }
}

export class Api {
  constructor(key) { this.key = key; }

  headers(extra = {}) { return { Authorization: `Bearer ${this.key}`, ...extra }; }

  async request(method, path, body) {
    const response = await fetch(path, {
      method,
      headers: this.headers(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    const json = text ? JSON.parse(text) : null;
    if (!response.ok) throw new ApiError(response.status, json);
    return json;
  }

  get(path) { return this.request('GET', path); }
  post(path, body) { return this.request('POST', path, body); }

  // Reads the server-sent events of `path`, calling onEvent(name, data) for each, until `signal` aborts or the
  // stream ends. Resolves when it ends.
  async stream(path, onEvent, signal) {
    const response = await fetch(path, { headers: this.headers({ Accept: 'text/event-stream' }), signal });
    if (!response.ok) throw new ApiError(response.status, await response.json().catch(() => null));
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += value;
      let end;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        let name = 'message';
        const data = [];
        for (const line of block.split('\n')) {
          if (line.startsWith('event: ')) name = line.slice(7);
          else if (line.startsWith('data: ')) data.push(line.slice(6));
        }
        if (data.length) onEvent(name, JSON.parse(data.join('\n')));
      }
    }
  }
}
