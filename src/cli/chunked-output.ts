// Hands a long report to `write` in pieces of about 64 KB as it is made, instead of building it as
// one string: on 100,000 routes the whole text (and the list of its lines) cost more memory at the
// peak of a scan than anything the report is made from.

/** How much text is handed on at once. */
const CHUNK = 1 << 16;

/** `out` queues text, `end` hands on what is left; `write` sees the text in order, in pieces. */
export function chunkedOutput(write: (text: string) => void): { out: (text: string) => void; end: () => void } {
  let pending: string[] = [];
  let size = 0;
  return {
    out(text: string) {
      pending.push(text);
      size += text.length;
      if (size >= CHUNK) { write(pending.join('')); pending = []; size = 0; }
    },
    end() {
      write(pending.join(''));
      pending = [];
      size = 0;
    },
  };
}
