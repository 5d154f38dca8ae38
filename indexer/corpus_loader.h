/** @file
 *  @brief Walks a corpus directory and reads every pattern file and the pillar list.
 */
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "diagnostics.h"
#include "front_matter.h"
#include "markdown_sections.h"
#include "stored_document.h"

namespace pai {

/// One pattern file as read from disk, before any rule is checked.
struct PatternSource {
    std::filesystem::path path;  ///< as found under the corpus root (used in diagnostics and hits)
    std::string id;              ///< the file stem
    std::string folder;          ///< name of the containing directory
    FrontMatter front_matter;
    std::vector<MarkdownSection> sections;
    int body_first_line = 1;
    int line_count = 0;
};

struct Corpus {
    std::vector<PillarInfo> pillars;
    std::vector<PatternSource> patterns;  ///< sorted by id, then path
    std::size_t skipped_files = 0;        ///< files that are not patterns (no `pillar` in front matter)
};

/// The ten pillars the library is organised in, used when a corpus has no pillars.yaml.
std::vector<PillarInfo> default_pillars();

/// Reads @p root recursively. Problems reading or parsing a file go to @p diagnostics; such files are left
/// out of the result.
Corpus load_corpus(const std::filesystem::path& root, Diagnostics& diagnostics);

/// Reads one file as a pattern; returns false when it is not one (no front matter `pillar`).
bool load_pattern_file(const std::filesystem::path& path, std::string_view content, PatternSource& out,
                       Diagnostics& diagnostics);

}  // namespace pai
