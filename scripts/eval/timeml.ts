/**
 * A small, careful TimeML (TempEval-3) reader: the DCT, the raw text of <TEXT> with every tag stripped, and the
 * TIMEX3 elements inside <TEXT> with character offsets into that stripped text.
 *
 * Entities (&amp; &lt; &gt; &quot; &apos; &#NN; &#xNN;) are decoded consistently: offsets always refer to the
 * decoded text, for the gold files and the system-input files alike, so both line up.
 */

export interface TimemlTimex {
  tid: string;
  type: string;
  value: string;
  mod?: string;
  start: number;
  end: number;
  text: string;
}

export interface TimemlDocument {
  docId: string;
  /** Document creation time value (the DCT TIMEX3 value), e.g. 2013-03-22. */
  dct: string | null;
  /** Text content of <TEXT>, tags stripped, entities decoded. */
  text: string;
  /** TIMEX3 elements inside <TEXT> (never the DCT). */
  timexes: TimemlTimex[];
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Decodes XML character references; unknown references are kept verbatim. */
export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,6});/gi, (whole, body: string) => {
    if (body.startsWith('#')) {
      const code = body[1] === 'x' || body[1] === 'X' ? Number.parseInt(body.slice(2), 16) : Number(body.slice(1));
      return Number.isInteger(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[body.toLowerCase()] ?? whole;
  });
}

/** Attributes of a start tag body such as `TIMEX3 tid="t1" type="DATE"`. */
export function parseAttributes(tag: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  for (const m of tag.matchAll(/(?<![\w:.-])([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    const name = m[1];
    if (name !== undefined) attrs[name] = decodeEntities(m[2] ?? m[3] ?? '');
  }
  return attrs;
}

interface Tag {
  /** Index of "<" in the source. */
  at: number;
  /** Index just after ">". */
  after: number;
  name: string;
  closing: boolean;
  selfClosing: boolean;
  body: string;
}

/** Scans the tags of an XML string in order (comments, processing instructions and CDATA are skipped). */
function* tags(xml: string): Generator<Tag> {
  let i = 0;
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    if (lt < 0) return;
    if (xml.startsWith('<!--', lt)) {
      const end = xml.indexOf('-->', lt + 4);
      i = end < 0 ? xml.length : end + 3;
      yield { at: lt, after: i, name: '!--', closing: false, selfClosing: true, body: '' };
      continue;
    }
    const gt = xml.indexOf('>', lt + 1);
    if (gt < 0) return;
    const body = xml.slice(lt + 1, gt);
    const closing = body.startsWith('/');
    const name = /^\/?\s*([\w:.-]+)/.exec(body)?.[1] ?? body.slice(0, 1);
    yield {
      at: lt,
      after: gt + 1,
      name,
      closing,
      selfClosing: body.endsWith('/') || body.startsWith('?') || body.startsWith('!'),
      body,
    };
    i = gt + 1;
  }
}

/** Parses a TimeML document (gold .tml or TE3input). */
export function parseTimeml(xml: string): TimemlDocument {
  const docId = decodeEntities(/<DOCID>([^<]*)<\/DOCID>/i.exec(xml)?.[1]?.trim() ?? '');
  const dctBlock = /<DCT>([\s\S]{0,2000}?)<\/DCT>/i.exec(xml)?.[1] ?? '';
  const dctTag = /<TIMEX3\b([^>]*)>/i.exec(dctBlock)?.[1];
  const dct = dctTag !== undefined ? (parseAttributes(dctTag).value ?? null) : null;

  const open = /<TEXT\b[^>]*>/i.exec(xml);
  const close = xml.search(/<\/TEXT>/i);
  if (!open || close < 0) return { docId, dct, text: '', timexes: [] };
  const from = open.index + open[0].length;
  const inner = xml.slice(from, close);

  let text = '';
  let last = 0;
  const timexes: TimemlTimex[] = [];
  const stack: { attrs: Record<string, string>; start: number }[] = [];
  for (const tag of tags(inner)) {
    text += decodeEntities(inner.slice(last, tag.at));
    last = tag.after;
    if (tag.name.toUpperCase() !== 'TIMEX3') continue;
    if (tag.closing) {
      const openTimex = stack.pop();
      if (!openTimex) continue;
      const a = openTimex.attrs;
      const t: TimemlTimex = {
        tid: a.tid ?? '',
        type: a.type ?? '',
        value: a.value ?? '',
        start: openTimex.start,
        end: text.length,
        text: text.slice(openTimex.start, text.length),
      };
      if (a.mod) t.mod = a.mod;
      timexes.push(t);
    } else if (!tag.selfClosing) {
      stack.push({ attrs: parseAttributes(tag.body), start: text.length });
    }
  }
  text += decodeEntities(inner.slice(last));
  timexes.sort((a, b) => a.start - b.start || a.end - b.end);
  return { docId, dct, text, timexes };
}
