/** @file
 *  @brief GET /metrics: the Prometheus text exposition of the daemon's counters and the index gauges.
 */
#pragma once

#include "http_params.h"
#include "router.h"

namespace pai {

/// Answers /metrics. @throws SearchError(kBadRequest) for any query parameter.
Response get_metrics(const Request& request, const Target& target, ServerContext& context);

}  // namespace pai
