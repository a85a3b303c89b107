/**
 * Finds where JSON text first goes wrong, so an author is told "line 3, column 14" in every browser (engines
 * word and locate JSON.parse errors differently, and Chromium no longer gives a position at all). A small
 * state machine, not a recursive parser: absurdly deep nesting cannot overflow the stack.
 */

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't']);

/** The offset of the first syntax error in `text`, or -1 if it is valid JSON. */
export function jsonErrorOffset(text: string): number {
  let i = 0;
  const stack: ('{' | '[')[] = [];
  let state: 'value' | 'key' | 'after' = 'value';
  let justOpened = false;

  const skipWhitespace = () => {
    while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
  };
  /** Reads a string starting at the opening quote; false (with i at the fault) if it is malformed. */
  const readString = (): boolean => {
    i++;
    while (i < text.length) {
      const char = text[i];
      if (char === '"') {
        i++;
        return true;
      }
      if (char === '\\') {
        const next = text[i + 1];
        if (next === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return false;
          i += 6;
        } else if (next !== undefined && ESCAPES.has(next)) i += 2;
        else return false;
      } else if (char < ' ') return false;
      else i++;
    }
    return false;
  };

  for (;;) {
    skipWhitespace();
    if (i >= text.length) return state === 'after' && stack.length === 0 ? -1 : i;
    const char = text[i];
    if (state === 'value') {
      if (char === '{') {
        stack.push('{');
        i++;
        state = 'key';
        justOpened = true;
      } else if (char === '[') {
        stack.push('[');
        i++;
        skipWhitespace();
        if (text[i] === ']') {
          stack.pop();
          i++;
          state = 'after';
        }
      } else if (char === '"') {
        if (!readString()) return i;
        state = 'after';
      } else {
        NUMBER.lastIndex = i;
        const number = NUMBER.exec(text);
        const literal = ['true', 'false', 'null'].find((word) => text.startsWith(word, i));
        if (number) i += number[0].length;
        else if (literal) i += literal.length;
        else return i;
        state = 'after';
      }
    } else if (state === 'key') {
      if (char === '}' && justOpened) {
        stack.pop();
        i++;
        state = 'after';
        continue;
      }
      justOpened = false;
      if (char !== '"' || !readString()) return i;
      skipWhitespace();
      if (text[i] !== ':') return i;
      i++;
      state = 'value';
    } else {
      const open = stack.at(-1);
      if (!open) return i;
      if (char === ',') {
        i++;
        state = open === '{' ? 'key' : 'value';
      } else if ((char === '}' && open === '{') || (char === ']' && open === '[')) {
        stack.pop();
        i++;
      } else return i;
    }
  }
}

/** "line 3, column 14" for an offset in text (both counted from 1). */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, column: offset - lineStart + 1 };
}
