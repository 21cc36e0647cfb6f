/**
 * Full-text search over skills: MiniSearch (BM25) with boosts for the name, description and
 * keywords, prefix and light fuzzy matching, updated one skill at a time as volumes change.
 */
import MiniSearch, { type SearchResult } from 'minisearch';

/** What is indexed of one skill (the copy that wins name resolution). */
export interface SkillDocument {
  readonly name: string;
  readonly description: string;
  readonly body: string;
  readonly category: string;
  readonly keywords: readonly string[];
  /**
   * The author's tags alone (`keywords` adds the names of inputs and outputs): what a message
   * must match to bring a skill into a model's context (an output named `review` is no topic).
   */
  readonly tags?: readonly string[];
  /** null for a context skill. */
  readonly runtime: string | null;
  readonly volume: string;
}

export interface SkillHit {
  readonly name: string;
  readonly description: string;
  readonly category: string;
  readonly runtime: string | null;
  readonly volume: string;
  readonly score: number;
  /** The document terms that matched, for highlighting (lower case). */
  readonly terms: readonly string[];
}

const BOOST = { name: 4, keywords: 2.5, description: 2, category: 1.5, body: 1 };

/** Words too common to say anything about a skill; dropping them keeps posting lists short. */
const STOP_WORDS = new Set(
  'a an and are as at be but by can do does for from has have how if in into is it its of on or so than that the their then there these this to was were what when which while with without you your use used using'.split(' '),
);
const processTerm = (term: string) => {
  const t = term.toLowerCase();
  return STOP_WORDS.has(t) ? null : t;
};

const HEAD_FIELDS = ['name', 'keywordText', 'description', 'category'];
/** What `relevant` reads: the head without the names of inputs and outputs. */
const RELEVANCE_FIELDS = ['name', 'tagText', 'description', 'category'];

/**
 * The least score a skill needs to be relevant to a message (see `SkillIndex.relevant`). A
 * whole word of the message in a skill's name, tags or description scores well above it
 * ("sine" in rc-lowpass's description: 7.7, "agent" in agent's name: 41); a greeting
 * matches no head at all, and one word found only as the start of a longer one stays below.
 */
export const MIN_RELEVANCE = 5;

/** Relevance ignores one-letter words ("what is 2+2" is about no skill named h2). */
const relevanceTerm = (term: string) => (term.length < 2 ? null : processTerm(term));

function toHit(r: SearchResult): SkillHit {
  return {
    name: r.name as string,
    description: r.description as string,
    category: r.category as string,
    runtime: (r.runtime as string | null) ?? null,
    volume: r.volume as string,
    score: r.score,
    terms: r.terms,
  };
}

export class SkillIndex {
  private readonly search_ = new MiniSearch<SkillDocument & { id: string; keywordText: string; tagText: string }>({
    idField: 'id',
    fields: ['name', 'description', 'keywordText', 'tagText', 'category', 'body'],
    storeFields: ['name', 'description', 'category', 'runtime', 'volume'],
    processTerm,
    // Words split at hyphens too, so "csv-stats" is found by "csv" and by "stats". (Indexing
    // whole names as well made every prefix expand into thousands of unique name tokens.)
    tokenize: (text) => text.split(/[\s\p{P}\p{S}]+/u).filter(Boolean),
    searchOptions: { boost: { ...BOOST, keywordText: BOOST.keywords }, prefix: (term) => term.length > 1, fuzzy: (term) => (term.length > 4 ? 0.2 : false), combineWith: 'OR' },
  });

  get size(): number {
    return this.search_.documentCount;
  }

  /** Adds a skill or replaces the indexed copy of it. */
  upsert(doc: SkillDocument): void {
    const entry = { ...doc, id: doc.name, keywordText: doc.keywords.join(' '), tagText: (doc.tags ?? doc.keywords).join(' ') };
    if (this.search_.has(doc.name)) this.search_.replace(entry);
    else this.search_.add(entry);
  }

  remove(name: string): void {
    if (this.search_.has(name)) this.search_.discard(name);
  }

  has(name: string): boolean {
    return this.search_.has(name);
  }

  /**
   * The best matches for `query`, best first, in widening steps taken only while there are
   * fewer than `limit` results: names, keywords, descriptions and categories by word and
   * prefix; the same forgiving typos; then the bodies — body words are in thousands of skills,
   * and scoring them all is what makes a search slow. An empty query returns nothing.
   */
  search(query: string, limit = 20): SkillHit[] {
    if (query.trim() === '') return [];
    const hits = this.search_.search(query, { fields: HEAD_FIELDS, fuzzy: false }).slice(0, limit).map(toHit);
    const seen = new Set(hits.map((h) => h.name));
    const add = (results: SearchResult[]) => {
      for (const r of results) {
        if (hits.length >= limit) break;
        if (!seen.has(r.name as string)) {
          seen.add(r.name as string);
          hits.push(toHit(r));
        }
      }
    };
    // Typos are forgiven only when the exact words found too little: fuzzy matching widens every term.
    if (hits.length < limit) add(this.search_.search(query, { fields: HEAD_FIELDS }));
    if (hits.length < limit) add(this.search_.search(query, { fields: ['body'], prefix: (term) => term.length > 3, fuzzy: false }));
    return hits;
  }

  /**
   * The skills a message is about, best first: its whole words (or words of four letters and
   * more as the start of longer ones: "review" finds "reviewing") in a skill's name, tags,
   * description or category, scoring at least `MIN_RELEVANCE`. Unlike `search`, never widened
   * by typos or by the instructions' text: what goes into a model's context must have matched,
   * and a greeting finds nothing.
   */
  relevant(query: string, limit = 8): SkillHit[] {
    if (query.trim() === '') return [];
    const results = this.search_.search(query, { fields: RELEVANCE_FIELDS, boost: { ...BOOST, tagText: BOOST.keywords }, fuzzy: false, prefix: (term) => term.length > 3, processTerm: relevanceTerm });
    return results
      .filter((r) => r.score >= MIN_RELEVANCE)
      .slice(0, limit)
      .map(toHit);
  }
}
