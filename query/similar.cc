/** @file
 *  @brief Relevance-feedback similarity over a pattern's section documents.
 */
#include "similar.h"

#include <algorithm>
#include <cctype>

#include "schema.h"

namespace pai {
namespace {

constexpr Xapian::termcount kExpandTerms = 40;
constexpr double kRelatedBonus = 1.0;  // an author's explicit link ranks above any vocabulary match

/// Keeps body words and their stems; drops boolean filter terms and pattern-level text.
class BodyTermsOnly : public Xapian::ExpandDecider {
public:
    bool operator()(const std::string& term) const override {
        const std::string_view word = term.starts_with('Z') ? std::string_view(term).substr(1) : std::string_view(term);
        return word.size() >= 3 && std::islower(static_cast<unsigned char>(word.front()));
    }
};

PatternMeta meta_of(const Xapian::Database& db, const std::string& id) {
    const std::string stored = db.get_metadata(std::string(meta_key::kPatternPrefix) + id);
    return stored.empty() ? PatternMeta{} : nlohmann::json::parse(stored).get<PatternMeta>();
}

SimilarPattern entry_for(const PatternMeta& meta, double score, bool related) {
    return {meta.id, meta.title, meta.description, meta.pillar, meta.status, score, related};
}

}  // namespace

std::vector<SimilarPattern> similar_patterns(const Xapian::Database& db, const PatternMeta& pattern,
                                             std::size_t limit) {
    const std::string self = schema::boolean_term(schema::kPrefixPattern, pattern.id);
    Xapian::RSet sections;
    for (auto posting = db.postlist_begin(self); posting != db.postlist_end(self); ++posting)
        sections.add_document(*posting);

    Xapian::Enquire enquire(db);
    const BodyTermsOnly decider;
    const Xapian::ESet expand = enquire.get_eset(kExpandTerms, sections, &decider);
    std::vector<Xapian::Query> terms;
    for (auto term = expand.begin(); term != expand.end(); ++term) terms.emplace_back(*term);
    Xapian::Query query(Xapian::Query::OP_OR, terms.begin(), terms.end());
    query = Xapian::Query(Xapian::Query::OP_AND_NOT, query, Xapian::Query(self));
    enquire.set_query(query);
    enquire.set_collapse_key(schema::kSlotPatternId);
    const Xapian::MSet mset = enquire.get_mset(0, static_cast<Xapian::doccount>(limit * 2 + pattern.related.size()));

    std::vector<SimilarPattern> out;
    const double best = mset.empty() ? 1.0 : mset.begin().get_weight();
    auto is_related = [&](const std::string& id) {
        return std::any_of(pattern.related.begin(), pattern.related.end(),
                           [&](const RelatedRef& r) { return r.id == id; });
    };
    for (auto item = mset.begin(); item != mset.end(); ++item) {
        const std::string id = item.get_document().get_value(schema::kSlotPatternId);
        out.push_back(entry_for(meta_of(db, id), item.get_weight() / best, is_related(id)));
    }
    for (const auto& related : pattern.related) {
        const bool present =
            std::any_of(out.begin(), out.end(), [&](const SimilarPattern& s) { return s.id == related.id; });
        if (!present) out.push_back(entry_for(meta_of(db, related.id), 0, true));
    }
    std::stable_sort(out.begin(), out.end(), [](const SimilarPattern& a, const SimilarPattern& b) {
        const double left = a.score + (a.related ? kRelatedBonus : 0);
        const double right = b.score + (b.related ? kRelatedBonus : 0);
        return left != right ? left > right : a.id < b.id;
    });
    if (out.size() > limit) out.resize(limit);
    return out;
}

}  // namespace pai
