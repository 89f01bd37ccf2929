import type { MockInstitution } from './types';

/** Lower-case and strip accents so "credit" finds "Crédit" and "zurich" finds "Zürich". */
export function normalizeForSearch(value: string): string {
  return value
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

interface Indexed {
  institution: MockInstitution;
  /** normalized name with a leading space, so " word" finds a word start anywhere */
  spaced: string;
}

/** A ranked result that materializes only the page asked for. */
export interface SearchResult {
  readonly length: number;
  slice(start: number, end: number): MockInstitution[];
}

export interface InstitutionIndex {
  search(query: string, filter?: { supportsOauth?: boolean; supportsVerification?: boolean }): SearchResult;
}

/**
 * Names are normalized and sorted once, then joined into one string: a query is a run of
 * `indexOf` jumps over it (each matching institution is visited once, non-matching ones never),
 * and three rank buckets filled in sorted order need no per-query sort. Keeps p95 under 2 ms at
 * 20,000 institutions (npm run bench).
 */
export function buildInstitutionIndex(institutions: readonly MockInstitution[]): InstitutionIndex {
  const sorted: Indexed[] = institutions
    .map((institution) => ({ institution, spaced: ' ' + normalizeForSearch(institution.name) }))
    .sort((a, b) => {
      if (a.institution.is_popular !== b.institution.is_popular) return a.institution.is_popular ? -1 : 1;
      return a.spaced < b.spaced ? -1 : a.spaced > b.spaced ? 1 : 0;
    });
  const haystack = sorted.map((e) => e.spaced).join('\n');
  // position in the joined text → entry index, and where each entry starts
  const owner = new Int32Array(haystack.length + 1);
  const starts = new Int32Array(sorted.length + 1);
  let at = 0;
  sorted.forEach((entry, i) => {
    starts[i] = at;
    owner.fill(i, at, at + entry.spaced.length + 1);
    at += entry.spaced.length + 1;
  });
  starts[sorted.length] = haystack.length + 1;

  const resultOf = (order: Int32Array): SearchResult => ({
    length: order.length,
    slice: (from, to) =>
      Array.from(order.subarray(from, Math.min(to, order.length)), (i) => (sorted[i] as Indexed).institution),
  });
  const all = Int32Array.from(sorted.keys());

  return {
    search(query, filter = {}) {
      const q = normalizeForSearch(query);
      const { supportsOauth, supportsVerification } = filter;
      const unfiltered = supportsOauth === undefined && supportsVerification === undefined;
      const keep = (i: number) => {
        const institution = (sorted[i] as Indexed).institution;
        return (
          (supportsOauth === undefined || institution.supports_oauth === supportsOauth) &&
          (supportsVerification === undefined || institution.supports_account_verification === supportsVerification)
        );
      };
      if (q === '') return resultOf(unfiltered ? all : all.filter(keep));

      // one pass records each match and its rank (0 name prefix, 1 word prefix, 2 inside) ...
      const matches = new Int32Array(sorted.length);
      const ranks = new Uint8Array(sorted.length);
      const perRank = [0, 0, 0];
      let found = 0;
      const atStart = ' ' + q;
      let pos = haystack.indexOf(q);
      while (pos !== -1) {
        const i = owner[pos] ?? 0;
        if (keep(i)) {
          const word = (sorted[i] as Indexed).spaced.indexOf(atStart);
          const rank = word === 0 ? 0 : word > 0 ? 1 : 2;
          matches[found] = i;
          ranks[found] = rank;
          perRank[rank] = (perRank[rank] ?? 0) + 1;
          found += 1;
        }
        pos = haystack.indexOf(q, starts[i + 1] ?? haystack.length);
      }
      // ... and a stable counting sort by rank keeps the catalogue order inside each rank
      const next = [0, perRank[0] ?? 0, (perRank[0] ?? 0) + (perRank[1] ?? 0)];
      const order = new Int32Array(found);
      for (let k = 0; k < found; k += 1) {
        const rank = ranks[k] ?? 0;
        order[next[rank] ?? 0] = matches[k] ?? 0;
        next[rank] = (next[rank] ?? 0) + 1;
      }
      return resultOf(order);
    },
  };
}
