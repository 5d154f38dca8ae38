/** @file
 *  @brief The /metrics response: text, not JSON, so it sits outside the JSON route table.
 */
#include "metrics_endpoint.h"

namespace pai {

Response get_metrics(const Request& request, const Target& target, ServerContext& context) {
    target.params.require_only({});
    const IndexStats index = context.searchers.acquire()->stats();
    Response response{http::status::ok, request.version()};
    response.set(http::field::content_type, "text/plain; version=0.0.4; charset=utf-8");
    response.set(http::field::cache_control, "no-store");
    response.keep_alive(request.keep_alive());
    response.body() =
        context.metrics.render(index, context.connections.active()) + render_cache_metrics(context.cache.stats());
    response.prepare_payload();
    return response;
}

}  // namespace pai
