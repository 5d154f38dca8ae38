/** @file
 *  @brief Answers a JSON route of the route table, through the response cache when the route's answers
 *  depend only on the request and the index generation.
 */
#pragma once

#include <functional>
#include <nlohmann/json.hpp>

#include "http_params.h"
#include "representation.h"
#include "router.h"

namespace pai {

using JsonHandler = std::function<nlohmann::json(SearcherPool&, const Target&)>;

/// How a route's answers may be reused.
enum class Reuse {
    kNever,               ///< the answer can change within a generation (/healthz)
    kPerGeneration,       ///< one request of one generation always gets the same answer
    kPerGenerationWords,  ///< the same, and its q is words: whitespace is normalised before it is read
};

/// The answer @p handler gives @p target, or the cached copy of it (`X-Cache: hit`, else `miss`), with
/// `Cache-Control: no-cache` and an ETag naming the generation (when it has a tag) for revalidation. Only
/// successful answers that are not partial (cut by the search deadline) are cached, and only when the
/// served indexes have a generation tag; a cached answer's gzipped body is kept with it. Handler errors
/// propagate (the router maps them).
Answer answer_json(const Request& request, Target target, Reuse reuse, const JsonHandler& handler,
                   ServerContext& context);

}  // namespace pai
