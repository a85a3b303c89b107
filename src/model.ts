/**
 * `date-line/model`, the package entry for Node, workers and build scripts: the DOM-free model (./model/index.ts)
 * and the pages a timeline is published as (./embed/page.ts). The pages are strings too, but they carry the
 * frame's script (./embed/frame.ts, DOM code) as text, so the model layer may not import them (DESIGN.md's layers,
 * eslint's layers/allowed-imports, tsconfig.layers.json): they meet here, above it.
 */
export * from './model/index.js';
// A timeline's own page, its iframe and its oEmbed response.
export {
  pageHtml,
  iframeHtml,
  oembedResponse,
  estimateHeight,
  type PageHtmlOptions,
  type IframeOptions,
  type OEmbedOptions,
  type OEmbedResponse,
  type ImageSize,
} from './embed/page.js';
