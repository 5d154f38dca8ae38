/** @file
 *  @brief The Failure Modes section read as entries: `### Name`, then `**Trigger**:`, `**Symptom**:` and
 *  `**Mitigation**:` lines, each entry with its source lines and Markdown so it can be indexed on its own.
 */
#pragma once

#include <string>
#include <vector>

#include "markdown_sections.h"
#include "stored_document.h"

namespace pai {

/// How many failure modes a pattern needs (corpus/README.md).
inline constexpr std::size_t kMinFailureModes = 3;

struct ParsedFailureMode {
    FailureMode mode;
    std::string markdown;  ///< the entry's source, heading included
};

/// A shape problem found while reading the section, at its source line.
struct FailureModeProblem {
    int line = 0;
    std::string message;
};

struct FailureModesParse {
    std::vector<ParsedFailureMode> entries;
    std::vector<FailureModeProblem> problems;
};

/// Reads the entries of @p section (a `## Failure Modes` section) and reports every entry that lacks one of
/// the three fields, gives one twice or repeats an earlier name, and a section with fewer than
/// kMinFailureModes entries. Fenced code is skipped. Entries are returned even when incomplete.
FailureModesParse parse_failure_modes(const MarkdownSection& section);

}  // namespace pai
