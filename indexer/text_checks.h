/** @file
 *  @brief Byte-level checks a corpus file must pass before it is parsed: UTF-8 only, and no NUL bytes.
 *  Caught here they are `path:line` errors; let through, invalid UTF-8 would fail the whole index build
 *  when the stored JSON is written.
 */
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace pai {

struct TextProblem {
    int line = 1;  ///< 1-based line of the first offending byte
    std::string message;
};

/// The first NUL byte or invalid UTF-8 sequence (overlong, surrogate, beyond U+10FFFF, truncated) in
/// @p text, or nullopt when it is clean.
std::optional<TextProblem> find_text_problem(std::string_view text);

}  // namespace pai
