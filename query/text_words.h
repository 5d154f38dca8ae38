/** @file
 *  @brief How typed text splits into words, shared by the code that reads a query before Xapian does.
 */
#pragma once

#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>

namespace pai {

/// A character of a typed word: an ASCII letter or digit, or an apostrophe ("can't" is one word).
inline bool is_word_char(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '\'';
}

/// @p text with its ASCII letters lowercased.
inline std::string ascii_lowercase(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

}  // namespace pai
