/** @file
 *  @brief Reading paths (corpus/paths.yaml): ordered lists of patterns for one job, each step with a line
 *  on why it follows the one before; read with yaml-cpp and checked against the patterns.
 */
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "diagnostics.h"
#include "guide_types.h"

namespace pai {

inline constexpr std::size_t kMinPathSteps = 5;
inline constexpr std::size_t kMaxPathSteps = 10;

/// Reads @p file (no paths when it does not exist). Every path needs an id (unique), a title, a description
/// and kMinPathSteps to kMaxPathSteps steps, each an existing pattern (named once per path) with its `why`.
/// Step titles are filled in from @p pattern_titles. Problems go to @p diagnostics as `path:line`.
std::vector<ReadingPath> load_reading_paths(const std::filesystem::path& file,
                                            const std::map<std::string, std::string>& pattern_titles,
                                            Diagnostics& diagnostics);

}  // namespace pai
