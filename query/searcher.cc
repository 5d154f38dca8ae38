/** @file
 *  @brief Searcher: Xapian matching with collapse, per-pattern facets, snippets and spelling fallback.
 *  Xapian errors are caught here and become SearchError; no Xapian type escapes the query library.
 */
#include "searcher.h"

#include <algorithm>
#include <cctype>
#include <chrono>

#include "facet_spy.h"
#include "schema.h"
#include "search_error.h"

namespace pai {
namespace {

constexpr std::size_t kSnippetLength = 240;
constexpr std::size_t kMaxTermsScannedForSuggest = 4000;
constexpr unsigned kSnippetFlags = Xapian::MSet::SNIPPET_BACKGROUND_MODEL | Xapian::MSet::SNIPPET_EXHAUSTIVE;

std::string lowercase(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

Xapian::Database open_database(const std::filesystem::path& path) {
    try {
        return Xapian::Database(path.string());
    } catch (const Xapian::Error& e) {
        throw SearchError(ErrorKind::kIndexUnavailable, "cannot open index " + path.string() + ": " + e.get_msg());
    }
}

StoredSection stored_section(const Xapian::Document& doc) {
    return nlohmann::json::parse(doc.get_data()).get<StoredSection>();
}

Hit hit_from(const StoredSection& s, double score) {
    return Hit{s.pattern_id, s.title, s.description, s.pillar, s.status, s.tags, s.section_id, s.section_title,
               {}, score, s.path, s.line, s.line_end, {}};
}

}  // namespace

/// Everything bound to one open generation.
struct Searcher::Opened {
    explicit Opened(Xapian::Database database) : db(std::move(database)), builder(db) {
        for (auto key = db.metadata_keys_begin(std::string(meta_key::kPatternPrefix));
             key != db.metadata_keys_end(std::string(meta_key::kPatternPrefix)); ++key) {
            auto meta = nlohmann::json::parse(db.get_metadata(*key)).get<PatternMeta>();
            titles.push_back({meta.id, meta.title});
        }
    }
    Xapian::Database db;
    QueryBuilder builder;
    std::vector<RelatedRef> titles;
};

Searcher::Searcher(std::filesystem::path index_dir) : index_dir_(std::move(index_dir)) {
    if (!reopen_if_stale() && !opened_) {
        opened_ = std::make_unique<Opened>(open_database(index_dir_));
    }
}

Searcher::~Searcher() = default;
Searcher::Searcher(Searcher&&) noexcept = default;

bool Searcher::reopen_if_stale() {
    const auto current = current_generation(index_dir_);
    if (!current || (opened_ && *current == generation_)) return false;
    auto replacement = std::make_unique<Opened>(open_database(generation_path(index_dir_, *current)));
    opened_ = std::move(replacement);
    generation_ = *current;
    return true;
}

template <typename Fn>
auto Searcher::guarded(Fn&& fn) -> decltype(fn()) {
    try {
        try {
            return fn();
        } catch (const Xapian::DatabaseModifiedError&) {
            opened_->db.reopen();
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

    auto run = [&](const Xapian::Query& query, PatternFacetSpy& spy) {
        Xapian::Enquire enquire(db);
        enquire.set_query(query);
        enquire.set_collapse_key(schema::kSlotPatternId);
        enquire.add_matchspy(&spy);
        // Seeing every match keeps the per-pattern facet counts and the total exact.
        return enquire.get_mset(static_cast<Xapian::doccount>(request.offset),
                                static_cast<Xapian::doccount>(request.limit), db.get_doccount());
    };

    SearchResult result;
    result.query = request.query;
    auto spy = std::make_unique<PatternFacetSpy>();
    Xapian::MSet mset = run(built.query, *spy);
    Xapian::Query used = built.query;
    if (!built.corrected.empty()) {
        result.did_you_mean = built.corrected;
        if (spy->pattern_count() == 0) {
            // Nothing for what was typed: answer the corrected query instead.
            SearchRequest corrected = request;
            corrected.query = built.corrected;
            used = opened_->builder.build(corrected).query;
            spy = std::make_unique<PatternFacetSpy>();
            mset = run(used, *spy);
        }
    }
    result.total = spy->pattern_count();
    result.facets = spy->facets();

    Xapian::Enquire explainer(db);
    if (request.explain) explainer.set_query(used);
    for (auto item = mset.begin(); item != mset.end(); ++item) {
        const StoredSection section = stored_section(item.get_document());
        Hit hit = hit_from(section, item.get_weight());
        hit.snippet = mset.snippet(section.text, kSnippetLength, opened_->builder.stemmer(), kSnippetFlags,
                                   "<mark>", "</mark>", "\xE2\x80\xA6");
        if (request.explain) {
            for (auto term = explainer.get_matching_terms_begin(item); term != explainer.get_matching_terms_end(item);
                 ++term) {
                hit.matched_terms.push_back(*term);
            }
        }
        result.hits.push_back(std::move(hit));
    }
    return result;
}

PatternView Searcher::pattern(std::string_view id) {
    return guarded([&] {
        auto& db = opened_->db;
        const std::string meta = db.get_metadata(std::string(meta_key::kPatternPrefix) + std::string(id));
        if (meta.empty()) throw SearchError(ErrorKind::kNotFound, "no pattern with id '" + std::string(id) + "'");
        PatternView view{nlohmann::json::parse(meta).get<PatternMeta>(), {}};
        const std::string term = schema::boolean_term(schema::kPrefixPattern, id);
        std::vector<StoredSection> sections;
        for (auto posting = db.postlist_begin(term); posting != db.postlist_end(term); ++posting) {
            sections.push_back(stored_section(db.get_document(*posting)));
        }
        std::sort(sections.begin(), sections.end(),
                  [](const StoredSection& a, const StoredSection& b) { return a.ordinal < b.ordinal; });
        for (auto& s : sections) {
            view.sections.push_back({s.section_id, s.section_title, std::move(s.markdown), std::move(s.html), s.line,
                                     s.line_end});
        }
        return view;
    });
}

std::vector<Suggestion> Searcher::suggest(std::string_view prefix, std::size_t limit) {
    return guarded([&] {
        std::vector<Suggestion> out;
        const std::string typed = lowercase(prefix);
        if (typed.find_first_not_of(' ') == std::string::npos || limit == 0) return out;
        for (const auto& title : opened_->titles) {
            const std::string lowered = lowercase(title.title);
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

IndexStats Searcher::stats() {
    return guarded([&] {
        auto& db = opened_->db;
        IndexStats stats;
        stats.patterns = opened_->titles.size();
        stats.sections = db.get_doccount();
        stats.generation = generation_;
        stats.built_at = db.get_metadata(std::string(meta_key::kBuiltAt));
        return stats;
    });
}

}  // namespace pai
