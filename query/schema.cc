/** @file
 *  @brief Heading normalisation and boolean term construction for the index schema.
 */
#include "schema.h"

#include <algorithm>
#include <cctype>

namespace pai::schema {
namespace {

// Xapian rejects terms longer than 245 bytes; stay well inside.
constexpr std::size_t kMaxTermBytes = 200;

char ascii_lower(char c) {
    return static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
}

}  // namespace

std::string slugify(std::string_view text) {
    std::string slug;
    bool pending_hyphen = false;
    for (char c : text) {
        if (std::isalnum(static_cast<unsigned char>(c))) {
            if (pending_hyphen && !slug.empty()) slug += '-';
            slug += ascii_lower(c);
            pending_hyphen = false;
        } else {
            pending_hyphen = true;
        }
    }
    return slug;
}

std::optional<CanonicalSection> canonical_section(std::string_view heading) {
    const std::string slug = slugify(heading);
    for (const auto& section : kSections) {
        if (slugify(section.heading) == slug) return section;
    }
    return std::nullopt;
}

std::optional<std::size_t> canonical_position(std::string_view section_id) {
    const auto* found =
        std::find_if(kSections.begin(), kSections.end(), [&](const CanonicalSection& s) { return s.id == section_id; });
    if (found == kSections.end()) return std::nullopt;
    return static_cast<std::size_t>(found - kSections.begin());
}

std::string section_id_for_heading(std::string_view heading) {
    if (auto section = canonical_section(heading)) return std::string(section->id);
    std::string slug = slugify(heading);
    return slug.empty() ? std::string("section") : slug;
}

std::string boolean_term(std::string_view prefix, std::string_view value) {
    std::string term(prefix);
    for (char c : value) term += ascii_lower(c);
    if (term.size() > kMaxTermBytes) term.resize(kMaxTermBytes);
    return term;
}

}  // namespace pai::schema
