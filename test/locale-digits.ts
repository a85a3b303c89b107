import { expect } from '@open-wc/testing';

/**
 * Labels take their digits from the locale data of the reader's browser, and for Arabic that data differs
 * between engines. Chromium and Firefox bundle a recent ICU, whose CLDR data writes plain `ar` in Latin digits
 * ("26 مارس 2018"); WebKitGTK uses the system's ICU (Debian 12: ICU 72, CLDR 42), whose `ar` still defaults to
 * Arabic-Indic digits ("٢٦ مارس ٢٠١٨"), as some Arabic readers' browsers do. date-line does not override the
 * locale's digits, so the label must use exactly the digits this engine's `Intl` reports for the locale.
 */
const ARABIC_INDIC = '٠١٢٣٤٥٦٧٨٩';
export function inLocaleDigits(latin: string, locale: string): string {
  const { numberingSystem } = new Intl.DateTimeFormat(locale).resolvedOptions();
  expect(numberingSystem, `default digits of ${locale}`).to.be.oneOf(['latn', 'arab']);
  return numberingSystem === 'arab' ? latin.replace(/[0-9]/g, (digit) => ARABIC_INDIC[Number(digit)]) : latin;
}
