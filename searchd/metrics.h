/** @file
 *  @brief Request counters and latency histograms, rendered at GET /metrics in the Prometheus text
 *  format (version 0.0.4). Thread-safe; every worker records into the one instance.
 */
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <string_view>

#include "response_cache.h"
#include "search_types.h"

namespace pai {

class Metrics {
public:
    /// Upper bounds (seconds) of the latency histogram's buckets; +Inf is implied.
    static constexpr std::array<double, 11> kBuckets{0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
                                                     0.05,   0.1,   0.25,   0.5,   1.0};
    /// Distinct route labels kept; later ones are counted as "other", so odd paths cannot grow memory.
    static constexpr std::size_t kMaxRoutes = 32;

    void record_request(std::string_view route, unsigned status, double seconds);
    /// A connection dropped by the idle or request time-out.
    void record_timeout();

    /// The exposition text, with the index and connection gauges given by the caller.
    std::string render(const IndexStats& index, std::size_t open_connections) const;

private:
    struct RouteSeries {
        std::map<unsigned, std::uint64_t> by_status;
        std::array<std::uint64_t, kBuckets.size()> buckets{};  ///< not cumulative; summed when rendered
        std::uint64_t count = 0;
        double sum = 0;
    };
    mutable std::mutex mutex_;
    std::map<std::string, RouteSeries, std::less<>> routes_;
    std::uint64_t timeouts_ = 0;
};

/// The response cache's counters and gauges in the same exposition format.
std::string render_cache_metrics(const ResponseCacheStats& cache);

}  // namespace pai
