/** @file
 *  @brief Case studies (corpus/case-studies/<id>.md): a real system mapped to the patterns it runs, read
 *  and checked against the patterns; the Pattern Stack table and the `patterns` list must agree.
 */
#pragma once

#include <array>
#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "diagnostics.h"
#include "guide_types.h"

namespace pai {

/// The sections of a case study, in their required order.
inline constexpr std::array<std::string_view, 5> kCaseStudySections{
    "System Context", "The Engineering Problem", "Pattern Stack", "What They Measured", "Lessons"};
/// A case study cites at least this many pages of the organisation that runs the system.
inline constexpr std::size_t kMinCaseStudySources = 2;

/// Reads every `*.md` in @p dir (none when it does not exist), sorted by id. @p pattern_titles maps every
/// pattern id to its title; problems go to @p diagnostics as `path:line`, and a file with errors is left out.
std::vector<CaseStudy> load_case_studies(const std::filesystem::path& dir,
                                         const std::map<std::string, std::string>& pattern_titles,
                                         Diagnostics& diagnostics);

}  // namespace pai
