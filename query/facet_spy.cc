/** @file
 *  @brief Per-pattern facet counting: the docid table for one local database, value counts for shards.
 */
#include "facet_spy.h"

#include <algorithm>
#include <chrono>
#include <map>
#include <mutex>
#include <optional>

#include "schema.h"

namespace pai {
namespace {

std::vector<FacetValue> sorted(const std::map<std::string, std::size_t>& counts) {
    std::vector<FacetValue> values;
    for (const auto& [value, count] : counts) values.push_back({value, count});
    std::stable_sort(values.begin(), values.end(),
                     [](const FacetValue& a, const FacetValue& b) { return a.count > b.count; });
    return values;
}

/// The search's time limit, read off the clock by a match spy every kStride matches. Not Xapian's
/// set_time_limit: its timer thread can fire as a match ends and write into the stack of whatever runs next
/// (an ASan run caught it corrupting the following match).
class Deadline {
public:
    void arm(double seconds) {
        if (seconds <= 0) return;
        at_ = std::chrono::steady_clock::now() +
              std::chrono::duration_cast<std::chrono::steady_clock::duration>(std::chrono::duration<double>(seconds));
    }

    /// @throws DeadlinePassed once the limit has passed
    void check() {
        if (at_ && (calls_++ % kStride) == 0 && std::chrono::steady_clock::now() >= *at_) throw DeadlinePassed{};
    }

private:
    static constexpr std::size_t kStride = 256;  // a clock read per 256 matches costs nothing measurable

    std::optional<std::chrono::steady_clock::time_point> at_;
    std::size_t calls_ = 0;
};

/// A match spy that only stops the match at the deadline, beside Xapian's value counts.
class DeadlineSpy : public Xapian::MatchSpy {
public:
    explicit DeadlineSpy(double seconds) { deadline_.arm(seconds); }
    void operator()(const Xapian::Document&, double) override { deadline_.check(); }

private:
    Deadline deadline_;
};

/// Sees every match, marks its pattern and section in preallocated arrays, and adds its weight to its
/// pattern's score: no document is read.
class TableCounter : public FacetCounter, public Xapian::MatchSpy {
public:
    explicit TableCounter(std::shared_ptr<const FacetTable> table)
        : table_(std::move(table)),
          scores_(table_->pattern_count()),
          sections_(table_->value_count()),
          section_seen_(table_->pattern_count() * table_->value_count()) {}

    void attach(Xapian::Enquire& enquire, double time_limit_seconds) override {
        deadline_.arm(time_limit_seconds);
        enquire.add_matchspy(this);
    }

    void operator()(const Xapian::Document& doc, double weight) override {
        deadline_.check();
        const Xapian::docid did = doc.get_docid();
        const std::uint32_t pattern = table_->pattern_of(did);
        if (pattern == FacetTable::kNone) return;
        if (scores_[pattern].empty()) matched_.push_back(pattern);
        scores_[pattern].add(did, weight);
        // A section with several documents (the failure modes) still counts its pattern once.
        const std::uint32_t section = table_->section_of(did);
        const std::size_t seen = static_cast<std::size_t>(pattern) * table_->value_count() + section;
        if (!section_seen_[seen]) {
            section_seen_[seen] = true;
            ++sections_[section];
        }
    }

    std::size_t pattern_count() const override { return matched_.size(); }

    Facets facets() const override {
        std::map<std::string, std::size_t> pillars;
        std::map<std::string, std::size_t> statuses;
        for (const auto pattern : matched_) {
            ++pillars[table_->value(table_->pillar_of(pattern))];
            ++statuses[table_->value(table_->status_of(pattern))];
        }
        std::map<std::string, std::size_t> sections;
        for (std::uint32_t value = 0; value < sections_.size(); ++value) {
            if (sections_[value] > 0) sections[table_->value(value)] = sections_[value];
        }
        return {sorted(pillars), sorted(statuses), sorted(sections)};
    }

    bool ranks() const override { return true; }

    std::vector<RankedPattern> page(std::size_t offset, std::size_t limit) const override {
        std::vector<RankedPattern> all;
        all.reserve(matched_.size());
        for (const auto pattern : matched_) {
            all.push_back({table_->pattern_id(pattern), scores_[pattern].score(), scores_[pattern].best_section()});
        }
        return page_of(std::move(all), offset, limit);
    }

private:
    std::shared_ptr<const FacetTable> table_;
    Deadline deadline_;
    std::vector<PatternScore> scores_;
    std::vector<std::uint32_t> matched_;
    std::vector<std::size_t> sections_;
    std::vector<bool> section_seen_;  ///< pattern x section value, counted already
};

/// Xapian's own value counts, which remote shards can run and send back to be merged.
class ValueCounter : public FacetCounter {
public:
    ValueCounter(std::shared_ptr<const PatternAttributes> patterns, bool all_local)
        : patterns_(std::move(patterns)),
          all_local_(all_local),
          by_pattern_(schema::kSlotPatternId),
          by_section_(schema::kSlotSectionOfPattern) {}

    void attach(Xapian::Enquire& enquire, double time_limit_seconds) override {
        if (time_limit_seconds > 0 && all_local_) {
            deadline_ = std::make_unique<DeadlineSpy>(time_limit_seconds);
            enquire.add_matchspy(deadline_.get());
        } else if (time_limit_seconds > 0) {
            // A remote shard runs only the match spies it knows, so only Xapian's own limit can stop it there
            // (and its timer also runs for any local shard beside it: the hazard the deadline spy avoids).
            enquire.set_time_limit(time_limit_seconds);
        }
        enquire.add_matchspy(&by_pattern_);
        enquire.add_matchspy(&by_section_);
    }

    std::size_t pattern_count() const override {
        return static_cast<std::size_t>(std::distance(by_pattern_.values_begin(), by_pattern_.values_end()));
    }

    Facets facets() const override {
        std::map<std::string, std::size_t> pillars;
        std::map<std::string, std::size_t> statuses;
        for (auto value = by_pattern_.values_begin(); value != by_pattern_.values_end(); ++value) {
            const auto found = patterns_->find(*value);
            if (found == patterns_->end()) continue;  // a section document without pattern metadata
            ++pillars[found->second.first];
            ++statuses[found->second.second];
        }
        std::map<std::string, std::size_t> sections;
        // Distinct section-and-pattern values: patterns per section, however many documents each has there.
        for (auto value = by_section_.values_begin(); value != by_section_.values_end(); ++value) {
            const std::string& key = *value;
            ++sections[key.substr(0, key.find(schema::kSectionOfPatternSeparator))];
        }
        return {sorted(pillars), sorted(statuses), sorted(sections)};
    }

    bool ranks() const override { return false; }
    std::vector<RankedPattern> page(std::size_t, std::size_t) const override { return {}; }

private:
    std::shared_ptr<const PatternAttributes> patterns_;
    bool all_local_;
    std::unique_ptr<DeadlineSpy> deadline_;
    Xapian::ValueCountMatchSpy by_pattern_;
    Xapian::ValueCountMatchSpy by_section_;
};

}  // namespace

FacetTable::FacetTable(const Xapian::Database& db)
    : pattern_of_(db.get_lastdocid() + 1, kNone), section_of_(db.get_lastdocid() + 1, 0) {
    std::unordered_map<std::string, std::uint32_t> pattern_ids;
    std::unordered_map<std::string, std::uint32_t> value_ids;
    for (auto it = db.valuestream_begin(schema::kSlotPatternId); it != db.valuestream_end(schema::kSlotPatternId);
         ++it) {
        const auto [entry, added] = pattern_ids.try_emplace(*it, static_cast<std::uint32_t>(pattern_ids.size()));
        pattern_of_[it.get_docid()] = entry->second;
    }
    pattern_ids_.resize(pattern_ids.size());
    for (auto& [id, pattern] : pattern_ids) pattern_ids_[pattern] = id;
    pillar_of_.resize(pattern_ids.size());
    status_of_.resize(pattern_ids.size());
    for (auto it = db.valuestream_begin(schema::kSlotSection); it != db.valuestream_end(schema::kSlotSection); ++it) {
        section_of_[it.get_docid()] = intern(value_ids, *it);
    }
    // Every section document of a pattern carries the same pillar and status.
    for (const auto& [slot, out] : {std::pair{schema::kSlotPillar, &pillar_of_}, {schema::kSlotStatus, &status_of_}}) {
        for (auto it = db.valuestream_begin(slot); it != db.valuestream_end(slot); ++it) {
            const std::uint32_t pattern = pattern_of_[it.get_docid()];
            if (pattern != kNone) (*out)[pattern] = intern(value_ids, *it);
        }
    }
}

std::uint32_t FacetTable::intern(std::unordered_map<std::string, std::uint32_t>& ids, std::string value) {
    const auto [entry, added] = ids.try_emplace(value, static_cast<std::uint32_t>(values_.size()));
    if (added) values_.push_back(std::move(value));
    return entry->second;
}

std::shared_ptr<const FacetTable> FacetTable::shared(const Xapian::Database& db) {
    // A generation never changes once published, so its uuid and revision name one table for good.
    static std::mutex mutex;
    static std::map<std::string, std::weak_ptr<const FacetTable>> tables;
    const std::string key = db.get_uuid() + "@" + std::to_string(db.get_revision());
    std::lock_guard lock(mutex);
    std::erase_if(tables, [](const auto& entry) { return entry.second.expired(); });
    if (auto table = tables[key].lock()) return table;
    auto table = std::make_shared<const FacetTable>(db);
    tables[key] = table;
    return table;
}

FacetSource::FacetSource(const Xapian::Database& db, const IndexLayout& layout, PatternAttributes patterns)
    : table_(layout.single_local ? FacetTable::shared(db) : nullptr),
      patterns_(std::make_shared<const PatternAttributes>(std::move(patterns))),
      all_local_(layout.all_local) {}

std::unique_ptr<FacetCounter> FacetSource::counter() const {
    if (table_) return std::make_unique<TableCounter>(table_);
    return std::make_unique<ValueCounter>(patterns_, all_local_);
}

}  // namespace pai
