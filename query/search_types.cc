/** @file
 *  @brief Validation of search requests against the documented limits.
 */
#include "search_types.h"

#include "search_error.h"
#include "search_limits.h"

namespace pai {

void SearchRequest::validate() const {
    if (query.size() > kMaxQueryBytes) {
        throw SearchError(ErrorKind::kBadRequest, "q is longer than " + std::to_string(kMaxQueryBytes) + " bytes");
    }
    if (limit > kMaxLimit) {
        throw SearchError(ErrorKind::kBadRequest, "limit must be at most " + std::to_string(kMaxLimit));
    }
    if (offset > kMaxOffset) {
        throw SearchError(ErrorKind::kBadRequest, "offset must be at most " + std::to_string(kMaxOffset));
    }
    check_query_size(query);
}

}  // namespace pai
