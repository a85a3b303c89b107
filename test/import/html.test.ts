import { expect } from '@open-wc/testing';
import { htmlToPlainText, htmlToRichText } from '../../src/model/import/html.js';
import { parseRichText, plainText } from '../../src/model/rich-text.js';

describe('htmlToRichText: HTML from TimelineJS into the rich-text subset', () => {
  const cases: [string, string, string][] = [
    ['plain text stays', 'Born in New Jersey.', 'Born in New Jersey.'],
    ['paragraphs become blank-line breaks', '<p>One.</p><p>Two.</p>', 'One.\n\nTwo.'],
    ['<br> breaks a paragraph', 'Line one<br/>line two<br>three', 'Line one\n\nline two\n\nthree'],
    ['<b> and <strong> become **', 'a <b>bold</b> and <strong>strong</strong> word', 'a **bold** and **strong** word'],
    ['<i> and <em> become *', 'the <i>Bodyguard</i> and <em>this</em>', 'the *Bodyguard* and *this*'],
    ['spaces stay outside the marks', 'a<b> bold </b>word', 'a **bold** word'],
    ['bold italic comes out bold', '<b><i>both</i></b>', '**both**'],
    [
      'emphasis inside bold text is bold (the subset cannot nest them safely)',
      '<b>very <i>much</i> so</b>',
      '**very much so**',
    ],
    ['adjacent marks stay apart', '<b>a</b><i>b</i>', '**a***b*'],
    ['a mark is closed and reopened across a break', '<b>one<br>two</b>', '**one**\n\n**two**'],
    [
      'safe links keep their target',
      'See <a href="https://en.wikipedia.org/wiki/Ada_Lovelace">Ada Lovelace</a>.',
      'See [Ada Lovelace](https://en.wikipedia.org/wiki/Ada_Lovelace).',
    ],
    [
      'single-quoted and bare attributes',
      "<a href='http://x.org/a'>x</a> <a href=/rel>y</a>",
      '[x](http://x.org/a) [y](/rel)',
    ],
    ['mailto links stay', '<a href="mailto:desk@example.com">write</a>', '[write](mailto:desk@example.com)'],
    ['javascript: links keep only their text', '<a href="javascript:alert(1)">click</a>', 'click'],
    ['data: links keep only their text', '<a href="data:text/html,x">x</a>', 'x'],
    ['a link without href is text', '<a name="x">anchor</a>', 'anchor'],
    [
      'parentheses in a link survive',
      '<a href="https://en.wikipedia.org/wiki/Reduction_(recursion_theory)">recursion</a>',
      '[recursion](https://en.wikipedia.org/wiki/Reduction_(recursion_theory))',
    ],
    ['an unbalanced parenthesis is encoded', '<a href="https://x.org/a)b">x</a>', '[x](https://x.org/a%29b)'],
    ['spaces in a link are encoded', '<a href="https://x.org/my page">x</a>', '[x](https://x.org/my%20page)'],
    ['a link whose text holds "]" keeps only its text', '<a href="https://x.org/">[1]</a>', '[1]'],
    ['emphasis inside a link', '<a href="https://x.org/"><i>The Post</i></a>', '[*The Post*](https://x.org/)'],
    ['other tags are dropped', '<span class="tl-note">Note</span> <u>under</u>', 'Note under'],
    ['script and style content is dropped', 'a<script>alert("x")</script>b<style>p{}</style>c', 'abc'],
    ['comments are dropped', 'a<!-- hidden -->b', 'ab'],
    ['named entities are decoded', 'Tom &amp; Jerry &ndash; &ldquo;hi&rdquo;&hellip;', 'Tom & Jerry – “hi”…'],
    ['numeric entities are decoded', '&#8217;&#x2019;&#39;', "’’'"],
    ['escaped markup stays text', '&lt;b&gt;not bold&lt;/b&gt;', '<b>not bold</b>'],
    ['unknown entities stay as written', '&madeup; &amp', '&madeup; &'],
    ['a lone < is text', 'a < b and c<d', 'a < b and c<d'],
    ['whitespace runs collapse as in a browser', '  one\n   two\t three  ', 'one two three'],
    ['a no-break space stays', 'ten&nbsp;km', 'ten\u00a0km'],
    ['empty paragraphs disappear', '<p></p><p> </p><p>x</p><br><br>', 'x'],
    ['uppercase tags work', '<P>One</P><B>two</B>', 'One\n\n**two**'],
    ['a literal asterisk inside a mark leaves the mark out', '<b>5 * 3</b>', '5 * 3'],
    ['blockquote and cite', '<blockquote>Quote. <cite>Someone</cite></blockquote>', 'Quote. *Someone*'],
  ];
  for (const [name, input, expected] of cases) {
    it(name, () => {
      expect(htmlToRichText(input).text).to.equal(expected);
    });
  }

  it('reports the links it leaves out', () => {
    expect(htmlToRichText('<a href="javascript:x()">a</a> <a href="https://ok.org/">b</a>').droppedLinks).to.deep.equal(
      ['javascript:x()'],
    );
  });

  it('always gives rich text that parses back to the same words, and never HTML', () => {
    const hostile = [
      '<img src=x onerror=alert(1)>',
      '<a href="https://x.org/" onclick="evil()">x</a>',
      '<scr<script>ipt>alert(1)</script>',
      '<iframe src="https://evil.example/"></iframe>text',
      '<svg><script>alert(1)</script></svg>ok',
      '<p>**not** *marks* from text</p>',
    ];
    for (const input of hostile) {
      const { text } = htmlToRichText(input);
      expect(text, input).not.to.match(/<(img|script|iframe|svg|a)\b/i);
      for (const paragraph of parseRichText(text)) {
        for (const node of paragraph)
          if (typeof node === 'object' && node.kind === 'link') expect(node.href).to.match(/^https:/);
      }
    }
  });
});

describe('htmlToPlainText: HTML headlines as one line of text', () => {
  const cases: [string, string][] = [
    ['Whitney Houston<br/> 1963 - 2012', 'Whitney Houston 1963 - 2012'],
    ['<p>One</p><p>Two</p>', 'One Two'],
    ['<b>Bold</b> &amp; <i>italic</i>', 'Bold & italic'],
    ['<a href="javascript:x">Link</a> text', 'Link text'],
    ['   ', ''],
  ];
  for (const [input, expected] of cases) {
    it(JSON.stringify(input), () => {
      expect(htmlToPlainText(input)).to.equal(expected);
    });
  }

  it('agrees with rich text read as plain text', () => {
    const html = '<p>A <b>bold</b> <a href="https://x.org/">link</a>.</p>';
    expect(plainText(htmlToRichText(html).text)).to.equal(htmlToPlainText(html));
  });
});
