/**
 * The parts of `<date-line>` that are loaded on demand, and how each becomes one element's part. Each module is
 * fetched once per page (loadOnce); the script-tag file carries none of them. The axis and the list share the
 * module that draws an event's label (a chunk of its own): it is asked for together with either, so that the two
 * arrive in parallel, not one after the other.
 */
import type { PartLoader, PartsHost } from './controllers/parts-controller.js';
import { AXIS_MIN_WIDTH, type Layout } from './scale/layout-choice.js';
import { loadOnce } from './scheduling.js';
import type { AxisRenderer, firstViewFits } from './view/axis/axis.js';
import type { renderEventBody } from './view/detail.js';
import type { renderFilterPanel } from './view/filters.js';
import type { LayoutIntent, LayoutRenderer } from './view/snapshot.js';

const withEventLabel = <Module>(load: () => Promise<Module>) =>
  loadOnce(() => Promise.all([load(), import('./view/event-button.js')]));
const loadAxis = withEventLabel(() => import('./view/axis/axis.js'));
const loadList = withEventLabel(() => import('./view/list/list.js'));
const loadStory = loadOnce(() => import('./view/story/story.js'));
const loadDetail = loadOnce(() => import('./view/detail.js'));
const loadFilters = loadOnce(() => import('./view/filters.js'));
const loadErrors = loadOnce(() => import('./view/errors.js'));
const loadLiveData = loadOnce(() => import('./view/live-data.js'));

/** An element's parts, once each has arrived. */
export interface Parts {
  axis: { renderer: AxisRenderer; firstViewFits: typeof firstViewFits };
  list: { renderer: LayoutRenderer };
  story: { renderer: LayoutRenderer };
  /** An open event's content. */
  detail: typeof renderEventBody;
  filters: typeof renderFilterPanel;
  /** The box that explains invalid data, and the list of problems it shares with the notice below. */
  errors: typeof import('./view/errors.js');
  /** The notice of events left out, the announcement of a refresh, the reader's place kept across one. */
  live: typeof import('./view/live-data.js');
}

/**
 * How to make each of an element's parts.
 * @param host - The element (layouts take part in its lifecycle).
 * @param report - Where its layouts send what the reader asks for.
 */
export function partLoaders(
  host: PartsHost & HTMLElement,
  report: (intent: LayoutIntent) => void,
): { readonly [Name in keyof Parts]: PartLoader<Parts[Name]> } {
  return {
    axis: () =>
      loadAxis().then(([{ AxisRenderer, axisStyles, firstViewFits }, { eventButtonStyles }]) => ({
        part: { renderer: new AxisRenderer(host, report), firstViewFits },
        styles: [eventButtonStyles, axisStyles],
      })),
    list: () =>
      loadList().then(([{ ListRenderer, listStyles }, { eventButtonStyles }]) => ({
        part: { renderer: new ListRenderer(host, report) },
        styles: [eventButtonStyles, listStyles],
      })),
    story: () =>
      loadStory().then(({ StoryRenderer, storyStyles, detailStyles, eventButtonStyles }) => ({
        part: { renderer: new StoryRenderer(host, report) },
        styles: [eventButtonStyles, detailStyles, storyStyles],
      })),
    detail: () =>
      loadDetail().then(({ renderEventBody, detailStyles }) => ({ part: renderEventBody, styles: [detailStyles] })),
    filters: () =>
      loadFilters().then(({ renderFilterPanel, filterStyles }) => ({
        part: renderFilterPanel,
        styles: [filterStyles],
      })),
    errors: () => loadErrors().then((module) => ({ part: module, styles: [module.errorStyles] })),
    live: () => loadLiveData().then((module) => ({ part: module, styles: [module.liveDataStyles] })),
  };
}

/**
 * The parts fetched as an element connects, alongside its data rather than after it: its layout's (for `auto`, the
 * axis where the page is wide enough to show it, else the list), and with `refresh`, what keeps a reader's place
 * before the first change.
 */
export function earlyParts(layout: Layout, refresh: number | undefined): (keyof Parts)[] {
  const shown = layout === 'auto' ? (window.innerWidth < AXIS_MIN_WIDTH ? 'list' : 'axis') : layout;
  return refresh ? [shown, 'live'] : [shown];
}
