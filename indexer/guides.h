/** @file
 *  @brief The corpus content that is not patterns: the Markdown guides in corpus/guides/ and the Decision
 *  Guide, read, checked against the patterns and turned into index metadata.
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

    /// The index metadata entries (key -> JSON) that hold this content.
    std::map<std::string, std::string> metadata() const;
};

/// Reads every `*.md` in @p guides_dir (none when it does not exist). Each needs front matter with `title`
/// and `description` (`order` optional); problems go to @p diagnostics as `path:line`.
std::vector<Guide> load_guides(const std::filesystem::path& guides_dir, Diagnostics& diagnostics);

/// Reads corpus/guides/ and corpus/decision-guide.yaml under @p corpus_dir, and checks that every pattern
/// they name (links in guides, ids in the Decision Guide) is one of @p patterns.
GuideContent load_guide_content(const std::filesystem::path& corpus_dir, const std::vector<ResolvedPattern>& patterns,
                                Diagnostics& diagnostics);

}  // namespace pai
