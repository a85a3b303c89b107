/**
 * Hostile input for the hardening tests: strings that would run script if date-line ever put data into the page
 * as markup, as an attribute it did not mean, or as a URL it should not follow. Every payload that could run
 * calls `window.__xss(tag)` or `alert(…)`; traps() records both, so a test fails if any of them runs.
 */

/** Text payloads (each valid data, so that it is rendered): script and event-handler markup, SVG, entities, broken markup, template and attribute breakers. */
export const TEXT_PAYLOADS: readonly string[] = [
  `<script>window.__xss('script')</script>`,
  `<SCRIPT SRC=/__test__/media/xss/script.js></SCRIPT>`,
  `<img src=x onerror="window.__xss('img')">`,
  `<img src="x" onerror=alert('img-alert')>`,
  `<svg onload="window.__xss('svg')"><circle r="1"/></svg>`,
  `<svg><script>window.__xss('svg-script')</script></svg>`,
  `<svg><animate onbegin="window.__xss('svg-animate')" attributeName="x" dur="1s"/></svg>`,
  `<math><mtext><table><mglyph><style><img src=x onerror="window.__xss('mxss')">`,
  `<iframe src="javascript:window.__xss('iframe')"></iframe>`,
  `<iframe srcdoc="<script>parent.__xss('srcdoc')</script>"></iframe>`,
  `<object data="javascript:window.__xss('object')"></object>`,
  `<embed src="javascript:window.__xss('embed')">`,
  `<a href="javascript:window.__xss('a')">click</a>`,
  `<form action="javascript:window.__xss('form')"><button>go</button></form>`,
  `<details open ontoggle="window.__xss('details')">`,
  `<body onload="window.__xss('body')">`,
  `<input autofocus onfocus="window.__xss('autofocus')">`,
  `<video><source onerror="window.__xss('video')"></video>`,
  `<style>@import 'javascript:window.__xss(1)'; *{display:none!important}</style>`,
  `<link rel="stylesheet" href="javascript:window.__xss('link')">`,
  `<meta http-equiv="refresh" content="0;url=javascript:window.__xss('meta')">`,
  `<base href="javascript:window.__xss('base')//">`,
  `<template><img src=x onerror="window.__xss('template')"></template>`,
  `"><img src=x onerror="window.__xss('break-double')">`,
  `'><img src=x onerror='window.__xss("break-single")'>`,
  `" onmouseover="window.__xss('attr-double')" x="`,
  `' onfocus='window.__xss("attr-single")' autofocus x='`,
  '` onload=`window.__xss("backtick")`',
  '${window.__xss("template-literal")}',
  '{{constructor.constructor("window.__xss(\'angular\')")()}}',
  `</p></div></li></ol></section><img src=x onerror="window.__xss('close-tags')">`,
  `<!--<img src="--><img src=x onerror="window.__xss('comment')">`,
  `<![CDATA[<script>window.__xss('cdata')</script>]]>`,
  `</textarea></title></style></script><script>window.__xss('raw-text')</script>`,
  `&lt;script&gt;window.__xss('entity')&lt;/script&gt;`,
  `&#60;img src=x onerror=window.__xss('numeric-entity')&#62;`,
  `&#x3C;svg onload=window.__xss('hex-entity')&#x3E;`,
  `<img src=x onerror=&#x77;indow.__xss('entity-handler')>`,
  `<scr<script>ipt>window.__xss('nested')</scr</script>ipt>`,
  `<img/src=x/onerror=window.__xss('slashes')>`,
  `<img src=x onerror=window.__xss('unclosed')`,
  `javascript:window.__xss('js-text')`,
  `data:text/html,<script>window.__xss('data-text')</script>`,
  `\u0000<script>window.__xss('nul')</script>\u2028\u2029`,
  `\u202e<script>window.__xss('bidi')</script>`,
  `**<b onclick="window.__xss('strong')">bold</b>** *<i onclick="window.__xss('em')">em</i>*`,
  `[<img src=x onerror="window.__xss('md-text')">](https://example.invalid/)`,
  // Rich-text links to other schemes are not text payloads: they are refused with a validation error, which
  // DISALLOWED_URLS checks in every rich-text field.
  `__proto__`,
  `constructor`,
];

/**
 * URLs date-line should follow (http:, https:, relative, and mailto: for links) but whose text tries to break out
 * of the attribute or smuggle a scheme: they must come out as the very same attribute value, nothing more.
 */
export const TRICKY_SAFE_LINKS: readonly string[] = [
  `https://example.invalid/"><img/src=x/onerror=window.__xss('href-break')>`,
  `https://example.invalid/'onmouseover='window.__xss("href-single")'`,
  `/x"onfocus="window.__xss('relative-break')"autofocus="`,
  `?q=<script>window.__xss('query')</script>`,
  `#"><svg/onload=window.__xss('hash')>`,
  `&#106;avascript:window.__xss('entity-scheme')`,
  `javascript&colon;window.__xss('colon-entity')`,
  `//example.invalid/\${window.__xss('tpl')}`,
  `mailto:someone@example.invalid?subject="><img/src=x/onerror=window.__xss('mailto')>`,
];

/** The same, for media (no mailto:), pointing at this server so nothing leaves the machine. */
export const TRICKY_SAFE_MEDIA: readonly string[] = [
  `/__test__/media/xss/a.png?"><img/src=x/onerror=window.__xss('src-break')>`,
  `/__test__/media/xss/b.png?'onerror='window.__xss("src-single")'`,
  `/__test__/media/xss/c.png#"onload="window.__xss('src-hash')"`,
  `/__test__/media/xss/d.mp4?<svg/onload=window.__xss('video')>`,
  `/__test__/media/xss/e.mp3?\${window.__xss('audio')}`,
];

/** URLs date-line must never put in an href or src: script, data, other schemes, and disguises of them. */
export const DISALLOWED_URLS: readonly string[] = [
  `javascript:window.__xss('javascript')`,
  `JaVaScRiPt:window.__xss('javascript-case')`,
  `javascript:%77indow.__xss('javascript-encoded')`,
  `javascript://example.invalid/%0Awindow.__xss('javascript-comment')`,
  ` javascript:window.__xss('leading-space')`,
  `\tjavascript:window.__xss('leading-tab')`,
  `java\tscript:window.__xss('inner-tab')`,
  `java\nscript:window.__xss('inner-newline')`,
  `\u0001javascript:window.__xss('control')`,
  `javascript\u0000:window.__xss('nul')`,
  `data:text/html,<script>window.__xss('data-html')</script>`,
  `data:text/html;base64,PHNjcmlwdD53aW5kb3cuX194c3MoJ2RhdGEtYjY0Jyk8L3NjcmlwdD4=`,
  `data:image/svg+xml,<svg/onload=window.__xss('data-svg')>`,
  `vbscript:msgbox("vbscript")`,
  `file:///etc/passwd`,
  `blob:https://example.invalid/0b3d4a6e-0000-0000-0000-000000000000`,
  `ftp://example.invalid/file`,
  `ws://example.invalid/socket`,
  `intent://example.invalid#Intent;scheme=javascript;end`,
  `chrome://settings`,
  `about:blank`,
  `tel:+15555550100`,
  `https://exa mple.invalid/space`,
];

/** Schemes allowed in an href (links) and in a src (media). */
export const LINK_SCHEMES = new Set(['http:', 'https:', 'mailto:']);
export const MEDIA_SCHEMES = new Set(['http:', 'https:']);

/** Elements date-line itself renders (beside media's, below); anything else in its shadow root came from data. */
export const RENDERED_ELEMENTS = new Set([
  'a',
  'audio',
  'button',
  'code',
  'details',
  'div',
  'em',
  'figcaption',
  'figure',
  'h2',
  'h3',
  'h4',
  'header',
  'img',
  'input',
  'label',
  'legend',
  'fieldset',
  'li',
  'ol',
  'p',
  'section',
  'span',
  'strong',
  'summary',
  'time',
  'ul',
  'video',
]);

/** With media's quotations and, once a facade is pressed, its player. */
export const RENDERED_WITH_MEDIA = new Set([...RENDERED_ELEMENTS, 'blockquote', 'iframe']);

type TrappedWindow = Window & { __xss?: (tag: unknown) => void };

/**
 * Installs the traps payloads fall into: `window.__xss`, `alert`, `confirm`, `prompt`, `print`. Returns what they
 * caught and a function that restores the originals.
 */
export function traps(): { caught: string[]; restore: () => void } {
  const win = window as TrappedWindow;
  const caught: string[] = [];
  const names = ['alert', 'confirm', 'prompt', 'print'] as const;
  const saved = Object.fromEntries(names.map((name) => [name, Object.getOwnPropertyDescriptor(win, name)]));
  win.__xss = (tag) => caught.push(`__xss(${String(tag)})`);
  win.alert = (message?: unknown) => void caught.push(`alert(${String(message)})`);
  win.confirm = (message?: string) => (caught.push(`confirm(${message})`), false);
  win.prompt = (message?: string) => (caught.push(`prompt(${message})`), null);
  win.print = () => void caught.push('print()');
  return {
    caught,
    restore() {
      delete win.__xss;
      for (const name of names) {
        const descriptor = saved[name];
        if (descriptor) Object.defineProperty(win, name, descriptor);
        else delete (win as Partial<Window>)[name];
      }
    },
  };
}

/** Every element of a shadow root and of the shadow roots inside it. */
export function allElements(root: ParentNode): Element[] {
  const out: Element[] = [];
  for (const element of root.querySelectorAll('*')) {
    out.push(element);
    if (element.shadowRoot) out.push(...allElements(element.shadowRoot));
  }
  return out;
}

/**
 * What is wrong with the rendered DOM, security-wise: an element date-line does not render, an inline event
 * handler attribute, an href or src whose scheme is not allowed. Empty when all is well.
 */
export function domProblems(root: ParentNode, base = document.baseURI, rendered = RENDERED_ELEMENTS): string[] {
  const problems: string[] = [];
  for (const element of allElements(root)) {
    const tag = element.localName;
    if (!rendered.has(tag)) problems.push(`<${tag}> element`);
    for (const attribute of element.attributes) {
      if (/^on/i.test(attribute.name)) problems.push(`${attribute.name} attribute on <${tag}>`);
      if (attribute.name === 'srcdoc' || attribute.name === 'formaction' || attribute.name === 'xlink:href')
        problems.push(`${attribute.name} attribute on <${tag}>`);
      if (attribute.name === 'href' || attribute.name === 'src' || attribute.name === 'poster') {
        let url: URL | undefined;
        try {
          url = new URL(attribute.value, base);
        } catch {
          problems.push(`unparseable ${attribute.name} "${attribute.value}" on <${tag}>`);
          continue;
        }
        const allowed = attribute.name === 'href' ? LINK_SCHEMES : MEDIA_SCHEMES;
        if (!allowed.has(url.protocol)) problems.push(`${attribute.name}="${attribute.value}" on <${tag}>`);
      }
    }
  }
  return problems;
}

/**
 * A timeline that puts one payload into every text field of one event (and of its group, era and tags), with
 * tricky but safe links and media: the element's XSS tests and embedHtml's use it.
 */
export function hostileTimeline(payloads: readonly string[]) {
  const at = (index: number) =>
    `2017-${String((index % 12) + 1).padStart(2, '0')}-${String((index % 28) + 1).padStart(2, '0')}`;
  return {
    version: 1 as const,
    title: payloads[0],
    description: payloads.slice(0, 8).join('\n\n'),
    'x-payload': payloads[1],
    groups: payloads.map((payload, index) => ({ id: `g${index}`, label: payload, description: payload })),
    eras: payloads.slice(0, 6).map((payload, index) => ({
      id: `era${index}`,
      label: payload,
      start: `${2010 + index}`,
      end: `${2011 + index}`,
    })),
    events: payloads.map((payload, index) => ({
      id: `e${index}`,
      date: at(index),
      title: payload,
      summary: `${payload}\n\nand again: ${payload}`,
      displayDate: payload,
      dateNote: payload,
      group: `g${index}`,
      tags: [payload, `tag ${payload}`],
      context: index % 2 === 0,
      media: {
        url: TRICKY_SAFE_MEDIA[index % TRICKY_SAFE_MEDIA.length],
        caption: payload,
        credit: payload,
        alt: payload,
        thumbnail: TRICKY_SAFE_MEDIA[(index + 1) % TRICKY_SAFE_MEDIA.length],
      },
      sources: [
        {
          title: payload,
          publisher: payload,
          author: payload,
          note: payload,
          date: '2017-03',
          url: TRICKY_SAFE_LINKS[index % TRICKY_SAFE_LINKS.length],
        },
        { title: `${payload} (2)`, url: `https://example.invalid/source?[x](javascript:alert(1))` },
      ],
      'x-payload': payload,
    })),
  };
}
