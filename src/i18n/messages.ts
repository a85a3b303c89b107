/**
 * The words date-line itself shows, per language. Date labels come from `Intl.DateTimeFormat`, so every
 * locale gets localized dates; these tables cover the interface text and the date qualifiers. A locale
 * without a table falls back to its language, then to English.
 */
export interface Messages {
  /** Approximate date (EDTF ~). `{date}` is the date label. */
  approximate: string;
  /** Uncertain date (EDTF ?). */
  uncertain: string;
  /** Approximate and uncertain (EDTF %). */
  approximateUncertain: string;
  /** An interval whose start is open ("../2017-03-09"). */
  openStart: string;
  /** An interval whose end is open ("2017/.."). */
  openEnd: string;
  /** The era names to use instead of Intl's, where the house style differs ("BCE" and "CE" in English). */
  eras?: { bce: string; ce: string };
  loading: string;
  errorTitle: string;
  /** `{count}` more problems than the ones listed. */
  moreErrors: string;
  noEvents: string;
  /** Accessible name of the event list; `{count}` is the number of events. */
  eventList: string;
  sources: string;
  context: string;
  contextHint: string;
  aboutDate: string;
  previous: string;
  next: string;
  close: string;
  zoomIn: string;
  zoomOut: string;
  fit: string;
  /** Live-region text when an event is opened: `{date}` and `{title}`. */
  announceSelect: string;
  /** Live-region text when the visible range changes: `{range}`. */
  announceRange: string;
  copyLink: string;
  linkCopied: string;
  filters: string;
  groups: string;
  tags: string;
  allEvents: string;
  /** A cluster of events too close to show one by one: `{count}`. */
  clusterLabel: string;
  /** Events beyond the left (earlier) and right (later) edges of the axis: `{count}`. */
  earlier: string;
  later: string;
  layoutAxis: string;
  layoutList: string;
  /** Label of the element that holds the timeline, when it has no title. */
  timeline: string;
}

const en: Messages = {
  approximate: 'c. {date}',
  uncertain: '{date}?',
  approximateUncertain: 'c. {date}?',
  openStart: 'until {date}',
  openEnd: 'from {date}',
  eras: { bce: 'BCE', ce: 'CE' },
  loading: 'Loading the timeline…',
  errorTitle: 'This timeline could not be shown',
  moreErrors: '…and {count} more.',
  noEvents: 'This timeline has no events.',
  eventList: 'Events, {count} in all',
  sources: 'Sources',
  context: 'Context',
  contextHint: 'Background that the story itself does not mention',
  aboutDate: 'About the date',
  previous: 'Previous event',
  next: 'Next event',
  close: 'Close',
  zoomIn: 'Zoom in',
  zoomOut: 'Zoom out',
  fit: 'Show all',
  announceSelect: '{date}: {title}',
  announceRange: 'Showing {range}',
  copyLink: 'Copy link to this event',
  linkCopied: 'Link copied',
  filters: 'Filter events',
  groups: 'Groups',
  tags: 'Tags',
  allEvents: 'Show all events',
  clusterLabel: '{count} more events here; zoom in to see them',
  earlier: '{count} earlier events; show the nearest',
  later: '{count} later events; show the nearest',
  layoutAxis: 'Time axis',
  layoutList: 'List',
  timeline: 'Timeline',
};

const fr: Messages = {
  approximate: 'vers {date}',
  uncertain: '{date} ?',
  approximateUncertain: 'vers {date} ?',
  openStart: 'jusqu’à {date}',
  openEnd: 'à partir de {date}',
  loading: 'Chargement de la chronologie…',
  errorTitle: 'Impossible d’afficher cette chronologie',
  moreErrors: '…et {count} autres.',
  noEvents: 'Cette chronologie ne contient aucun événement.',
  eventList: 'Événements, {count} au total',
  sources: 'Sources',
  context: 'Contexte',
  contextHint: 'Contexte que l’article lui-même ne mentionne pas',
  aboutDate: 'À propos de la date',
  previous: 'Événement précédent',
  next: 'Événement suivant',
  close: 'Fermer',
  zoomIn: 'Zoom avant',
  zoomOut: 'Zoom arrière',
  fit: 'Tout afficher',
  announceSelect: '{date} : {title}',
  announceRange: 'Affichage : {range}',
  copyLink: 'Copier le lien vers cet événement',
  linkCopied: 'Lien copié',
  filters: 'Filtrer les événements',
  groups: 'Groupes',
  tags: 'Mots-clés',
  allEvents: 'Afficher tous les événements',
  clusterLabel: '{count} autres événements ici ; zoomer pour les voir',
  earlier: '{count} événements antérieurs ; afficher le plus proche',
  later: '{count} événements postérieurs ; afficher le plus proche',
  layoutAxis: 'Axe du temps',
  layoutList: 'Liste',
  timeline: 'Chronologie',
};

const ar: Messages = {
  approximate: 'حوالي {date}',
  uncertain: '{date}؟',
  approximateUncertain: 'حوالي {date}؟',
  openStart: 'حتى {date}',
  openEnd: 'منذ {date}',
  loading: 'جارٍ تحميل الخط الزمني…',
  errorTitle: 'تعذّر عرض هذا الخط الزمني',
  moreErrors: '…و{count} مشكلات أخرى.',
  noEvents: 'لا يحتوي هذا الخط الزمني على أحداث.',
  eventList: 'الأحداث، {count} في المجموع',
  sources: 'المصادر',
  context: 'سياق',
  contextHint: 'خلفية لا يذكرها المقال نفسه',
  aboutDate: 'عن التاريخ',
  previous: 'الحدث السابق',
  next: 'الحدث التالي',
  close: 'إغلاق',
  zoomIn: 'تكبير',
  zoomOut: 'تصغير',
  fit: 'عرض الكل',
  announceSelect: '{date}: {title}',
  announceRange: 'يُعرض {range}',
  copyLink: 'نسخ رابط هذا الحدث',
  linkCopied: 'تم نسخ الرابط',
  filters: 'تصفية الأحداث',
  groups: 'المجموعات',
  tags: 'الوسوم',
  allEvents: 'عرض كل الأحداث',
  clusterLabel: '{count} أحداث أخرى هنا؛ كبّر لرؤيتها',
  earlier: '{count} أحداث سابقة؛ اعرض الأقرب',
  later: '{count} أحداث لاحقة؛ اعرض الأقرب',
  layoutAxis: 'محور زمني',
  layoutList: 'قائمة',
  timeline: 'خط زمني',
};

const de: Messages = {
  approximate: 'um {date}',
  uncertain: '{date}?',
  approximateUncertain: 'um {date}?',
  openStart: 'bis {date}',
  openEnd: 'ab {date}',
  loading: 'Zeitleiste wird geladen…',
  errorTitle: 'Diese Zeitleiste kann nicht angezeigt werden',
  moreErrors: '…und {count} weitere.',
  noEvents: 'Diese Zeitleiste enthält keine Ereignisse.',
  eventList: 'Ereignisse, insgesamt {count}',
  sources: 'Quellen',
  context: 'Kontext',
  contextHint: 'Hintergrund, den der Artikel selbst nicht erwähnt',
  aboutDate: 'Zum Datum',
  previous: 'Vorheriges Ereignis',
  next: 'Nächstes Ereignis',
  close: 'Schließen',
  zoomIn: 'Vergrößern',
  zoomOut: 'Verkleinern',
  fit: 'Alles zeigen',
  announceSelect: '{date}: {title}',
  announceRange: 'Zeitraum: {range}',
  copyLink: 'Link zu diesem Ereignis kopieren',
  linkCopied: 'Link kopiert',
  filters: 'Ereignisse filtern',
  groups: 'Gruppen',
  tags: 'Schlagwörter',
  allEvents: 'Alle Ereignisse zeigen',
  clusterLabel: '{count} weitere Ereignisse hier; zum Ansehen vergrößern',
  earlier: '{count} frühere Ereignisse; das nächste zeigen',
  later: '{count} spätere Ereignisse; das nächste zeigen',
  layoutAxis: 'Zeitachse',
  layoutList: 'Liste',
  timeline: 'Zeitleiste',
};

const TABLES: Record<string, Messages> = { en, fr, ar, de };

/** The message table for a BCP 47 locale: the exact tag, then its language, then English. */
export function messagesFor(locale: string): Messages {
  const tag = locale.toLowerCase();
  return TABLES[tag] ?? TABLES[tag.split('-')[0]] ?? en;
}

/** Fills `{name}` placeholders. Values are plain text; the caller renders the result as text. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
