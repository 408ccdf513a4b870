// A small XML reader for files from outside (ADX): elements, attributes and text with the line each starts on,
// and nothing more. No DTD is read and no entity is expanded: a DOCTYPE, an entity other than the five XML
// predefines and character references, a processing instruction other than the XML declaration, mismatched or
// unclosed tags, duplicate attributes, too deep nesting and too many elements are refused with the line. Pure.

export interface XmlElement {
  /** local name, without a namespace prefix */
  name: string;
  /** the qualified name as written (prefix:name) */
  qname: string;
  attrs: Map<string, string>;
  children: XmlElement[];
  /** the element's own text (whitespace included), concatenated */
  text: string;
  line: number;
}

export type XmlProblemCode =
  | 'doctype'
  | 'entity'
  | 'pi'
  | 'syntax'
  | 'mismatch'
  | 'unclosed'
  | 'duplicate_attr'
  | 'too_deep'
  | 'too_many'
  | 'too_long'
  | 'no_root'
  | 'after_root';

export type XmlRead =
  | { ok: true; root: XmlElement }
  | { ok: false; code: XmlProblemCode; line: number; detail: string };

export const XML_LIMITS = { maxDepth: 16, maxElements: 400_000, maxAttrs: 32, maxValueChars: 5000 };

const NAME = /[A-Za-z_][A-Za-z0-9_.:-]*/y;
const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

class Stop extends Error {
  readonly code: XmlProblemCode;
  readonly line: number;
  readonly detail: string;
  constructor(code: XmlProblemCode, line: number, detail: string) {
    super(detail);
    this.code = code;
    this.line = line;
    this.detail = detail;
  }
}

export function parseXml(text: string, limits = XML_LIMITS): XmlRead {
  let pos = 0;
  let line = 1;
  const stop = (code: XmlProblemCode, detail = ''): never => {
    throw new Stop(code, line, detail);
  };
  const advance = (to: number) => {
    for (let i = pos; i < to; i++) if (text.charCodeAt(i) === 10) line++;
    pos = to;
  };
  const unescapeXml = (raw: string): string =>
    raw.replace(/&([^;&\s<]{0,12});?/g, (whole, name: string) => {
      if (!whole.endsWith(';')) return stop('entity', whole);
      if (PREDEFINED[name] !== undefined) return PREDEFINED[name];
      const num = /^#(\d{1,7})$/.exec(name) ?? null;
      const hex = /^#x([0-9A-Fa-f]{1,6})$/.exec(name) ?? null;
      const cp = num ? Number(num[1]) : hex ? parseInt(hex[1], 16) : NaN;
      if (!Number.isFinite(cp)) return stop('entity', whole);
      if (cp === 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return stop('entity', whole);
      return String.fromCodePoint(cp);
    });
  const readName = (): string => {
    NAME.lastIndex = pos;
    const m = NAME.exec(text);
    if (!m) return stop('syntax', text.slice(pos, pos + 10));
    advance(pos + m[0].length);
    return m[0];
  };
  const skipSpace = () => {
    let i = pos;
    while (i < text.length && /\s/.test(text[i])) i++;
    advance(i);
  };
  const local = (qname: string) => qname.slice(qname.indexOf(':') + 1);

  let elements = 0;
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  try {
    if (text.startsWith('<?xml')) {
      const end = text.indexOf('?>');
      if (end < 0) stop('syntax', '<?xml');
      advance(end + 2);
    }
    while (pos < text.length) {
      const lt = text.indexOf('<', pos);
      const chunk = text.slice(pos, lt < 0 ? text.length : lt);
      if (stack.length > 0) {
        const parent = stack[stack.length - 1];
        parent.text += unescapeXml(chunk);
        if (parent.text.length > limits.maxValueChars) stop('too_long', parent.qname);
      } else if (chunk.trim() !== '') stop(root ? 'after_root' : 'syntax', chunk.trim().slice(0, 20));
      advance(lt < 0 ? text.length : lt);
      if (lt < 0) break;
      if (text.startsWith('<!--', pos)) {
        const end = text.indexOf('-->', pos + 4);
        if (end < 0) stop('unclosed', '<!--');
        advance(end + 3);
      } else if (text.startsWith('<![CDATA[', pos)) {
        if (stack.length === 0) stop('syntax', '<![CDATA[');
        const end = text.indexOf(']]>', pos + 9);
        if (end < 0) stop('unclosed', '<![CDATA[');
        stack[stack.length - 1].text += text.slice(pos + 9, end);
        advance(end + 3);
      } else if (text.startsWith('<!', pos)) {
        // <!DOCTYPE …> and any other declaration (ENTITY, ELEMENT…): never read, never expanded
        stop(/^<!DOCTYPE/i.test(text.slice(pos, pos + 9)) ? 'doctype' : 'syntax', text.slice(pos, pos + 12));
      } else if (text.startsWith('<?', pos)) {
        stop('pi', text.slice(pos, pos + 12));
      } else if (text.startsWith('</', pos)) {
        advance(pos + 2);
        const qname = readName();
        skipSpace();
        if (text[pos] !== '>') stop('syntax', `</${qname}`);
        advance(pos + 1);
        const open = stack.pop();
        if (!open || open.qname !== qname) stop('mismatch', `</${qname}>${open ? ` ≠ <${open.qname}>` : ''}`);
      } else {
        const startLine = line;
        advance(pos + 1);
        const qname = readName();
        const el: XmlElement = { name: local(qname), qname, attrs: new Map(), children: [], text: '', line: startLine };
        if (++elements > limits.maxElements) stop('too_many', String(limits.maxElements));
        for (;;) {
          const before = pos;
          skipSpace();
          if (text.startsWith('/>', pos) || text[pos] === '>') break;
          if (pos === before) stop('syntax', `<${qname}`);
          const attr = readName();
          skipSpace();
          if (text[pos] !== '=') stop('syntax', attr);
          advance(pos + 1);
          skipSpace();
          const quote = text[pos];
          if (quote !== '"' && quote !== "'") stop('syntax', attr);
          const end = text.indexOf(quote, pos + 1);
          if (end < 0) stop('unclosed', attr);
          const raw = text.slice(pos + 1, end);
          if (raw.includes('<')) stop('syntax', attr);
          if (raw.length > limits.maxValueChars) stop('too_long', attr);
          if (el.attrs.has(attr)) stop('duplicate_attr', attr);
          if (el.attrs.size >= limits.maxAttrs) stop('too_many', `<${qname}>`);
          el.attrs.set(attr, unescapeXml(raw).replace(/[\t\n\r]/g, ' '));
          advance(end + 1);
        }
        const selfClosing = text[pos] === '/';
        advance(pos + (selfClosing ? 2 : 1));
        if (stack.length > 0) stack[stack.length - 1].children.push(el);
        else if (root) stop('after_root', `<${qname}>`);
        else root = el;
        if (!selfClosing) {
          if (stack.length >= limits.maxDepth) stop('too_deep', String(limits.maxDepth));
          stack.push(el);
        }
      }
    }
    if (stack.length > 0) {
      line = stack[stack.length - 1].line;
      stop('unclosed', `<${stack[stack.length - 1].qname}>`);
    }
    if (!root) stop('no_root');
    return { ok: true, root: root! };
  } catch (error) {
    if (error instanceof Stop) return { ok: false, code: error.code, line: error.line, detail: error.detail };
    throw error;
  }
}
