/** @file
 *  @brief Reads and checks corpus/decision-guide.yaml: its questions, their answers and what each answer
 *  favours, rules out or searches for.
 */
#pragma once

#include <filesystem>
#include <optional>
#include <set>
#include <string>

#include "diagnostics.h"
#include "guide_types.h"

namespace pai {

inline constexpr std::size_t kMinGuideQuestions = 4;
inline constexpr std::size_t kMaxGuideQuestions = 7;

/// Reads @p file. Every pattern id it names must be in @p pattern_ids; every problem is reported to
/// @p diagnostics at its `path:line`. Returns nullopt when the file cannot be read as a guide at all.
std::optional<DecisionGuide> load_decision_guide(const std::filesystem::path& file,
                                                 const std::set<std::string>& pattern_ids, Diagnostics& diagnostics);

}  // namespace pai
