/**
 * Ids for imported data: what a valid id is, and unique ids made from headlines. Its own module, importing only
 * the schema's rules, because the light-DOM reader (a part of its own, loaded for html embeds) needs these and
 * nothing else of the importers.
 */
import { SCHEMA_RULES } from '../schema-rules.generated.js';

/** A stable, readable id from text: "Ada Lovelace" → "ada-lovelace". Empty when the text has no Latin letters or digits. */
export function slugify(text: string, maxLength = 60): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '') // accents, split off by NFKD
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= maxLength) return slug;
  const cut = slug.lastIndexOf('-', maxLength); // between words, not in the middle of one
  return slug.slice(0, cut > 0 ? cut : maxLength);
}

const ID_PATTERN = new RegExp(SCHEMA_RULES.$defs.id.pattern, 'u');
const ID_MAX_LENGTH = SCHEMA_RULES.$defs.id.maxLength;

/** Whether a string is a valid date-line id as it stands. */
export function isValidId(id: string): boolean {
  return id.length <= ID_MAX_LENGTH && ID_PATTERN.test(id);
}

/**
 * Hands out unique ids. Ids an author gave are reserved first, so a made-up id never takes one; made-up ids come
 * from the headline alone (not its position), so they survive adding or moving other events, and get "-2", "-3"
 * only when two headlines are the same.
 */
export class IdAllocator {
  private readonly used = new Set<string>();

  /** Reserves an author's id; false if it is already taken. */
  reserve(id: string): boolean {
    if (this.used.has(id)) return false;
    this.used.add(id);
    return true;
  }

  /** A free id from `text` (slugified), or from `fallback` when the text gives none. */
  make(text: string, fallback: string): string {
    const base = slugify(text) || fallback;
    let id = base;
    for (let n = 2; this.used.has(id); n++) id = `${base}-${n}`;
    this.used.add(id);
    return id;
  }
}
