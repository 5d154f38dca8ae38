/** @file
 *  @brief The /v1/openapi.yaml response: YAML, not JSON, so it sits outside the JSON route table.
 */
#include "openapi_endpoint.h"

namespace pai {

Response get_openapi(const Request& request, const Target& target) {
    target.params.require_only({});
    Response response{http::status::ok, request.version()};
    response.set(http::field::content_type, "application/yaml");
    response.set(http::field::cache_control, "no-cache");
    response.keep_alive(request.keep_alive());
    response.body() = std::string(openapi_document());
    response.prepare_payload();
    return response;
}

}  // namespace pai
