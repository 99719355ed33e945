/**
 * Incremental parser for `text/event-stream`: feed decoded text, get the `data:` payload of each complete
 * event. Handles events split across chunks, `\r\n` line endings and multi-line data.
 */
export class SseParser {
  private buffer = '';

  push(text: string): string[] {
    this.buffer += text;
    const events: string[] = [];
    for (;;) {
      const lf = this.buffer.indexOf('\n\n');
      const crlf = this.buffer.indexOf('\r\n\r\n');
      let end: number;
      let sep: number;
      if (lf === -1 && crlf === -1) break;
      if (crlf !== -1 && (lf === -1 || crlf < lf)) {
        end = crlf;
        sep = 4;
      } else {
        end = lf;
        sep = 2;
      }
      const raw = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end + sep);
      const data = dataOf(raw);
      if (data !== undefined) events.push(data);
    }
    return events;
  }

  /** Whatever is left when the stream ends (an event without the final blank line). */
  flush(): string[] {
    const rest = this.buffer;
    this.buffer = '';
    const data = rest.trim() ? dataOf(rest) : undefined;
    return data === undefined ? [] : [data];
  }
}

function dataOf(raw: string): string | undefined {
  let data: string | undefined;
  for (const line of raw.split(/\r?\n/)) {
    if (!line.startsWith('data:')) continue;
    const value = line.charCodeAt(5) === 32 ? line.slice(6) : line.slice(5);
    data = data === undefined ? value : `${data}\n${value}`;
  }
  return data;
}
