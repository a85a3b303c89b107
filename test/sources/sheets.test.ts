import { expect } from '@open-wc/testing';
import { sheetSource } from '../../src/sources/sheets.js';

const BASE = 'https://news.example/2018/ice-palantir.html';
const ID = '2PACX-1vT0a_bC-dE';
const KEY = '1AbC-dEfGhIjKlMnOpQrStUvWxYz_0123456789abcd';

describe('sheetSource: Google Sheets links as people copy them', () => {
  const published: [string, string, string][] = [
    ['the web page of a whole document', `/d/e/${ID}/pubhtml`, `/d/e/${ID}/pub?output=csv`],
    [
      'the web page of one sheet',
      `/d/e/${ID}/pubhtml?gid=1234&single=true`,
      `/d/e/${ID}/pub?gid=1234&single=true&output=csv`,
    ],
    [
      'a published page with the sheet in its fragment',
      `/d/e/${ID}/pubhtml#gid=77`,
      `/d/e/${ID}/pub?gid=77&single=true&output=csv`,
    ],
    [
      'the sheet view of a published page',
      `/d/e/${ID}/pubhtml/sheet?headers=false&gid=5`,
      `/d/e/${ID}/pub?gid=5&single=true&output=csv`,
    ],
    ['the CSV of a whole document', `/d/e/${ID}/pub?output=csv`, `/d/e/${ID}/pub?output=csv`],
    [
      'the CSV of one sheet',
      `/d/e/${ID}/pub?gid=0&single=true&output=csv`,
      `/d/e/${ID}/pub?gid=0&single=true&output=csv`,
    ],
    [
      'the CSV of one sheet without single',
      `/d/e/${ID}/pub?gid=9&output=csv`,
      `/d/e/${ID}/pub?gid=9&single=true&output=csv`,
    ],
    [
      'the TSV of a sheet',
      `/d/e/${ID}/pub?gid=0&single=true&output=tsv`,
      `/d/e/${ID}/pub?gid=0&single=true&output=csv`,
    ],
    ['an Excel file', `/d/e/${ID}/pub?output=xlsx`, `/d/e/${ID}/pub?output=csv`],
    [
      'a range of a sheet',
      `/d/e/${ID}/pub?gid=0&range=A1:R40&output=csv`,
      `/d/e/${ID}/pub?gid=0&single=true&range=A1%3AR40&output=csv`,
    ],
    ['an older published link (by key)', `/d/${KEY}/pubhtml`, `/d/${KEY}/pub?output=csv`],
    ['a link copied while signed in to a second account', `/u/1/d/e/${ID}/pubhtml`, `/d/e/${ID}/pub?output=csv`],
  ];
  for (const [name, path, csv] of published) {
    it(`reads ${name} as its CSV`, () => {
      expect(sheetSource(`https://docs.google.com/spreadsheets${path}`, BASE)).to.deep.equal({
        url: `https://docs.google.com/spreadsheets${csv}`,
      });
    });
  }

  it('asks for the CSV over https, whatever the link says', () => {
    expect(sheetSource(`http://docs.google.com/spreadsheets/d/e/${ID}/pubhtml`, BASE)).to.deep.equal({
      url: `https://docs.google.com/spreadsheets/d/e/${ID}/pub?output=csv`,
    });
  });

  const editing = [
    `/d/${KEY}/edit#gid=0`,
    `/d/${KEY}/edit?usp=sharing`,
    `/d/${KEY}/edit?gid=1234#gid=1234`,
    `/d/${KEY}/view`,
    `/d/${KEY}/htmlview`,
    `/d/${KEY}`,
    `/d/${KEY}/`,
  ];
  for (const path of editing) {
    it(`explains how to publish a sheet given by its editing link ${path}`, () => {
      const src = `https://docs.google.com/spreadsheets${path}`;
      const result = sheetSource(src, BASE);
      expect(result).to.have.property('error');
      const { error } = result as { error: string };
      expect(error).to.include(`"${src}" is the link for editing a Google Sheet`);
      expect(error).to.match(/File › Share › Publish to web/);
      expect(error).to.match(/Comma-separated values \(\.csv\)/);
    });
  }

  it('leaves every other address alone, a sheet’s own CSV export among them', () => {
    for (const src of [
      'timeline.csv',
      '/data/timeline.json',
      'https://example.com/spreadsheets/d/e/x/pubhtml',
      `https://docs.google.com/spreadsheets/d/${KEY}/export?format=csv&gid=0`,
      `https://docs.google.com/document/d/${KEY}/edit`,
      'http://[invalid',
    ])
      expect(sheetSource(src, BASE), src).to.deep.equal({ url: src });
  });
});
