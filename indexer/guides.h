/** @file
 *  @brief The corpus content that is not patterns: the Markdown guides in corpus/guides/ and the Decision
 *  Guide, the case studies and the reading paths, read, checked against the patterns and turned into index
 *  metadata.
 */
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "corpus_checks.h"
#include "diagnostics.h"
#include "guide_types.h"

namespace pai {

struct GuideContent {
    std::vector<Guide> guides;  ///< sorted by order, then id
    std::optional<DecisionGuide> decision_guide;
    std::vector<CaseStudy> case_studies;  ///< corpus/case-studies/, sorted by id
    std::vector<ReadingPath> paths;       ///< corpus/paths.yaml, in file order

    /// The index metadata entries (key -> JSON) that hold this content.
    std::map<std::string, std::string> metadata() const;
};

/// Reads every `*.md` in @p guides_dir (none when it does not exist). Each needs front matter with `title`
/// and `description` (`order` optional); problems go to @p diagnostics as `path:line`.
std::vector<Guide> load_guides(const std::filesystem::path& guides_dir, Diagnostics& diagnostics);

/// Reads corpus/guides/, corpus/decision-guide.yaml, corpus/case-studies/ and corpus/paths.yaml under
/// @p corpus_dir, and checks that every pattern they name (links in guides, ids elsewhere) is one of @p patterns.
GuideContent load_guide_content(const std::filesystem::path& corpus_dir, const std::vector<ResolvedPattern>& patterns,
                                Diagnostics& diagnostics);

}  // namespace pai
