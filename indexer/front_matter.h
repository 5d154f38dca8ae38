/** @file
 *  @brief Splits a Markdown file into YAML front matter and body (cmark has no front matter support)
 *  and reads the front matter with yaml-cpp, keeping source line numbers for every value.
 */
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "diagnostics.h"

namespace pai {

struct SplitDocument {
    bool has_front_matter = false;
    bool unclosed = false;    ///< an opening `---` with no closing line
    std::string yaml;         ///< the lines between the delimiters
    int yaml_first_line = 0;  ///< 1-based line of the first YAML line
    std::string body;         ///< everything after the closing delimiter
    int body_first_line = 1;  ///< 1-based line of the first body line
};

/// Strips a UTF-8 BOM, normalises CRLF to LF (line numbers are unchanged) and splits at `---` lines.
SplitDocument split_front_matter(std::string_view raw);

template <typename T>
struct Located {
    T value;
    int line = 0;
};

struct EvidenceEntry {
    std::string title;
    std::string url;
    int line = 0;
};

struct FrontMatter {
    std::optional<Located<std::string>> title;
    std::optional<Located<std::string>> description;
    std::optional<Located<std::string>> pillar;
    std::optional<Located<std::string>> status;
    std::optional<Located<std::string>> last_reviewed;
    std::vector<Located<std::string>> tags;
    int tags_line = 0;
    std::vector<Located<std::string>> symptoms;
    int symptoms_line = 0;
    std::vector<Located<std::string>> related;
    bool has_evidence = false;
    int evidence_line = 0;
    std::vector<EvidenceEntry> evidence;
    std::vector<Located<std::string>> unknown_keys;
};

/// Parses the YAML of @p document. Reports invalid YAML and ill-typed values to @p diagnostics against
/// @p path and returns nullopt when the YAML cannot be read at all.
std::optional<FrontMatter> parse_front_matter(const SplitDocument& document, const std::filesystem::path& path,
                                              Diagnostics& diagnostics);

}  // namespace pai
