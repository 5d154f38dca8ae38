/** @file
 *  @brief The corpus rules: ids, pillars, status and evidence, tags, dates, sections and related links.
 */
#include "corpus_checks.h"

#include <algorithm>
#include <chrono>
#include <map>
#include <regex>
#include <set>

#include "pattern_links.h"
#include "prose_checks.h"
#include "schema.h"

namespace pai {
namespace {

const std::regex kSlugPattern("^[a-z0-9]+(-[a-z0-9]+)*$");
const std::regex kDatePattern("^([0-9]{4})-([0-9]{2})-([0-9]{2})$");
constexpr std::size_t kMaxTags = 10;
constexpr std::size_t kMaxSymptoms = 12;
constexpr std::size_t kMaxSymptomBytes = 160;
// std::regex recurses once per character: a hostile megabyte-long value would overflow the stack.
constexpr std::size_t kMaxSlugBytes = 100;

bool is_slug(const std::string& text) {
    return text.size() <= kMaxSlugBytes && std::regex_match(text, kSlugPattern);
}

bool is_real_date(const std::string& text) {
    std::smatch parts;
    if (!std::regex_match(text, parts, kDatePattern)) return false;
    const std::chrono::year_month_day date{std::chrono::year{std::stoi(parts[1])},
                                           std::chrono::month{static_cast<unsigned>(std::stoi(parts[2]))},
                                           std::chrono::day{static_cast<unsigned>(std::stoi(parts[3]))}};
    return date.ok();
}

/// Titles compare case-insensitively, ignoring a trailing " Pattern" as upstream files write them.
std::string title_key(std::string title) {
    std::transform(title.begin(), title.end(), title.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    while (!title.empty() && title.back() == ' ') title.pop_back();
    constexpr std::string_view kSuffix = " pattern";
    if (title.size() > kSuffix.size() && title.ends_with(kSuffix)) title.resize(title.size() - kSuffix.size());
    return title;
}

std::size_t required_evidence(const std::string& status) {
    if (status == "validated-in-production") return 2;
    if (status == "emerging") return 1;
    return 0;
}

class PatternChecker {
public:
    PatternChecker(const PatternSource& source, const std::set<std::string>& pillars, Diagnostics& diagnostics)
        : source_(source), pillars_(pillars), diagnostics_(diagnostics) {}

    ResolvedPattern check() {
        const auto& fm = source_.front_matter;
        ResolvedPattern out;
        out.meta.id = source_.id;
        out.meta.path = source_.path.generic_string();
        if (!is_slug(source_.id))
            error(1, "file name '" + source_.id + "' is not a valid id (lowercase, digits, hyphens)");
        out.meta.title = required(fm.title, "title");
        out.meta.description = required(fm.description, "description");
        check_pillar(out.meta);
        check_status(out.meta);
        check_tags(out.meta);
        check_symptoms(out.meta);
        check_date(out.meta);
        for (const auto& key : fm.unknown_keys) warning(key.line, "unknown front matter key '" + key.value + "'");
        for (const auto& e : fm.evidence) out.meta.evidence.push_back({e.title, e.url});
        out.sections = check_sections();
        for (const auto& section : out.sections) {
            if (section.id == schema::kFailureModesSection) read_failure_modes(*section.source, out);
            for (const auto& problem : quoted_phrase_lists(*section.source)) warning(problem.line, problem.message);
        }
        return out;
    }

private:
    const PatternSource& source_;
    const std::set<std::string>& pillars_;
    Diagnostics& diagnostics_;

    void error(int line, std::string message) { diagnostics_.error(source_.path, line, std::move(message)); }
    void warning(int line, std::string message) { diagnostics_.warning(source_.path, line, std::move(message)); }

    std::string required(const std::optional<Located<std::string>>& value, std::string_view key) {
        if (!value || value->value.empty()) {
            error(value ? value->line : 1, "missing required '" + std::string(key) + "'");
            return {};
        }
        return value->value;
    }

    void check_pillar(PatternMeta& meta) {
        const auto& pillar = *source_.front_matter.pillar;
        meta.pillar = pillar.value;
        if (!pillars_.contains(pillar.value)) {
            error(pillar.line, "unknown pillar '" + pillar.value + "'");
        } else if (pillar.value != source_.folder) {
            error(pillar.line, "pillar '" + pillar.value + "' does not match its folder '" + source_.folder + "'");
        }
    }

    void check_status(PatternMeta& meta) {
        const auto& fm = source_.front_matter;
        if (!fm.status) {
            error(1, "missing required 'status' (proposed, emerging or validated-in-production)");
            return;
        }
        meta.status = fm.status->value;
        const auto& statuses = schema::kStatuses;
        if (std::find(statuses.begin(), statuses.end(), meta.status) == statuses.end()) {
            error(fm.status->line,
                  "unknown status '" + meta.status + "' (expected proposed, emerging or validated-in-production)");
            return;
        }
        const std::size_t needed = required_evidence(meta.status);
        if (!fm.has_evidence) {
            if (needed > 0)
                warning(fm.status->line, "no 'evidence' list: status '" + meta.status + "' needs " +
                                             std::to_string(needed) + " production write-up(s)");
        } else if (fm.evidence.size() < needed) {
            error(fm.evidence_line, "status '" + meta.status + "' needs at least " + std::to_string(needed) +
                                        " evidence entries, found " + std::to_string(fm.evidence.size()));
        }
    }

    void check_tags(PatternMeta& meta) {
        const auto& fm = source_.front_matter;
        if (fm.tags.empty() || fm.tags.size() > kMaxTags) {
            error(fm.tags_line, "'tags' must list 1 to 10 tags, found " + std::to_string(fm.tags.size()));
        }
        for (const auto& tag : fm.tags) {
            if (!is_slug(tag.value))
                error(tag.line, "tag '" + tag.value + "' must be lowercase words joined by hyphens");
            meta.tags.push_back(tag.value);
        }
    }

    /// Optional: a pattern without symptoms is still found by its own words.
    void check_symptoms(PatternMeta& meta) {
        const auto& fm = source_.front_matter;
        if (fm.symptoms.size() > kMaxSymptoms) {
            error(fm.symptoms_line, "'symptoms' may list at most " + std::to_string(kMaxSymptoms) + " entries, found " +
                                        std::to_string(fm.symptoms.size()));
        }
        for (const auto& symptom : fm.symptoms) {
            if (symptom.value.empty() || symptom.value.size() > kMaxSymptomBytes) {
                error(symptom.line, "a symptom must be 1 to " + std::to_string(kMaxSymptomBytes) + " bytes, found " +
                                        std::to_string(symptom.value.size()));
            }
            meta.symptoms.push_back(symptom.value);
        }
    }

    void check_date(PatternMeta& meta) {
        const auto& date = source_.front_matter.last_reviewed;
        if (!date) {
            warning(1, "missing 'last_reviewed' (YYYY-MM-DD)");
            return;
        }
        meta.last_reviewed = date->value;
        if (!is_real_date(date->value))
            error(date->line, "last_reviewed '" + date->value + "' is not a YYYY-MM-DD date");
    }

    /// Shape problems are warnings, so upstream files with shorter entries still index (`--strict` refuses them).
    void read_failure_modes(const MarkdownSection& section, ResolvedPattern& out) {
        auto parsed = parse_failure_modes(section);
        for (const auto& problem : parsed.problems) warning(problem.line, problem.message);
        for (const auto& entry : parsed.entries) out.meta.failure_modes.push_back(entry.mode);
        out.failure_modes = std::move(parsed.entries);
    }

    std::vector<ResolvedSection> check_sections() {
        std::vector<ResolvedSection> out;
        std::map<std::string, int> seen;  // canonical id -> line
        std::size_t next_expected = 0;
        for (const auto& section : source_.sections) {
            ResolvedSection resolved{std::string(schema::kIntroSection), section.heading, &section, {}};
            if (!section.heading.empty()) resolved.id = schema::section_id_for_heading(section.heading);
            if (auto position = schema::canonical_position(resolved.id)) {
                if (auto previous = seen.find(resolved.id); previous != seen.end()) {
                    error(section.line, "section '" + section.heading + "' appears twice (first at line " +
                                            std::to_string(previous->second) + ")");
                    continue;
                }
                seen.emplace(resolved.id, section.line);
                if (*position < next_expected) {
                    // Name the earliest section already seen that should have come after this one.
                    std::size_t later = *position + 1;
                    while (!seen.contains(std::string(schema::kSections[later].id))) ++later;
                    error(section.line, "section '" + section.heading + "' is out of order: it must come before '" +
                                            std::string(schema::kSections[later].heading) + "'");
                }
                next_expected = std::max(next_expected, *position + 1);
            }
            out.push_back(std::move(resolved));
        }
        for (const auto& canonical : schema::kSections) {
            if (!seen.contains(std::string(canonical.id))) {
                error(source_.body_first_line, "missing required section '## " + std::string(canonical.heading) + "'");
            }
        }
        return out;
    }
};

}  // namespace

namespace {

/// Links the pattern ids each section names, and reports an id-shaped code span in When NOT to Use It or
/// Related Patterns that names no pattern (a warning, so upstream files still index; `--strict` refuses it).
void link_and_check_ids(std::vector<ResolvedPattern>& resolved, const std::map<std::string, const PatternSource*>& by_id,
                        Diagnostics& diagnostics) {
    const auto targets = pattern_link_targets(resolved);
    for (auto& pattern : resolved) {
        const PatternSource& source = *by_id.at(pattern.meta.id);
        for (auto& section : pattern.sections) {
            // Kept only when it links something: most sections name no pattern, and their HTML is then the
            // source's (stored_section reads that), which spares a second copy of every section's HTML.
            if (std::string linked = link_pattern_ids(section.source->html, targets, pattern.meta.id, "../");
                linked != section.source->html) {
                section.html = std::move(linked);
            }
            if (section.id != schema::kCaveatSection && section.id != schema::kRelatedSection) continue;
            for (const auto& mention : id_mentions(section.source->markdown, section.source->line)) {
                if (!targets.contains(mention.id))
                    diagnostics.warning(source.path, mention.line, "'" + mention.id + "' in " + section.title +
                                                                       " names no pattern in the corpus");
            }
        }
    }
}

}  // namespace

std::vector<ResolvedPattern> check_corpus(const Corpus& corpus, Diagnostics& diagnostics) {
    std::set<std::string> pillar_ids;
    for (const auto& pillar : corpus.pillars) pillar_ids.insert(pillar.id);

    std::vector<ResolvedPattern> resolved;
    std::map<std::string, const PatternSource*> by_id;
    std::map<std::string, std::string> id_by_title;
    std::map<std::string, std::size_t> position_by_id;
    for (const auto& source : corpus.patterns) {
        if (auto [it, inserted] = by_id.emplace(source.id, &source); !inserted) {
            diagnostics.error(source.path, 1,
                              "duplicate id '" + source.id + "' (also " + it->second->path.string() + ")");
            continue;
        }
        resolved.push_back(PatternChecker(source, pillar_ids, diagnostics).check());
        position_by_id.emplace(source.id, resolved.size() - 1);
        id_by_title.emplace(title_key(resolved.back().meta.title), source.id);
    }

    // Related entries resolve by id first, then by title; titles only need to resolve in upstream files.
    for (auto& pattern : resolved) {
        const PatternSource& source = *by_id.at(pattern.meta.id);
        for (const auto& entry : source.front_matter.related) {
            std::string id;
            if (by_id.contains(entry.value))
                id = entry.value;
            else if (auto t = id_by_title.find(title_key(entry.value)); t != id_by_title.end())
                id = t->second;
            if (id.empty()) {
                const std::string message = "related '" + entry.value + "' does not name a pattern in the corpus";
                if (is_slug(entry.value))
                    diagnostics.error(source.path, entry.line, message);
                else
                    diagnostics.warning(source.path, entry.line, message);
                continue;
            }
            pattern.meta.related.push_back({id, resolved[position_by_id.at(id)].meta.title});
        }
    }
    link_and_check_ids(resolved, by_id, diagnostics);
    return resolved;
}

}  // namespace pai
