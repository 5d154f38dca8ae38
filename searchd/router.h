/** @file
 *  @brief Routes a request to its handler and is the one place where errors become HTTP statuses.
 *  Pure: no sockets, so tests call it directly.
 */
#pragma once

#include <filesystem>

#include "connection_counter.h"
#include "etag.h"
#include "http_types.h"
#include "metrics.h"
#include "response_cache.h"
#include "searcher_pool.h"
#include "serve_options.h"
#include "static_site.h"

namespace pai {

struct ServerContext {
    SearcherPool& searchers;
    std::filesystem::path web_root;
    ServeOptions options{};
    Metrics metrics{};
    ConnectionCounter connections{};
    ResponseCache cache{options.cache_bytes};   ///< answers of the /v1 routes, for the current generation
    StaticSite site{web_root};                  ///< the page's files, versioned at start-up
    std::string instance = make_instance_id();  ///< in every ETag, so a restarted daemon validates nothing old
};

/// Answers @p request. Never throws: every failure is a JSON error response.
Response handle_request(const Request& request, ServerContext& context);

/// A JSON error response `{"error": {"code", "message"}}` with the given status.
Response error_response(http::status status, std::string_view code, std::string_view message, unsigned version,
                        bool keep_alive);

}  // namespace pai
