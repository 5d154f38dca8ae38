/** @file
 *  @brief Names for error kinds, used as the `code` of JSON errors.
 */
#include "search_error.h"

namespace pai {

std::string_view to_string(ErrorKind kind) {
    switch (kind) {
        case ErrorKind::kBadRequest:
            return "bad_request";
        case ErrorKind::kNotFound:
            return "not_found";
        case ErrorKind::kIndexUnavailable:
            return "index_unavailable";
        case ErrorKind::kInternal:
            return "internal";
    }
    return "internal";
}

}  // namespace pai
