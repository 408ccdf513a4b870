// The XML reader for files from outside: elements, attributes, text and lines; never a DTD, never an entity beyond
// the five predefined ones and character references; every refusal with the line it happened on.
import { describe, expect, it } from 'vitest';
import { parseXml } from '../../../electron/open-data/safe-xml.ts';

const ok = (text: string) => {
  const r = parseXml(text);
  if (!r.ok) throw new Error(`${r.code} ${r.line} ${r.detail}`);
  return r.root;
};
const refused = (text: string, limits?: Parameters<typeof parseXml>[1]) => {
  const r = parseXml(text, limits);
  if (r.ok) throw new Error('accepted');
  return r;
};

describe('safe XML reader', () => {
  it('reads elements, attributes (both quotes, predefined and numeric entities), text, CDATA, comments and lines', () => {
    const root = ok(
      '<?xml version="1.0" encoding="UTF-8"?>\n<!-- c -->\n<a:adx xmlns:a="urn:x" k=\'1 &amp; 2\'>\n  <a:g v="&lt;&#x4E2D;&#25991;&gt;"/>\n  <t>x &quot;y&quot; <![CDATA[<raw>&]]></t>\n</a:adx>\n',
    );
    expect(root.name).toBe('adx');
    expect(root.qname).toBe('a:adx');
    expect(root.line).toBe(3);
    expect(root.attrs.get('k')).toBe('1 & 2');
    expect(root.children.map((c) => [c.name, c.line])).toEqual([
      ['g', 4],
      ['t', 5],
    ]);
    expect(root.children[0].attrs.get('v')).toBe('<中文>');
    expect(root.children[1].text).toBe('x "y" <raw>&');
  });

  it('refuses a DOCTYPE (internal subset, external entity, billion laughs) at its line without reading it', () => {
    const laughs =
      '<?xml version="1.0"?>\n<!DOCTYPE lolz [\n<!ENTITY lol "lol">\n<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">\n]>\n<lolz>&lol2;</lolz>';
    expect(refused(laughs)).toMatchObject({ code: 'doctype', line: 2 });
    expect(refused('<!DOCTYPE x SYSTEM "http://example.com/x.dtd"><x/>')).toMatchObject({ code: 'doctype', line: 1 });
    expect(refused('<x>\n<!ENTITY y "z"></x>')).toMatchObject({ code: 'syntax', line: 2 });
  });

  it('refuses an entity that is not predefined, a bare ampersand and an invalid character reference', () => {
    expect(refused('<x>\n\n<y a="&ext;"/></x>')).toMatchObject({ code: 'entity', line: 3, detail: '&ext;' });
    expect(refused('<x>fish & chips</x>')).toMatchObject({ code: 'entity' });
    expect(refused('<x a="&#0;"/>')).toMatchObject({ code: 'entity' });
    expect(refused('<x a="&#xD800;"/>')).toMatchObject({ code: 'entity' });
  });

  it('refuses broken structure: mismatched and unclosed tags, duplicate attributes, text or a second root after the root, processing instructions', () => {
    expect(refused('<a>\n<b></a>')).toMatchObject({ code: 'mismatch', line: 2 });
    expect(refused('<a>\n<b>\n')).toMatchObject({ code: 'unclosed', line: 2 });
    expect(refused('<a x="1" x="2"/>')).toMatchObject({ code: 'duplicate_attr', detail: 'x' });
    expect(refused('<a/>\n<b/>')).toMatchObject({ code: 'after_root', line: 2 });
    expect(refused('<a/>junk')).toMatchObject({ code: 'after_root' });
    expect(refused('<a><?php echo 1 ?></a>')).toMatchObject({ code: 'pi' });
    expect(refused('<a b=1/>')).toMatchObject({ code: 'syntax' });
    expect(refused('   ')).toMatchObject({ code: 'no_root' });
  });

  it('holds its limits: depth, element count, attribute count, value length', () => {
    expect(
      refused(`${'<a>'.repeat(20)}${'</a>'.repeat(20)}`, {
        maxDepth: 16,
        maxElements: 100,
        maxAttrs: 8,
        maxValueChars: 100,
      }),
    ).toMatchObject({ code: 'too_deep' });
    expect(
      refused(`<r>${'<a/>'.repeat(101)}</r>`, { maxDepth: 16, maxElements: 100, maxAttrs: 8, maxValueChars: 100 }),
    ).toMatchObject({ code: 'too_many' });
    expect(
      refused(`<a ${Array.from({ length: 9 }, (_, i) => `k${i}="1"`).join(' ')}/>`, {
        maxDepth: 16,
        maxElements: 100,
        maxAttrs: 8,
        maxValueChars: 100,
      }),
    ).toMatchObject({ code: 'too_many' });
    expect(
      refused(`<a v="${'x'.repeat(101)}"/>`, { maxDepth: 16, maxElements: 100, maxAttrs: 8, maxValueChars: 100 }),
    ).toMatchObject({ code: 'too_long' });
  });
});
