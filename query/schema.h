/** @file
 *  @brief The index schema: term prefixes, value slots and the canonical sections, shared by the indexer
 *  and the searcher so both sides always agree.
 */
#pragma once

#include <xapian.h>

#include <array>
#include <optional>
#include <string>
#include <string_view>

namespace pai::schema {

/// Value slots. kSlotPatternId is the collapse key: one hit per pattern.
inline constexpr Xapian::valueno kSlotPatternId = 0;
inline constexpr Xapian::valueno kSlotPillar = 1;
inline constexpr Xapian::valueno kSlotStatus = 2;
inline constexpr Xapian::valueno kSlotSection = 3;
inline constexpr Xapian::valueno kSlotLatent = 4;  ///< the pattern's vector in the latent space (latent_space.h)
/// "section\x1fpattern-id": distinct values count patterns per section where a section has several documents
/// (each failure mode is one), for the value-count facets of sharded indexes.
inline constexpr Xapian::valueno kSlotSectionOfPattern = 5;
inline constexpr char kSectionOfPatternSeparator = '\x1f';

/// A field that can be named in query text (`pillar:reliability`) or given as an explicit filter.
struct Field {
    std::string_view name;    ///< the user-facing name, also the HTTP parameter
    std::string_view prefix;  ///< the Xapian term prefix
    bool boolean;             ///< boolean filter (exact term) or free text
};

inline constexpr std::string_view kPrefixPattern = "XI";
inline constexpr std::string_view kPrefixPillar = "XP";
inline constexpr std::string_view kPrefixStatus = "XS";
inline constexpr std::string_view kPrefixSection = "XC";
inline constexpr std::string_view kPrefixTag = "K";
inline constexpr std::string_view kPrefixTitle = "S";
inline constexpr std::string_view kPrefixDocKind = "XK";  ///< XKsection on every section document
/// Pattern-level text (title, description, tags), indexed with a pattern's first section and kept apart
/// from the sections' own text, so `section:` searches only the latter.
inline constexpr std::string_view kPrefixPatternText = "XM";
/// Text of "When NOT to Use It": it names the situations a pattern is wrong for, so it must not raise the
/// pattern for them. It is searched only when a query asks for that section (`section:when-not-to-use`).
inline constexpr std::string_view kPrefixCaveatText = "XN";
inline constexpr std::string_view kCaveatSection = "when-not-to-use";
/// The section whose `### Name` entries (Trigger, Symptom, Mitigation) are indexed one document each, so a
/// query in the words of an incident finds the one failure mode that describes it.
inline constexpr std::string_view kFailureModesSection = "failure-modes";
/// The section that names related patterns by link; with kCaveatSection, where ids in code must exist.
inline constexpr std::string_view kRelatedSection = "related-patterns";

/// A case study's words: kept under their own prefix so they never match a pattern search.
inline constexpr std::string_view kPrefixCaseStudyText = "XT";

/// Document kinds (kPrefixDocKind terms): pattern sections, which searches rank, and case studies.
inline constexpr std::string_view kKindSection = "section";
inline constexpr std::string_view kKindCaseStudy = "case-study";

/// The fields the query parser knows; filters use the boolean ones.
inline constexpr std::array<Field, 6> kFields{{
    {"pillar", kPrefixPillar, true},
    {"status", kPrefixStatus, true},
    {"section", kPrefixSection, true},
    {"tag", kPrefixTag, true},
    {"id", kPrefixPattern, true},
    {"title", kPrefixTitle, false},
}};

/// The eleven sections every pattern has, in their required order.
struct CanonicalSection {
    std::string_view id;       ///< stable id used by the API and `section:` filters
    std::string_view heading;  ///< the heading as the corpus writes it
};

inline constexpr std::array<CanonicalSection, 11> kSections{{
    {"what-it-is", "What It Is"},
    {"problem", "The Problem It Solves"},
    {"how-it-works", "How It Works"},
    {"when-to-use", "When to Use It"},
    {"when-not-to-use", "When NOT to Use It"},
    {"trade-offs", "Trade-offs"},
    {"failure-modes", "Failure Modes"},
    {"implementation", "Implementation Example"},
    {"tool-landscape", "Tool Landscape"},
    {"related-patterns", "Related Patterns"},
    {"further-reading", "Further Reading"},
}};

/// Section id of text that precedes the first H2.
inline constexpr std::string_view kIntroSection = "introduction";

/// The sections where a pattern says what it is, what it solves and when it fits. A word found only in its
/// examples, tool lists or reading lists does not make a pattern about it.
inline constexpr std::array<std::string_view, 5> kDescriptiveSections{kIntroSection, "what-it-is", "problem",
                                                                      "how-it-works", "when-to-use"};

/// The three maturity levels, from least to most proven.
inline constexpr std::array<std::string_view, 3> kStatuses{"proposed", "emerging", "validated-in-production"};

/// Lowercases and collapses a heading to a slug: "When not to use it!" -> "when-not-to-use-it".
std::string slugify(std::string_view text);

/// The canonical section a heading names, if any (matching is case- and punctuation-insensitive).
std::optional<CanonicalSection> canonical_section(std::string_view heading);

/// The position of a canonical section id in kSections, if it is one.
std::optional<std::size_t> canonical_position(std::string_view section_id);

/// The id under which a heading is indexed: its canonical id, or its slug for any other heading.
std::string section_id_for_heading(std::string_view heading);

/// A boolean term for a field value; values are lowercased and terms kept within Xapian's length limit.
std::string boolean_term(std::string_view prefix, std::string_view value);

}  // namespace pai::schema
