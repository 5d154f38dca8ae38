/** @file
 *  @brief What the indexer stores and the searcher reads back: the data of each section document and the
 *  per-pattern and per-corpus metadata kept in the index's metadata table.
 */
#pragma once

#include <algorithm>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace pai {

/// Document data of one section document: everything a search hit needs. The section's Markdown and HTML,
/// which only the pattern view needs, are kept apart in SectionBody metadata (left empty here), so a search
/// reads and parses a tenth of the bytes per hit.
struct StoredSection {
    std::string pattern_id;
    std::string title;
    std::string description;
    std::string pillar;
    std::string status;
    std::vector<std::string> tags;
    std::string section_id;
    std::string section_title;
    std::string path;
    int line = 0;          ///< first line of the section (its heading) in the source file, 1-based
    int line_end = 0;      ///< last line of the section
    int ordinal = 0;       ///< position of the section in its pattern
    std::string text;      ///< plain text, used for snippets
    std::string markdown;  ///< the section's Markdown source, heading included
    std::string html;      ///< the section rendered by cmark in safe mode
};

/// One section as the pattern view shows it, stored per pattern under "bodies:<id>" in section order. The
/// view reads only these: a section may be indexed as several documents (one per failure mode).
struct SectionBody {
    std::string section_id;
    std::string title;
    std::string markdown;
    std::string html;
    int line = 0;
    int line_end = 0;
};

struct RelatedRef {
    std::string id;
    std::string title;
};

struct EvidenceRef {
    std::string title;
    std::string url;
};

/// One entry of a pattern's Failure Modes section: how the pattern itself fails once adopted. The three
/// fields hold their Markdown as written (inline code and links kept).
struct FailureMode {
    std::string name;
    std::string trigger;
    std::string symptom;
    std::string mitigation;
    int line = 0;      ///< the `### Name` heading's source line
    int line_end = 0;  ///< last source line of the entry
};

/// Per-pattern metadata, stored once under the metadata key "pattern:<id>".
struct PatternMeta {
    std::string id;
    std::string title;
    std::string description;
    std::string pillar;
    std::string status;
    std::vector<std::string> tags;
    /// The problem in the words of the people who have it ("the provider times out at peak"), optional.
    std::vector<std::string> symptoms;
    std::string path;
    std::string last_reviewed;
    std::vector<RelatedRef> related;
    std::vector<EvidenceRef> evidence;
    std::vector<FailureMode> failure_modes;
};

/// One pillar as listed in corpus/pillars.yaml.
struct PillarInfo {
    std::string id;
    std::string name;
    int order = 0;
    std::string description;
};

NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(StoredSection, pattern_id, title, description, pillar, status, tags,
                                                section_id, section_title, path, line, line_end, ordinal, text,
                                                markdown, html)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(SectionBody, section_id, title, markdown, html, line, line_end)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(RelatedRef, id, title)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(EvidenceRef, title, url)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(FailureMode, name, trigger, symptom, mitigation, line, line_end)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(PatternMeta, id, title, description, pillar, status, tags, symptoms,
                                                path, last_reviewed, related, evidence, failure_modes)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(PillarInfo, id, name, order, description)

/// Metadata keys of the index.
/// A section document's data: the JSON of its fields but the text, a newline, then the text as is. The text
/// is most of the bytes, and reading it raw keeps JSON parsing off the per-hit path (JSON strings carry no
/// raw newline, so the first one ends the header).
inline std::string section_data(StoredSection section) {
    std::string text = std::exchange(section.text, {});
    section.markdown.clear();
    section.html.clear();
    return nlohmann::json(section).dump() + '\n' + text;
}

inline StoredSection parse_section_data(std::string_view data) {
    const auto header_end = std::min(data.find('\n'), data.size());
    auto section = nlohmann::json::parse(data.substr(0, header_end)).get<StoredSection>();
    if (header_end < data.size()) section.text = data.substr(header_end + 1);
    return section;
}

namespace meta_key {
inline constexpr std::string_view kPillars = "pillars";               ///< JSON array of PillarInfo
inline constexpr std::string_view kPatternPrefix = "pattern:";        ///< + id -> PatternMeta JSON
inline constexpr std::string_view kBodiesPrefix = "bodies:";          ///< + id -> JSON array of SectionBody
inline constexpr std::string_view kPatternCount = "pattern_count";    ///< decimal
inline constexpr std::string_view kBuiltAt = "built_at";              ///< ISO 8601 UTC
inline constexpr std::string_view kGuides = "guides";                 ///< JSON array of Guide (guide_types.h)
inline constexpr std::string_view kDecisionGuide = "decision_guide";  ///< DecisionGuide JSON, absent without one
inline constexpr std::string_view kCaseStudies = "case_studies";      ///< JSON array of CaseStudy (guide_types.h)
inline constexpr std::string_view kPaths = "paths";                   ///< JSON array of ReadingPath
}  // namespace meta_key

}  // namespace pai
