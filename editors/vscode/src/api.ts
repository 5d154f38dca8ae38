/** The parts of pattern-searchd's /v1 JSON that the extension reads (docs/api/openapi.yaml has all of it). */

export interface SearchHit {
  id: string;
  title: string;
  description: string;
  pillar: string;
  status: string;
  tags: string[];
  section: string;
  section_title: string;
  snippet: string; // HTML: corpus text escaped, matches wrapped in <mark>
  score: number;
  path: string;
  line: number;
  line_end: number;
}

export interface SearchResult {
  query: string;
  total: number;
  hits: SearchHit[];
  did_you_mean?: string;
}

export interface Suggestion {
  text: string;
  kind: 'title' | 'term';
  id?: string; // the pattern id, for title suggestions
}

export interface SuggestResult {
  query: string;
  suggestions: Suggestion[];
}

export interface PatternSection {
  id: string;
  title: string;
  markdown: string;
  line: number;
  line_end: number;
}

export interface Pattern {
  id: string;
  title: string;
  description: string;
  pillar: string;
  status: string;
  symptoms?: string[];
  path: string;
  sections: PatternSection[];
}
