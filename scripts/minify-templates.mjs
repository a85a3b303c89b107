// A Vite plugin that minifies the text of Lit's html`` and css`` templates in date-line's own sources at build
// time. Minifiers leave template text alone (it is a string to them), and indentation and comments in templates
// and styles were a fifth of the script-tag file. Only whitespace that HTML and CSS ignore is removed:
//   html: a run of whitespace that contains a line break becomes one space (so inline spacing is kept)
//   css:  comments go; whitespace runs become one space; spaces around { } ; , > and after : are dropped
// The scanner follows template literals through ${…} expressions and nested templates, and skips strings.

/** Minifies html`…` and css`…` template text in a module's source. */
export function minifyTemplates(source) {
  let out = '';
  let i = 0;
  const tagAt = (index) => {
    const match = /(?:^|[^\w$.])(html|css)\s*$/.exec(source.slice(Math.max(0, index - 12), index));
    return match ? match[1] : null;
  };
  // Copies a quoted string ('…' or "…") starting at i.
  const copyString = () => {
    const quote = source[i];
    let j = i + 1;
    while (j < source.length && source[j] !== quote) j += source[j] === '\\' ? 2 : 1;
    out += source.slice(i, j + 1);
    i = j + 1;
  };
  // Copies a template literal starting at the backtick at i, minifying its text if it is tagged html or css.
  const copyTemplate = (tag) => {
    out += '`';
    i++;
    let text = '';
    const flush = () => {
      out += tag === 'html' ? minifyHtml(text) : tag === 'css' ? minifyCss(text) : text;
      text = '';
    };
    while (i < source.length) {
      const char = source[i];
      if (char === '\\') {
        text += source.slice(i, i + 2);
        i += 2;
      } else if (char === '`') {
        flush();
        out += '`';
        i++;
        return;
      } else if (char === '$' && source[i + 1] === '{') {
        flush();
        out += '${';
        i += 2;
        copyExpression();
      } else {
        text += char;
        i++;
      }
    }
    flush();
  };
  // Copies code up to the } that closes the current ${, following nested braces, strings and templates.
  const copyExpression = () => {
    let depth = 0;
    while (i < source.length) {
      const char = source[i];
      if (char === "'" || char === '"') copyString();
      else if (char === '`') copyTemplate(tagAt(i));
      else if (char === '{') {
        depth++;
        out += char;
        i++;
      } else if (char === '}') {
        out += char;
        i++;
        if (depth-- === 0) return;
      } else {
        out += char;
        i++;
      }
    }
  };
  while (i < source.length) {
    const char = source[i];
    if (char === '/' && source[i + 1] === '/') {
      const end = source.indexOf('\n', i);
      out += source.slice(i, end < 0 ? source.length : end);
      i = end < 0 ? source.length : end;
    } else if (char === '/' && source[i + 1] === '*') {
      const end = source.indexOf('*/', i + 2) + 2;
      out += source.slice(i, end);
      i = end;
    } else if (char === "'" || char === '"') copyString();
    else if (char === '`') copyTemplate(tagAt(i));
    else {
      out += char;
      i++;
    }
  }
  return out;
}

export function minifyHtml(text) {
  return text.replace(/\s*\n\s*/g, ' ');
}

export function minifyCss(text) {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};,>])\s*/g, '$1')
    .replace(/;}/g, '}')
    .replace(/:\s+/g, ':')
    .trim();
}

/** The Vite plugin: applies to date-line's TypeScript sources in builds. */
export function minifyTemplatesPlugin() {
  return {
    name: 'date-line-minify-templates',
    apply: 'build',
    enforce: 'pre',
    transform(code, id) {
      if (!/\/src\/.*\.ts$/.test(id) || !/(html|css)`/.test(code)) return null;
      return { code: minifyTemplates(code), map: null };
    },
  };
}
