/**
 * An incremental Server-Sent Events parser (WHATWG HTML, "event stream interpretation"):
 * bytes go in as they arrive, split anywhere (inside a UTF-8 character or a CRLF), and
 * complete events come out. No I/O: the caller feeds chunks from whatever transport it has.
 */

/** One dispatched event. `event` is `message` unless the stream named it. */
export interface SseEvent {
  readonly event: string;
  readonly data: string;
  /** The last event id seen so far (it carries over to later events, as in EventSource). */
  readonly id: string;
}

export interface SseParser {
  /** Feeds one chunk; returns the events it completed, in order. */
  push(chunk: Uint8Array): SseEvent[];
  /** Ends the stream. A trailing event without its blank line is discarded, per the spec. */
  end(): SseEvent[];
  /** The reconnection time the stream asked for (`retry:`), if any. */
  readonly retryMs: number | undefined;
}

const LINE_END = /[\r\n]/g;
const DIGITS = /^[0-9]+$/;

/**
 * @example
 * const parser = createSseParser();
 * for await (const chunk of body) for (const e of parser.push(chunk)) handle(e.data);
 */
export function createSseParser(): SseParser {
  // `fatal: false`: a bad byte becomes U+FFFD, as browsers do; the BOM is stripped by default.
  const decoder = new TextDecoder('utf-8');
  let pending = '';
  // A CR ended the previous chunk: an LF starting the next one belongs to it.
  let skipLf = false;
  let data = '';
  let hasData = false;
  let eventType = '';
  let lastId = '';
  let retryMs: number | undefined;

  function line(text: string, out: SseEvent[]): void {
    if (text === '') {
      if (hasData) out.push({ event: eventType || 'message', data, id: lastId });
      data = '';
      hasData = false;
      eventType = '';
      return;
    }
    const colon = text.indexOf(':');
    if (colon === 0) return; // a comment
    const field = colon < 0 ? text : text.slice(0, colon);
    let value = colon < 0 ? '' : text.slice(colon + 1);
    if (value.charCodeAt(0) === 32) value = value.slice(1);
    switch (field) {
      case 'data':
        data = hasData ? `${data}\n${value}` : value;
        hasData = true;
        break;
      case 'event':
        eventType = value;
        break;
      case 'id':
        if (!value.includes('\0')) lastId = value;
        break;
      case 'retry':
        if (DIGITS.test(value)) retryMs = Number(value);
        break;
      default:
        break; // unknown fields are ignored
    }
  }

  function feed(text: string, out: SseEvent[]): void {
    let start = 0;
    if (skipLf && text.length > 0) {
      if (text.charCodeAt(0) === 10) start = 1;
      skipLf = false;
    }
    LINE_END.lastIndex = start;
    let match: RegExpExecArray | null;
    while ((match = LINE_END.exec(text)) !== null) {
      const at = match.index;
      const piece = text.slice(start, at);
      line(pending === '' ? piece : pending + piece, out);
      pending = '';
      start = at + 1;
      if (text.charCodeAt(at) === 13) {
        if (start === text.length) skipLf = true;
        else if (text.charCodeAt(start) === 10) start += 1;
      }
      LINE_END.lastIndex = start;
    }
    if (start < text.length) pending += text.slice(start);
  }

  return {
    push(chunk) {
      const out: SseEvent[] = [];
      feed(decoder.decode(chunk, { stream: true }), out);
      return out;
    },
    end() {
      const out: SseEvent[] = [];
      feed(decoder.decode(), out);
      pending = '';
      data = '';
      hasData = false;
      eventType = '';
      return out;
    },
    get retryMs() {
      return retryMs;
    },
  };
}
