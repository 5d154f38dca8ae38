/** @file
 *  @brief Searcher: Xapian matching with collapse, per-pattern facets, snippets and spelling fallback.
 *  Xapian errors are caught here and become SearchError; no Xapian type escapes the query library.
 */
#include "searcher.h"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <set>
#include <unordered_map>

#include "case_study_search.h"
#include "explain.h"
#include "facet_spy.h"
#include "index_probe.h"
#include "pattern_ranking.h"
#include "read_cache.h"
#include "rerank.h"
#include "schema.h"
#include "search_error.h"
#include "similar.h"
#include "symptom_match.h"
#include "text_words.h"

namespace pai {
namespace {

constexpr std::size_t kSnippetLength = 240;
constexpr std::size_t kMaxTermsScannedForSuggest = 4000;
// No background model (a term frequency lookup per word of the text) and not exhaustive: the first good
// window is enough for a one-line snippet, and costs a fraction of the exhaustive search.
constexpr unsigned kSnippetFlags = 0;

/// Xapian's English stemmer behind a cache: a snippet stems every word of its hit's text, and the same
/// words come back search after search, so this takes most of the cost out of snippets.
class CachedStemmer : public Xapian::StemImplementation {
public:
    std::string operator()(const std::string& word) override {
        if (const auto found = cache_.find(word); found != cache_.end()) return found->second;
        if (cache_.size() >= kMaxCachedStems) cache_.clear();
        return cache_.emplace(word, english_(word)).first->second;
    }
    std::string get_description() const override { return "cached " + english_.get_description(); }

private:
    static constexpr std::size_t kMaxCachedStems = 200000;  // a few MiB per worker at most
    Xapian::Stem english_{"english"};
    std::unordered_map<std::string, std::string> cache_;
};

/// Whether @p query holds a word a snippet could highlight: an unprefixed term or a stemmed one ("Z" + stem).
/// Filters and pattern-level terms carry upper-case prefixes.
bool has_snippet_terms(const Xapian::Query& query) {
    for (auto term = query.get_unique_terms_begin(); term != query.get_unique_terms_end(); ++term) {
        const std::string& t = *term;
        if (t.empty()) continue;
        const bool stemmed = t[0] == 'Z' && t.size() > 1 && !std::isupper(static_cast<unsigned char>(t[1]));
        if (stemmed || !std::isupper(static_cast<unsigned char>(t[0]))) return true;
    }
    return false;
}

/// With nothing to highlight, a snippet is the text's lead; cutting the text first spares scanning all of it.
std::string_view lead(std::string_view text) {
    constexpr std::size_t kLeadBytes = 2 * kSnippetLength;
    if (text.size() <= kLeadBytes) return text;
    const auto space = text.rfind(' ', kLeadBytes);  // never cut a UTF-8 sequence
    return text.substr(0, space == std::string_view::npos ? kLeadBytes : space);
}

Hit hit_from(const StoredSection& s, double score) {
    return Hit{.id = s.pattern_id,
               .title = s.title,
               .description = s.description,
               .pillar = s.pillar,
               .status = s.status,
               .tags = s.tags,
               .section = s.section_id,
               .section_title = s.section_title,
               .snippet = {},
               .score = score,
               .path = s.path,
               .line = s.line,
               .line_end = s.line_end,
               .matched_terms = {},
               .matched_sections = {},
               .symptom = {}};
}

}  // namespace

/// Everything bound to one open set of generations.
struct Searcher::Opened {
    explicit Opened(OpenedIndexes indexes)
        : db(std::move(indexes.combined)),
          shards(std::move(indexes.shards)),
          builder(db),
          facets(db, indexes.layout, load_patterns()) {}

    /// The metadata @p prefix + @p id, or "". Xapian keeps metadata per shard, so look in each.
    std::string pattern_metadata(std::string_view prefix, std::string_view id) const {
        const std::string key = std::string(prefix) + std::string(id);
        for (const auto& shard : shards) {
            if (std::string meta = shard.get_metadata(key); !meta.empty()) return meta;
        }
        return {};
    }
    std::string pattern_meta(std::string_view id) const { return pattern_metadata(meta_key::kPatternPrefix, id); }

    Xapian::Database db;  ///< every shard as one: matching, statistics and postings merge
    ReadCache reads{db};  ///< what the rerank and the hits read from db, kept
    std::vector<Xapian::Database> shards;
    QueryBuilder builder;
    std::vector<RelatedRef> titles;
    std::vector<GraphNode> graph_nodes;  ///< every pattern, for the map (see graph())
    SymptomMatcher symptoms{builder.stemmer()};
    LatentSpace latent{shards};
    RelatedGraph related;
    FacetSource facets;
    Xapian::Stem snippet_stemmer{new CachedStemmer};  ///< the builder's stemmer, cached (Xapian owns it)

private:
    /// Fills titles and graph_nodes and returns each pattern's pillar and status, from every shard's metadata.
    PatternAttributes load_patterns() {
        PatternAttributes attributes;
        const std::string prefix(meta_key::kPatternPrefix);
        for (const auto& shard : shards) {
            for (auto key = shard.metadata_keys_begin(prefix); key != shard.metadata_keys_end(prefix); ++key) {
                auto meta = nlohmann::json::parse(shard.get_metadata(*key)).get<PatternMeta>();
                titles.push_back({meta.id, meta.title});
                graph_nodes.push_back({meta.id, meta.title, meta.description, meta.pillar, meta.status});
                for (const auto& link : meta.related) related.link(meta.id, link.id);
                symptoms.add(meta.id, meta.symptoms);
                attributes.try_emplace(meta.id, meta.pillar, meta.status);
            }
        }
        return attributes;
    }
};

Searcher::Searcher(std::filesystem::path index_dir) : Searcher(std::vector<std::string>{index_dir.string()}) {}

Searcher::Searcher(const std::vector<std::string>& indexes) : indexes_(indexes) {
    reopen_if_stale();
}

Searcher::~Searcher() = default;
Searcher::Searcher(Searcher&&) noexcept = default;

Generation Searcher::generation() const {
    return generations_.empty() ? 0 : *std::max_element(generations_.begin(), generations_.end());
}

std::string Searcher::generation_tag() const {
    std::string tag;
    for (const Generation generation : generations_) {
        if (generation == 0) return {};  // remote (tcp://) or unstubbed: its changes are invisible here
        if (!tag.empty()) tag += '.';
        tag += std::to_string(generation);
    }
    return tag;
}

bool Searcher::reopen_if_stale() {
    auto current = indexes_.current_generations();
    if (opened_ && (current == generations_ || current == rejected_generations_)) return false;
    try {
        opened_ = std::make_unique<Opened>(indexes_.open(current));
    } catch (const SearchError&) {
        rejected_generations_ = current;  // tried once; a rebuild publishes a new number
        throw;
    } catch (const nlohmann::json::exception& e) {
        rejected_generations_ = current;
        throw SearchError(ErrorKind::kIndexUnavailable, std::string("cannot read index metadata: ") + e.what());
    } catch (const Xapian::Error& e) {
        rejected_generations_ = current;
        throw SearchError(ErrorKind::kIndexUnavailable, "cannot open index: " + e.get_description());
    }
    generations_ = std::move(current);
    return true;
}

template <typename Fn>
auto Searcher::guarded(Fn&& fn) -> decltype(fn()) {
    try {
        try {
            return fn();
        } catch (const Xapian::DatabaseModifiedError&) {
            opened_->db.reopen();
            opened_->reads.clear();
            return fn();
        } catch (const Xapian::NetworkError&) {
            // A remote shard dropped the connection (xapian-tcpsrv closes idle ones): reconnect once.
            opened_ = std::make_unique<Opened>(indexes_.open(generations_));
            return fn();
        }
    } catch (const Xapian::DatabaseOpeningError& e) {
        throw SearchError(ErrorKind::kIndexUnavailable, e.get_description());
    } catch (const Xapian::Error& e) {
        throw SearchError(ErrorKind::kInternal, e.get_description());
    } catch (const nlohmann::json::exception& e) {
        throw SearchError(ErrorKind::kInternal, std::string("corrupt document data: ") + e.what());
    }
}

SearchResult Searcher::search(const SearchRequest& request) {
    request.validate();
    const auto start = std::chrono::steady_clock::now();
    SearchResult result = guarded([&] { return run_search(request); });
    result.took_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    return result;
}

SearchResult Searcher::run_search(const SearchRequest& request) {
    auto& db = opened_->db;
    auto built = opened_->builder.build(request);

    SearchResult result;
    result.query = request.query;
    if (!built.corrected.empty()) {
        // The misspelt words match nothing in the index (that is what made them correctable), so searching
        // the correction loses nothing and finds what was meant.
        result.did_you_mean = built.corrected;
        SearchRequest searched = request;
        searched.query = built.corrected;
        built = opened_->builder.build(searched);
    }
    const Xapian::Query& used = built.query;

    // The total and the facets: every match, uncollapsed, counted per pattern. A counter that ranks sees
    // each match's BM25 weight and gives the page from the same pass; otherwise the pass is unweighted and
    // rank_patterns() makes a second.
    const auto counter = opened_->facets.counter();
    Xapian::Enquire enquire(db);
    enquire.set_query(used);
    if (counter->ranks()) {
        enquire.set_weighting_scheme(section_weighting());
    } else {
        enquire.set_weighting_scheme(Xapian::BoolWeight());
    }
    counter->attach(enquire, time_limit_seconds_);
    const auto start = std::chrono::steady_clock::now();
    Xapian::MSet matches;
    bool cut = false;
    try {
        matches = enquire.get_mset(0, 0, db.get_doccount());
    } catch (const DeadlinePassed&) {
        cut = true;
    }
    // Xapian's own limit (remote shards) stops silently, and its bounds can stay exact (MatchAll). A count cut at the
    // limit is reported as an estimate, and the page comes from rank_patterns(), whose match is never cut.
    const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
    result.partial = cut || matches.get_matches_lower_bound() != matches.get_matches_upper_bound() ||
                     (time_limit_seconds_ > 0 && took.count() >= time_limit_seconds_);
    // Ranked by score, the best candidates are then reranked: by how many of the query's words they match, by
    // their nearness to the query in the latent space, and by their links with the best of them (rerank.h).
    const std::size_t candidates = std::max(request.offset + request.limit, kRerankDepth);
    RankedPage ranked = counter->ranks() && !result.partial
                            ? RankedPage{std::move(matches), counter->page(0, candidates), counter->pattern_count()}
                            : rank_patterns(db, used, 0, candidates);
    std::set<std::string> query_stems;
    for (const auto& word : built.words) query_stems.insert(opened_->builder.stemmer()(word));
    const RerankSignals signals{opened_->builder.word_queries(built, request), opened_->latent.locate(query_stems),
                                &opened_->related};
    ranked.page = rerank_best_patterns(opened_->reads, signals, std::move(ranked.page), request.offset, request.limit);
    result.total = result.partial ? ranked.patterns_seen : counter->pattern_count();
    result.facets = counter->facets();

    Xapian::Enquire explainer(db);
    if (request.explain) explainer.set_query(used);
    const bool highlights = has_snippet_terms(used);
    for (const auto& pattern : ranked.page) {
        const StoredSection& section = opened_->reads.section(pattern.best_section);
        Hit hit = hit_from(section, pattern.score);
        // Only a lead is copied; a highlighted snippet reads the section's own text.
        const std::string lead_text = highlights ? std::string() : std::string(lead(section.text));
        hit.snippet = ranked.mset.snippet(highlights ? section.text : lead_text, kSnippetLength,
                                          opened_->snippet_stemmer, kSnippetFlags, "<mark>", "</mark>", "\xE2\x80\xA6");
        hit.symptom = opened_->symptoms.best(hit.id, query_stems);
        if (request.explain) {
            hit.matched_sections = explain_matches(db, explainer, hit.id);
            std::set<std::string> all;
            for (const auto& match : hit.matched_sections) all.insert(match.terms.begin(), match.terms.end());
            hit.matched_terms.assign(all.begin(), all.end());
            hit.latent_similarity = latent_similarity(signals.latent_query, opened_->reads.latent_vector(pattern.best_section));
        }
        result.hits.push_back(std::move(hit));
    }
    return result;
}

PatternView Searcher::pattern(std::string_view id) {
    return guarded([&] {
        const std::string meta = opened_->pattern_meta(id);
        if (meta.empty()) throw SearchError(ErrorKind::kNotFound, "no pattern with id '" + std::string(id) + "'");
        PatternView view{nlohmann::json::parse(meta).get<PatternMeta>(), {}};
        if (const auto stored = opened_->pattern_metadata(meta_key::kBodiesPrefix, id); !stored.empty()) {
            for (auto& body : nlohmann::json::parse(stored).get<std::vector<SectionBody>>()) {
                view.sections.push_back({std::move(body.section_id), std::move(body.title), std::move(body.markdown),
                                         std::move(body.html), body.line, body.line_end});
            }
        }
        return view;
    });
}

std::vector<std::string> Searcher::case_study_ids(std::string_view query, std::size_t limit) {
    return guarded([&] { return match_case_studies(opened_->db, opened_->builder.stemmer(), query, limit); });
}

std::vector<SimilarPattern> Searcher::similar(std::string_view id, std::size_t limit) {
    return guarded([&] {
        const std::string meta = opened_->pattern_meta(id);
        if (meta.empty()) throw SearchError(ErrorKind::kNotFound, "no pattern with id '" + std::string(id) + "'");
        return similar_patterns(opened_->db, nlohmann::json::parse(meta).get<PatternMeta>(), limit);
    });
}

std::vector<Suggestion> Searcher::suggest(std::string_view prefix, std::size_t limit) {
    return guarded([&] {
        std::vector<Suggestion> out;
        const std::string typed = ascii_lowercase(prefix);
        if (typed.find_first_not_of(' ') == std::string::npos || limit == 0) return out;
        for (const auto& title : opened_->titles) {
            const std::string lowered = ascii_lowercase(title.title);
            const auto at = lowered.find(typed);
            if (at != std::string::npos && (at == 0 || !std::isalnum(static_cast<unsigned char>(lowered[at - 1])))) {
                out.push_back({title.title, "title", title.id});
            }
        }
        std::sort(out.begin(), out.end(), [](const Suggestion& a, const Suggestion& b) { return a.text < b.text; });
        if (out.size() >= limit) {
            out.resize(limit);
            return out;
        }
        // Complete the last word from the index vocabulary, most frequent first.
        const auto word_start = typed.find_last_of(' ') + 1;
        const std::string word = typed.substr(word_start);
        if (word.size() < 2) return out;
        std::vector<std::pair<Xapian::doccount, std::string>> terms;
        std::size_t scanned = 0;
        auto& db = opened_->db;
        for (auto term = db.allterms_begin(word); term != db.allterms_end(word) && scanned < kMaxTermsScannedForSuggest;
             ++term, ++scanned) {
            if (*term != word) terms.emplace_back(term.get_termfreq(), *term);
        }
        std::sort(terms.begin(), terms.end(), [](const auto& a, const auto& b) {
            return a.first != b.first ? a.first > b.first : a.second < b.second;
        });
        for (const auto& [freq, term] : terms) {
            if (out.size() >= limit) break;
            out.push_back({typed.substr(0, word_start) + term, "term", {}});
        }
        return out;
    });
}

Facets Searcher::facets() {
    SearchRequest browse;
    browse.limit = 0;
    return search(browse).facets;
}

std::vector<PillarInfo> Searcher::pillars() {
    return guarded([&] {
        const std::string stored = opened_->db.get_metadata(std::string(meta_key::kPillars));
        if (stored.empty()) return std::vector<PillarInfo>{};
        return nlohmann::json::parse(stored).get<std::vector<PillarInfo>>();
    });
}

PatternGraph Searcher::graph() {
    return guarded([&] { return make_pattern_graph(opened_->graph_nodes, opened_->related); });
}

std::string Searcher::metadata(std::string_view key) {
    return guarded([&] { return opened_->db.get_metadata(std::string(key)); });
}

IndexStats Searcher::stats() {
    return guarded([&] {
        auto& db = opened_->db;
        IndexStats stats;
        stats.patterns = opened_->titles.size();
        stats.sections = db.get_doccount();
        stats.generation = generation();
        stats.built_at = db.get_metadata(std::string(meta_key::kBuiltAt));
        return stats;
    });
}

}  // namespace pai
