import { html, nothing, type TemplateResult } from 'lit';
import { parseRichText, type Inline } from '../model/rich-text.js';

/** Links to other sites open in a new tab without giving it a handle on this page or a referrer. */
function linkTemplate(href: string, children: Inline[]): TemplateResult {
  return html`<a href=${href} target="_blank" rel="noopener noreferrer">${inline(children)}</a>`;
}

function inline(nodes: Inline[]): unknown[] {
  return nodes.map((node) => {
    if (typeof node === 'string') return node;
    if (node.kind === 'link') return linkTemplate(node.href, node.children);
    return node.kind === 'strong'
      ? html`<strong>${inline(node.children)}</strong>`
      : html`<em>${inline(node.children)}</em>`;
  });
}

/** Rich text as paragraphs. Every string goes through a Lit text binding: markup in data is shown, never run. */
export function richText(text: string | undefined, className = ''): TemplateResult | typeof nothing {
  if (!text) return nothing;
  return html`<div class=${className}>
    ${parseRichText(text).map((paragraph) => html`<p>${inline(paragraph)}</p>`)}
  </div>`;
}

/** Rich text inline (one run, paragraphs joined by a space), for captions and credits. */
export function richTextInline(text: string | undefined): unknown {
  if (!text) return nothing;
  return parseRichText(text).flatMap((paragraph, index) => (index ? [' ', ...inline(paragraph)] : inline(paragraph)));
}
