/**
 * Finds where JSON text first goes wrong, so an author is told "line 3, column 14" in every browser (engines
 * word and locate JSON.parse errors differently, and Chromium no longer gives a position at all). A small
 * state machine over tokens, not a recursive parser: absurdly deep nesting cannot overflow the stack.
 */

// JSON strings may not hold the control characters U+0000 to U+001F, hence them in these patterns.
/* eslint-disable no-control-regex */
/** Whitespace, then one token, if one starts there: a bracket, "," or ":", a string, a number or a literal. */
const TOKEN =
  /[ \t\n\r]*(?:([[{])|([\]}])|([,:])|("(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[\da-fA-F]{4}))*")|(-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null))?/y;
/** The longest well-formed start of a string: where it ends is where a malformed string goes wrong. */
const STRING_START = /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[\da-fA-F]{4}))*/y;
/* eslint-enable no-control-regex */

/** The offset of the first syntax error in `text`, or -1 if it is valid JSON. */
export function jsonErrorOffset(text: string): number {
  const stack: string[] = [];
  // What may come next: a value (or "]" first in an array), a key (or "}" first in an object), ":", or what
  // follows a value (",", a closing bracket, or the end of the text).
  let expected: 'value' | 'firstValue' | 'key' | 'firstKey' | 'colon' | 'after' = 'value';
  for (let i = 0; ;) {
    TOKEN.lastIndex = i;
    const [whole, open, close, punctuation, string, scalar] = TOKEN.exec(text)!;
    const token = open ?? close ?? punctuation ?? string ?? scalar;
    const at = i + whole.length - (token?.length ?? 0);
    const top = stack.at(-1);
    const isValue = expected === 'value' || expected === 'firstValue';
    if (token === undefined) {
      if (at >= text.length) return expected === 'after' && !top ? -1 : at;
      // A string that goes wrong where one may stand goes wrong inside it; anything else, where it starts.
      if (text[at] !== '"' || expected === 'colon' || expected === 'after') return at;
      STRING_START.lastIndex = at;
      STRING_START.exec(text);
      return STRING_START.lastIndex;
    }
    if (open && isValue) {
      stack.push(open);
      expected = open === '{' ? 'firstKey' : 'firstValue';
    } else if (
      close &&
      (expected === 'after'
        ? top === (close === '}' ? '{' : '[')
        : expected === (close === '}' ? 'firstKey' : 'firstValue'))
    ) {
      stack.pop();
      expected = 'after';
    } else if (string && (expected === 'key' || expected === 'firstKey')) expected = 'colon';
    else if ((string || scalar) && isValue) expected = 'after';
    else if (punctuation === ':' && expected === 'colon') expected = 'value';
    else if (punctuation === ',' && expected === 'after' && top) expected = top === '{' ? 'key' : 'value';
    else return at;
    i = at + token.length;
  }
}

/** "line 3, column 14" for an offset in text (both counted from 1). */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, column: offset - lineStart + 1 };
}
