import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { LitElement } from 'lit';
import { LocaleController } from '../../src/controllers/locale-controller.js';
import { englishMessages } from '../../src/i18n/messages.js';
import { parseTimeline } from '../../src/model/parse.js';

class LocaleProbe extends LitElement {
  static override properties = { locale: {} };
  declare locale?: string;
  readonly localization = new LocaleController(this);
}
customElements.define('locale-probe', LocaleProbe);

const event = parseTimeline({ version: 1, events: [{ id: 'x', date: '2014~', title: 'X' }] }).timeline!.events[0];

describe('LocaleController', () => {
  // [the lang around the element, its locale attribute, the locale in effect]
  const cases: [string, string | undefined, string][] = [
    ['fr-CA', undefined, 'fr-CA'],
    ['fr', 'de-AT', 'de-AT'],
    ['en-GB', 'not a tag!', 'en'],
  ];
  for (const [lang, locale, expected] of cases) {
    it(`inside lang="${lang}" with locale ${locale ?? 'unset'} is ${expected}`, async () => {
      const wrapper = await fixture<HTMLDivElement>(
        html`<div lang=${lang}><locale-probe .locale=${locale}></locale-probe></div>`,
      );
      const probe = wrapper.querySelector<LocaleProbe>('locale-probe')!;
      await probe.updateComplete;
      expect(probe.localization.locale).to.equal(expected);
    });
  }

  it('writes English words until the language’s table arrives, then its own, with new labels for its events', async () => {
    const probe = await fixture<LocaleProbe>(html`<locale-probe locale="fr"></locale-probe>`);
    await waitUntil(() => probe.localization.messages !== englishMessages, 'the French table never arrived');
    expect(probe.localization.labels.of(event)).to.equal('vers 2014');
    probe.locale = 'en-GB';
    await probe.updateComplete;
    expect(probe.localization.messages).to.equal(englishMessages);
    expect(probe.localization.labels.of(event)).to.equal('c. 2014');
  });

  it('keeps the table of the locale asked for last, whichever table arrives last', async () => {
    const probe = await fixture<LocaleProbe>(html`<locale-probe locale="ar"></locale-probe>`);
    probe.locale = 'de';
    await probe.updateComplete;
    await waitUntil(() => probe.localization.messages.close !== englishMessages.close, 'German never arrived');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(probe.localization.locale).to.equal('de');
    expect(probe.localization.messages.close).to.equal('Schließen');
  });

  it('reads the direction from the page, once per update', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div dir="rtl"><locale-probe></locale-probe></div>`);
    const probe = wrapper.querySelector<LocaleProbe>('locale-probe')!;
    expect(probe.localization.isRtl).to.equal(true);
    wrapper.dir = 'ltr';
    expect(probe.localization.isRtl, 'kept until the next update').to.equal(true);
    probe.requestUpdate();
    await probe.updateComplete;
    expect(probe.localization.isRtl).to.equal(false);
  });
});
