/**
 * `styleMap` for pages with a strict Content Security Policy. Lit's own directive writes its first render as a
 * `style="…"` attribute string, which `style-src` without 'unsafe-inline' refuses (lit/lit#4719): on such a
 * page every axis item would sit at the same place. Once Lit's `styleMap` sets its first render through the CSSOM,
 * use it and delete this file (test/hardening/csp.test.ts runs the element under such a policy). This one sets each property through the CSSOM
 * (`style.setProperty`), which a policy allows, on the first render as on every other, and removes the
 * properties that are no longer given. Names are camelCase (`insetInlineStart`), dashed, or custom (`--_x`);
 * values are plain (no `!important`).
 */
import { noChange } from 'lit';
import { Directive, directive, type AttributePart } from 'lit/directive.js';

export type StyleInfo = Readonly<Record<string, string | number | null | undefined>>;

const cssName = (name: string) => (name.startsWith('--') ? name : name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`));

class CssomStyleMap extends Directive {
  private readonly names = new Set<string>();

  render(_styles: StyleInfo): typeof noChange {
    return noChange;
  }

  override update(part: AttributePart, [styles]: [StyleInfo]): typeof noChange {
    const { style } = part.element;
    for (const name of this.names) {
      if (styles[name] == null) {
        style.removeProperty(cssName(name));
        this.names.delete(name);
      }
    }
    for (const name in styles) {
      const value = styles[name];
      if (value == null) continue;
      style.setProperty(cssName(name), String(value));
      this.names.add(name);
    }
    return noChange;
  }
}

/** Sets the element's inline style properties from an object, through the CSSOM (see above). */
export const styleMap = directive(CssomStyleMap);
