import type { MediaWords } from './messages.js';

/**
 * The English words of media (see MediaWords). Apart from the English message table, which the script-tag file
 * carries: only the media part (src/view/media/) imports them, so they arrive with it.
 */
export const englishMediaWords: MediaWords = {
  play: {
    video: 'Play video from {provider}',
    audio: 'Play audio from {provider}',
    document: 'Show document from {provider}',
    map: 'Show map from {provider}',
    post: 'Show post from {provider}',
    page: 'Show page from {provider}',
  },
  open: {
    video: 'Open video on {provider}',
    audio: 'Open audio on {provider}',
    image: 'Open image on {provider}',
    document: 'Open document on {provider}',
    map: 'Open map on {provider}',
    post: 'Open post on {provider}',
    page: 'Open page on {provider}',
    profile: 'Open profile on {provider}',
    article: 'Open article on {provider}',
    link: 'Open link to {provider}',
  },
  openOn: 'Open on {provider}',
  about: '{label}: {title}',
};
