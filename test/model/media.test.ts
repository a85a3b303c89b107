import { expect } from '@open-wc/testing';
import { describeMedia, type MediaInfo } from '../../src/model/media.js';
import type { MediaData } from '../../src/model/types.js';

// describeMedia decides what leaves the page when a reader presses a facade, and what may be framed at all. What
// would catch its bugs: each provider's address forms (TimelineJS's all-media template among them) read to the
// exact embed address, in its privacy-enhanced form; look-alike hosts, scripts' schemes and malformed ids never
// reach a frame; TimelineJS's known misreadings (youtube.com/shorts, www.vimeo.com, "&amp;") read right.

const NOCOOKIE = 'https://www.youtube-nocookie.com/embed/';
const YOUTUBE_ALLOW = 'accelerometer; autoplay; encrypted-media; gyroscope; picture-in-picture';
const SANDBOX =
  'allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox allow-presentation allow-forms';

type Expected = Partial<Omit<MediaInfo, 'frame'>> & { frame?: Partial<NonNullable<MediaInfo['frame']>> };

/** [media (or its url), what describeMedia must give (the fields given are compared exactly)]. */
const CASES: [MediaData | string, Expected | undefined][] = [
  // YouTube: every address form to the nocookie player; start times in seconds.
  [
    'https://m.youtube.com/watch?v=pi2v1m6gmD8&t=5m21s',
    {
      display: 'player',
      kind: 'video',
      provider: 'YouTube',
      providerId: 'youtube',
      frame: {
        src: `${NOCOOKIE}pi2v1m6gmD8?autoplay=1&playsinline=1&start=321`,
        allow: YOUTUBE_ALLOW,
        sandbox: SANDBOX,
        referrerPolicy: 'strict-origin-when-cross-origin',
      },
      href: 'https://www.youtube.com/watch?v=pi2v1m6gmD8&t=321s',
      ratio: 16 / 9,
    },
  ],
  ['https://youtu.be/dQw4w9WgXcQ', { frame: { src: `${NOCOOKIE}dQw4w9WgXcQ?autoplay=1&playsinline=1` } }],
  ['https://youtu.be/dQw4w9WgXcQ?t=90', { frame: { src: `${NOCOOKIE}dQw4w9WgXcQ?autoplay=1&playsinline=1&start=90` } }],
  ['https://www.youtube.com/embed/dQw4w9WgXcQ', { frame: { src: `${NOCOOKIE}dQw4w9WgXcQ?autoplay=1&playsinline=1` } }],
  ['//www.youtube.com/embed/dQw4w9WgXcQ', { frame: { src: `${NOCOOKIE}dQw4w9WgXcQ?autoplay=1&playsinline=1` } }],
  [
    'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?start=10',
    { frame: { src: `${NOCOOKIE}dQw4w9WgXcQ?autoplay=1&playsinline=1&start=10` } },
  ],
  ['https://www.youtube.com/live/dQw4w9WgXcQ', { frame: { src: `${NOCOOKIE}dQw4w9WgXcQ?autoplay=1&playsinline=1` } }],
  // TimelineJS recognises /shorts/ but reads no id from it.
  [
    'https://www.youtube.com/shorts/abcDEF12345',
    { frame: { src: `${NOCOOKIE}abcDEF12345?autoplay=1&playsinline=1` }, ratio: 9 / 16 },
  ],
  [
    'https://www.youtube.com/playlist?list=PLFgquLnL59alCl_2TQvOiD5Vgm1hCaGSI',
    {
      frame: { src: `${NOCOOKIE}videoseries?list=PLFgquLnL59alCl_2TQvOiD5Vgm1hCaGSI&autoplay=1&playsinline=1` },
      href: 'https://www.youtube.com/playlist?list=PLFgquLnL59alCl_2TQvOiD5Vgm1hCaGSI',
    },
  ],
  ['https://www.youtube.com/@NASA', { display: 'link', kind: 'page', provider: 'YouTube' }],
  // A malformed id is not put into an address.
  ['https://www.youtube.com/watch?v=%3Cscript%3E', { display: 'link', kind: 'page' }],
  // Look-alike hosts are other sites.
  ['https://evil.example/youtube.com/watch?v=dQw4w9WgXcQ', { display: 'link', provider: 'evil.example' }],
  ['https://youtube.com.evil.example/watch?v=dQw4w9WgXcQ', { display: 'link', provider: 'youtube.com.evil.example' }],

  // Vimeo, with dnt=1; www.vimeo.com (TimelineJS's catch-all takes it for an image), unlisted hashes, "&amp;".
  [
    'http://vimeo.com/20839673',
    {
      display: 'player',
      kind: 'video',
      provider: 'Vimeo',
      frame: {
        src: 'https://player.vimeo.com/video/20839673?dnt=1&autoplay=1',
        allow: 'autoplay; encrypted-media; picture-in-picture',
      },
      href: 'https://vimeo.com/20839673',
    },
  ],
  ['https://www.vimeo.com/20839673', { frame: { src: 'https://player.vimeo.com/video/20839673?dnt=1&autoplay=1' } }],
  [
    'https://vimeo.com/channels/staffpicks/76979871',
    { frame: { src: 'https://player.vimeo.com/video/76979871?dnt=1&autoplay=1' } },
  ],
  [
    'https://vimeo.com/76979871/1a2b3c4d5e',
    {
      frame: { src: 'https://player.vimeo.com/video/76979871?dnt=1&autoplay=1&h=1a2b3c4d5e' },
      href: 'https://vimeo.com/76979871/1a2b3c4d5e',
    },
  ],
  [
    'https://player.vimeo.com/video/76979871?title=0&amp;h=1a2b3c4d5e&amp;byline=0',
    { frame: { src: 'https://player.vimeo.com/video/76979871?dnt=1&autoplay=1&h=1a2b3c4d5e' } },
  ],
  [
    'https://vimeo.com/76979871#t=1m30s',
    { frame: { src: 'https://player.vimeo.com/video/76979871?dnt=1&autoplay=1#t=1m30s' } },
  ],

  // Dailymotion needs an account's Player ID: a card, unless the address is such a player.
  [
    'http://www.dailymotion.com/video/x2fo0e8_the-history-of-advertising-in-60-seconds_lifestyle',
    {
      display: 'link',
      kind: 'video',
      provider: 'Dailymotion',
      href: 'http://www.dailymotion.com/video/x2fo0e8_the-history-of-advertising-in-60-seconds_lifestyle',
    },
  ],
  [
    'https://geo.dailymotion.com/player/xabc1.html?video=x84sh87',
    {
      display: 'player',
      frame: {
        src: 'https://geo.dailymotion.com/player/xabc1.html?video=x84sh87',
        allow: 'autoplay; fullscreen; picture-in-picture; web-share',
      },
    },
  ],
  ['https://dai.ly/x84sh87', { display: 'link', kind: 'video', provider: 'Dailymotion' }],

  // TikTok's documented player.
  [
    'https://www.tiktok.com/@colbertlateshow/video/7611014647642098958?is_from_webapp=1&sender_device=pc',
    {
      display: 'player',
      kind: 'video',
      provider: 'TikTok',
      frame: { src: 'https://www.tiktok.com/player/v1/7611014647642098958?autoplay=1' },
      ratio: 9 / 16,
    },
  ],
  ['https://www.tiktok.com/@colbertlateshow', { display: 'link', kind: 'profile', provider: 'TikTok' }],

  // Bluesky: its embed needs a DID, which a handle does not give without Bluesky's API.
  [
    'https://bsky.app/profile/weratedogs.com/post/3mfpmuusv2k2t',
    {
      display: 'link',
      kind: 'post',
      provider: 'Bluesky',
      href: 'https://bsky.app/profile/weratedogs.com/post/3mfpmuusv2k2t',
    },
  ],
  [
    'https://bsky.app/profile/did:plc:z72i7hdynmk6r22z27h6tvur/post/3mfpmuusv2k2t',
    {
      display: 'player',
      kind: 'post',
      frame: { src: 'https://embed.bsky.app/embed/did:plc:z72i7hdynmk6r22z27h6tvur/app.bsky.feed.post/3mfpmuusv2k2t' },
    },
  ],
  ['https://bsky.app/profile/weratedogs.com', { display: 'link', kind: 'profile' }],

  // SoundCloud: a page's address is not confirmed for its widget; an API address is.
  [
    'https://soundcloud.com/usher-raymond-music/usher-i-dont-mind-feat-juicy-j',
    { display: 'link', kind: 'audio', provider: 'SoundCloud' },
  ],
  [
    'https://api.soundcloud.com/tracks/293',
    {
      display: 'player',
      kind: 'audio',
      frame: {
        src: 'https://w.soundcloud.com/player/?url=https%3A%2F%2Fapi.soundcloud.com%2Ftracks%2F293&auto_play=true',
        allow: 'autoplay',
      },
      height: 166,
    },
  ],

  // Spotify's embeds, from every address form TimelineJS's template uses and today's.
  [
    'https://play.spotify.com/artist/2iE18Oxc8YSumAU232n4rW',
    {
      display: 'player',
      kind: 'audio',
      provider: 'Spotify',
      frame: {
        src: 'https://open.spotify.com/embed/artist/2iE18Oxc8YSumAU232n4rW',
        allow: 'autoplay; clipboard-write; encrypted-media; fullscreen; picture-in-picture',
      },
      href: 'https://open.spotify.com/artist/2iE18Oxc8YSumAU232n4rW',
      height: 352,
    },
  ],
  [
    'https://play.spotify.com/user/edvard_m/playlist/4xFSdiuP4gpR4wq2OghlOs',
    { frame: { src: 'https://open.spotify.com/embed/playlist/4xFSdiuP4gpR4wq2OghlOs' }, height: 352 },
  ],
  [
    'https://play.spotify.com/track/5SdB3onMcO9ZBoKrdvCqhR',
    { frame: { src: 'https://open.spotify.com/embed/track/5SdB3onMcO9ZBoKrdvCqhR' }, height: 152 },
  ],
  [
    'https://open.spotify.com/intl-de/episode/5SdB3onMcO9ZBoKrdvCqhR?si=abc',
    { frame: { src: 'https://open.spotify.com/embed/episode/5SdB3onMcO9ZBoKrdvCqhR' }, height: 152 },
  ],
  [
    'https://embed.spotify.com/?uri=spotify:album:4aawyAB9vmqN3uQ7FjRGTy',
    { frame: { src: 'https://open.spotify.com/embed/album/4aawyAB9vmqN3uQ7FjRGTy' } },
  ],

  // X: no script-free embed.
  ['https://twitter.com/yayitsrob/status/1265638281783447552', { display: 'link', kind: 'post', provider: 'X' }],
  ['https://x.com/NASA/status/1', { display: 'link', kind: 'post', provider: 'X' }],
  ['https://twitter.com/NASA', { display: 'link', kind: 'profile', provider: 'X' }],

  // Google Maps: a key for its embed API; a map's own embed address is framed as given.
  ['https://www.google.com/maps/@42.032147,-87.6689625,15z', { display: 'link', kind: 'map', provider: 'Google Maps' }],
  ['https://www.google.com/maps/search/target/@41.8747339,-87.6481257,13z?hl=en-US', { display: 'link', kind: 'map' }],
  ['https://maps.app.goo.gl/abc', { display: 'link', kind: 'map', provider: 'Google Maps' }],
  [
    'https://www.google.com/maps/embed?pb=!1m18!1m12',
    { display: 'player', kind: 'map', frame: { src: 'https://www.google.com/maps/embed?pb=!1m18!1m12' }, ratio: 4 / 3 },
  ],
  ['https://www.google.com/search?q=maps', { display: 'link', kind: 'link', provider: 'www.google.com' }],

  // Instagram, Flickr, Imgur, DocumentCloud, Wikipedia, Wistia: cards.
  ['http://instagram.com/p/ymwL5JAsw5/', { display: 'link', kind: 'post', provider: 'Instagram' }],
  ['http://instagram.com/lukerague/', { display: 'link', kind: 'profile', provider: 'Instagram' }],
  ['https://www.flickr.com/photos/critterseeker/16420145375', { display: 'link', kind: 'image', provider: 'Flickr' }],
  ['https://flic.kr/p/2j3fiqw', { display: 'link', kind: 'image', provider: 'Flickr' }],
  ['https://imgur.com/gallery/NRpFrrk', { display: 'link', kind: 'image', provider: 'Imgur' }],
  [
    'https://www.documentcloud.org/documents/1377371-folketinget.html',
    { display: 'link', kind: 'document', provider: 'DocumentCloud' },
  ],
  ['https://en.wikipedia.org/wiki/Mechanical_Turk', { display: 'link', kind: 'article', provider: 'Wikipedia' }],
  ['https://lakeshore.wistia.com/medias/g2h5ddrucc', { display: 'link', kind: 'video', provider: 'Wistia' }],
  [
    'http://fast.wistia.net/embed/iframe/g2h5ddrucc',
    { display: 'player', kind: 'video', frame: { src: 'https://fast.wistia.net/embed/iframe/g2h5ddrucc' } },
  ],

  // Google Docs and Drive: their preview pages.
  [
    'https://docs.google.com/document/d/1WxDrrS0Sx1D4p-TEwz3T8HUfQalBUvBV8C_1DHCOVUQ/edit',
    {
      display: 'player',
      kind: 'document',
      provider: 'Google Docs',
      frame: { src: 'https://docs.google.com/document/d/1WxDrrS0Sx1D4p-TEwz3T8HUfQalBUvBV8C_1DHCOVUQ/preview' },
    },
  ],
  [
    'https://drive.google.com/file/d/10YmjqDEEThebdRQ1Ws2J5PRpDXbFDjTL/view?usp=sharing',
    {
      display: 'player',
      provider: 'Google Drive',
      frame: { src: 'https://drive.google.com/file/d/10YmjqDEEThebdRQ1Ws2J5PRpDXbFDjTL/preview' },
    },
  ],
  [
    'https://drive.google.com/uc?id=10YmjqDEEThebdRQ1Ws2J5PRpDXbFDjTL',
    { frame: { src: 'https://drive.google.com/file/d/10YmjqDEEThebdRQ1Ws2J5PRpDXbFDjTL/preview' } },
  ],
  ['https://drive.google.com/drive/folders/abc', { display: 'link', kind: 'document', provider: 'Google Drive' }],

  // Wikimedia file pages: the file itself, through Special:FilePath; the page stays the link (licence, author).
  [
    'https://commons.wikimedia.org/wiki/File:Beryl-Quartz-Emerald-Zambia-33mm_0885.jpg',
    {
      display: 'image',
      kind: 'image',
      provider: 'Wikimedia Commons',
      src: 'https://commons.wikimedia.org/wiki/Special:FilePath/Beryl-Quartz-Emerald-Zambia-33mm_0885.jpg?width=1280',
      href: 'https://commons.wikimedia.org/wiki/File:Beryl-Quartz-Emerald-Zambia-33mm_0885.jpg',
    },
  ],
  [
    'https://en.wikipedia.org/wiki/Moraine_Lake#/media/File:Moraine_Lake_17092005.jpg',
    {
      display: 'image',
      provider: 'Wikipedia',
      src: 'https://en.wikipedia.org/wiki/Special:FilePath/Moraine_Lake_17092005.jpg?width=1280',
    },
  ],
  [
    'https://commons.wikimedia.org/wiki/File:Bach_cello_suite.ogg',
    { display: 'audio', src: 'https://commons.wikimedia.org/wiki/Special:FilePath/Bach_cello_suite.ogg' },
  ],

  // Files, by extension or by type; Dropbox's page of a file becomes the file.
  [
    'https://lh4.googleusercontent.com/-QO1O34U4z7k/Ui4OnAkgWjI/AAAAAAAAQv4/eDSXlUlwcKs/w622-h415-no/IMG_7898.JPG',
    { display: 'image', kind: 'image', provider: 'lh4.googleusercontent.com' },
  ],
  ['https://media.giphy.com/media/Bzxeif0cR11ny/giphy.gif', { display: 'image', provider: 'media.giphy.com' }],
  ['https://i.imgur.com/NRpFrrk.png', { display: 'image', provider: 'i.imgur.com' }],
  [
    'https://upload.wikimedia.org/wikipedia/commons/thumb/c/c5/Moraine_Lake_17092005.jpg/960px-Moraine_Lake_17092005.jpg',
    { display: 'image', provider: 'upload.wikimedia.org' },
  ],
  ['https://soundcite.knightlab.com/media/bach-cello-suite.mp3', { display: 'audio', kind: 'audio' }],
  ['https://uploads.knightlab.com/escalator.mp4', { display: 'video', kind: 'video', ratio: 16 / 9 }],
  ['https://example.com/clip.webm?x=1#t=3', { display: 'video', src: 'https://example.com/clip.webm?x=1#t=3' }],
  [
    'https://www.dropbox.com/s/abc/photo.jpg?dl=0',
    { display: 'image', provider: 'Dropbox', src: 'https://www.dropbox.com/s/abc/photo.jpg?raw=1' },
  ],
  [
    { url: 'https://example.com/photo', type: 'image' },
    { display: 'image', src: 'https://example.com/photo' },
  ],
  [
    { url: 'https://example.com/stream', type: 'audio' },
    { display: 'audio', src: 'https://example.com/stream' },
  ],
  ['images/photo.jpg', { display: 'image', src: 'images/photo.jpg', provider: 'images/photo.jpg' }],
  [
    { url: 'https://example.com/poster-less.mp4', thumbnail: 'https://example.com/p.jpg' },
    { display: 'video', poster: 'https://example.com/p.jpg' },
  ],

  // A PDF in the browser's own viewer, which refuses a sandbox.
  [
    'https://www.w3.org/WAI/ER/tests/xhtml/testfiles/resources/pdf/dummy.pdf',
    {
      display: 'player',
      kind: 'document',
      provider: 'www.w3.org',
      frame: {
        src: 'https://www.w3.org/WAI/ER/tests/xhtml/testfiles/resources/pdf/dummy.pdf',
        allow: 'fullscreen',
        sandbox: undefined,
      },
    },
  ],

  // type "embed": a page made to be framed (a TimelineJS slide's <iframe>); type "link": a card, whatever it is.
  [
    { url: 'https://cdn.knightlab.com/libs/timeline3/latest/embed/index.html?source=1x&font=Default', type: 'embed' },
    {
      display: 'player',
      kind: 'page',
      provider: 'cdn.knightlab.com',
      frame: {
        src: 'https://cdn.knightlab.com/libs/timeline3/latest/embed/index.html?source=1x&font=Default',
        allow: 'fullscreen',
        sandbox: SANDBOX,
      },
    },
  ],
  [
    { url: 'charts/chart.html', type: 'embed' },
    { display: 'player', kind: 'page', frame: { src: 'charts/chart.html' } },
  ],
  // The author's type wins over the extension.
  [
    { url: 'https://example.org/generated/chart.png', type: 'embed' },
    { display: 'player', kind: 'page', frame: { src: 'https://example.org/generated/chart.png', sandbox: SANDBOX } },
  ],
  [
    { url: 'https://example.org/report.pdf', type: 'embed' },
    { display: 'player', kind: 'document', frame: { sandbox: undefined } },
  ],
  [
    { url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ', type: 'link' },
    { display: 'link', kind: 'video', provider: 'YouTube', href: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ' },
  ],
  [
    { url: 'https://twitter.com/NASA/status/1', type: 'embed' },
    { display: 'player', kind: 'post', frame: { src: 'https://twitter.com/NASA/status/1' } },
  ],
  ['https://example.com/about', { display: 'link', kind: 'link', provider: 'example.com' }],
  ['https://vine.co/v/abc', { display: 'link', kind: 'video', provider: 'Vine' }],

  // Quotations: text, with their source when they have one.
  [
    { quote: 'This is a block quote.', credit: 'Galactic' },
    { display: 'quote', kind: 'quote', quote: 'This is a block quote.', provider: '', href: undefined },
  ],
  [
    { quote: '2018 will be the year of the dog.', url: 'https://twitter.com/ItsMeKitB/status/947888817486192641' },
    { display: 'quote', provider: 'X', href: 'https://twitter.com/ItsMeKitB/status/947888817486192641' },
  ],

  // Nothing to show.
  ['javascript:alert(1)', undefined],
  ['data:image/png;base64,AAAA', undefined],
  [{ url: 'ftp://example.com/a.mp4', type: 'embed' }, undefined],
  [{ url: 'https://[' }, undefined],
  [{}, undefined],
];

describe('describeMedia', () => {
  for (const [input, expected] of CASES) {
    const media: MediaData = typeof input === 'string' ? { url: input } : input;
    it(`${JSON.stringify(media)}`, () => {
      const info = describeMedia(media);
      if (expected === undefined) {
        expect(info).to.equal(undefined);
        return;
      }
      expect(info, 'described').to.exist;
      const { frame, ...rest } = expected;
      for (const [key, value] of Object.entries(rest)) expect(info![key as keyof MediaInfo], key).to.deep.equal(value);
      if (frame) {
        expect(info!.frame, 'frame').to.exist;
        for (const [key, value] of Object.entries(frame))
          expect(info!.frame![key as keyof typeof frame], `frame.${key}`).to.deep.equal(value);
      }
    });
  }

  it('frames only http(s) addresses or page-relative ones, each with a link to open it and a size', () => {
    for (const [input] of CASES) {
      const info = describeMedia(typeof input === 'string' ? { url: input } : input);
      if (info?.display !== 'player') continue;
      const src = new URL(info.frame!.src, 'https://page.example/');
      expect(src.protocol, info.frame!.src).to.match(/^https?:$/);
      expect(info.href, info.frame!.src).to.be.a('string');
      expect(info.ratio ?? info.height, info.frame!.src).to.be.greaterThan(0);
      expect(info.frame!.referrerPolicy).to.equal('strict-origin-when-cross-origin');
    }
  });

  it("never asks a provider for a poster: the poster is the data's thumbnail or none", () => {
    for (const [input] of CASES) {
      const info = describeMedia(typeof input === 'string' ? { url: input } : input);
      expect(info?.poster, JSON.stringify(input)).to.equal(typeof input === 'string' ? undefined : input.thumbnail);
    }
    const withThumbnail = describeMedia({ url: 'https://youtu.be/dQw4w9WgXcQ', thumbnail: 'poster.jpg' });
    expect(withThumbnail!.poster).to.equal('poster.jpg');
  });
});
