/** @file
 *  @brief Origin validation and the CORS response headers.
 */
#include "cors.h"

#include <algorithm>

namespace pai {

bool is_valid_cors_origin(std::string_view origin) {
    if (origin == "*") return true;
    for (std::string_view scheme : {"http://", "https://"}) {
        if (!origin.starts_with(scheme)) continue;
        const auto authority = origin.substr(scheme.size());
        return !authority.empty() && authority.find_first_of("/?#@ \t") == std::string_view::npos;
    }
    return false;
}

void apply_cors(const Request& request, const std::vector<std::string>& allowed, Response& response) {
    if (allowed.empty()) return;
    add_vary(response, "Origin");
    const auto found = request.find(http::field::origin);
    if (found == request.end()) return;
    const std::string_view origin(found->value().data(), found->value().size());
    if (std::find(allowed.begin(), allowed.end(), "*") != allowed.end()) {
        response.set(http::field::access_control_allow_origin, "*");
    } else if (std::find(allowed.begin(), allowed.end(), origin) != allowed.end()) {
        response.set(http::field::access_control_allow_origin, found->value());
    }
}

}  // namespace pai
