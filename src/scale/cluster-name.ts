/**
 * The name of a cluster of events, after its most important one: "Detroit arrest and 3 more". Pure, for the axis's
 * clusters and for any strip of events that gathers those it cannot show one by one (the story's time strip).
 */
import type { Messages, PluralText } from '../i18n/messages.js';
import { formatCount } from '../model/format.js';

/** The English name, which the English table leaves to this module (see Messages.clusterName). */
const ENGLISH: PluralText = { other: '{title} and {count} more' };

export interface ClusterName {
  /** The whole name: the headline of the cluster's most important event, and how many more it holds. */
  readonly text: string;
  /**
   * The name in three parts, for a view that shortens the headline alone when room is short ("Detroit arr… and 3
   * more"): the words before the headline, the headline, and the words after it.
   */
  readonly parts: readonly [before: string, title: string, after: string];
}

/**
 * Names a cluster of `count` events after the headline of its most important one (see AxisCluster.lead), in the
 * words of `locale`'s table: "Detroit arrest and 3 more", "Detroit arrest et 3 autres". A cluster of one is its
 * headline.
 */
export function clusterName(
  title: string,
  count: number,
  locale: string,
  words: Pick<Messages, 'clusterName'>,
): ClusterName {
  const [before, after = ''] =
    count > 1 ? formatCount(words.clusterName ?? ENGLISH, count - 1, locale).split('{title}') : ['', ''];
  return { text: before + title + after, parts: [before, title, after] };
}
