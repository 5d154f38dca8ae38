/** @file
 *  @brief Counting the words and wildcards of a query before it reaches the QueryParser.
 */
#include "search_limits.h"

#include <string>

#include "search_error.h"

namespace pai {
namespace {

/// ASCII letters and digits, and every byte of a multi-byte UTF-8 character, as the QueryParser reads words.
bool is_word_byte(char c) {
    const auto byte = static_cast<unsigned char>(c);
    return byte >= 0x80 || (byte >= '0' && byte <= '9') || ((byte | 0x20) >= 'a' && (byte | 0x20) <= 'z');
}

}  // namespace

void check_query_size(std::string_view query) {
    std::size_t words = 0;
    std::size_t wildcards = 0;
    for (std::size_t i = 0; i < query.size();) {
        if (!is_word_byte(query[i])) {
            ++i;
            continue;
        }
        while (i < query.size() && is_word_byte(query[i])) ++i;
        ++words;
        if (i < query.size() && query[i] == '*') ++wildcards;
    }
    if (words > kMaxQueryWords) {
        throw SearchError(ErrorKind::kBadRequest, "q has " + std::to_string(words) + " words; at most " +
                                                      std::to_string(kMaxQueryWords) + " are allowed");
    }
    if (wildcards > kMaxQueryWildcards) {
        throw SearchError(ErrorKind::kBadRequest, "q has " + std::to_string(wildcards) + " wildcards; at most " +
                                                      std::to_string(kMaxQueryWildcards) + " are allowed");
    }
}

}  // namespace pai
