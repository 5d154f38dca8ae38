/** @file
 *  @brief The one exception type the query library lets escape, with a kind callers can map to a status.
 */
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>

namespace pai {

/// What went wrong, independent of any transport. The daemon's router maps these to HTTP codes.
enum class ErrorKind {
    kBadRequest,        ///< the request itself is invalid (bad parameter, limit exceeded)
    kNotFound,          ///< the named pattern or resource does not exist
    kIndexUnavailable,  ///< no index could be opened
    kInternal,          ///< anything else, including unexpected Xapian errors
};

std::string_view to_string(ErrorKind kind);

class SearchError : public std::runtime_error {
public:
    SearchError(ErrorKind kind, const std::string& message) : std::runtime_error(message), kind_(kind) {}
    ErrorKind kind() const noexcept { return kind_; }

private:
    ErrorKind kind_;
};

}  // namespace pai
