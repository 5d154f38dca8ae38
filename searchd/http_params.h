/** @file
 *  @brief Request targets: split path and query string, strict percent-decoding, typed parameters.
 *  Anything malformed throws SearchError(kBadRequest) rather than falling back to a default.
 */
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pai {

/// Decodes %XX escapes (and '+' as space when @p plus_is_space). @throws SearchError on a bad escape.
std::string percent_decode(std::string_view text, bool plus_is_space);

class QueryParams {
public:
    /// Parses `a=1&b=2&b=3`. @throws SearchError(kBadRequest) on invalid percent-encoding.
    static QueryParams parse(std::string_view query_string);

    /// Throws SearchError(kBadRequest) naming the first parameter not in @p allowed.
    void require_only(std::initializer_list<std::string_view> allowed) const;

    /// The single value of @p name; @throws SearchError(kBadRequest) when it is given more than once.
    std::optional<std::string> get(std::string_view name) const;

    /// All values of @p name, each also split at commas, empty pieces dropped.
    std::vector<std::string> get_list(std::string_view name) const;

    /// A non-negative integer at most @p max; @throws SearchError(kBadRequest) otherwise.
    std::size_t get_count(std::string_view name, std::size_t fallback, std::size_t max) const;

    /// "1"/"true" or "0"/"false"; @throws SearchError(kBadRequest) otherwise.
    bool get_flag(std::string_view name) const;

    /// Rewrites every value of @p name with normalise_words(), for parameters that are words (a search's
    /// q), so that requests differing only in spacing are one request.
    void normalise_words(std::string_view name);

    /// Every parameter, sorted by name, as `name=value` pairs joined with '&', each part percent-encoded so
    /// no name or value can run into the next. Repeated names keep the order they were given in: they are
    /// lists, where order may matter (answers=), and a repeated scalar is refused by get() anyway.
    std::string canonical() const;

private:
    std::multimap<std::string, std::string, std::less<>> values_;
};

struct Target {
    std::string path;  ///< percent-decoded path
    QueryParams params;
};

/// @p text with ASCII whitespace trimmed at both ends and each run inside it collapsed to one space.
std::string normalise_words(std::string_view text);

/// The decoded path and canonical() parameters, percent-encoded again: the one spelling of a request that
/// a response cache keys on.
std::string canonical_target(const Target& target);

/// Splits and decodes a request target. @throws SearchError(kBadRequest) when it is malformed.
Target parse_target(std::string_view target);

}  // namespace pai
