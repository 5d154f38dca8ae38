/** @file
 *  @brief Metric recording and the Prometheus text exposition.
 */
#include "metrics.h"

#include <sstream>

namespace pai {
namespace {

/// A label value as the exposition format wants it: escaped, and printable ASCII only (paths are bytes).
std::string label(std::string_view value) {
    std::string out;
    for (char c : value) {
        if (c == '\\' || c == '"') {
            out += '\\';
            out += c;
        } else {
            out += (c >= ' ' && c <= '~') ? c : '_';
        }
    }
    return out;
}

void header(std::ostringstream& out, std::string_view name, std::string_view type, std::string_view help) {
    out << "# HELP " << name << ' ' << help << "\n# TYPE " << name << ' ' << type << '\n';
}

}  // namespace

void Metrics::record_request(std::string_view route, unsigned status, double seconds) {
    std::lock_guard lock(mutex_);
    auto series = routes_.find(route);
    if (series == routes_.end()) {
        const std::string_view name = routes_.size() < kMaxRoutes ? route : std::string_view("other");
        series = routes_.try_emplace(std::string(name)).first;
    }
    RouteSeries& s = series->second;
    ++s.by_status[status];
    ++s.count;
    s.sum += seconds;
    for (std::size_t i = 0; i < kBuckets.size(); ++i) {
        if (seconds <= kBuckets[i]) {
            ++s.buckets[i];
            break;
        }
    }
}

void Metrics::record_timeout() {
    std::lock_guard lock(mutex_);
    ++timeouts_;
}

std::string Metrics::render(const IndexStats& index, std::size_t open_connections) const {
    std::ostringstream out;
    out.precision(9);
    std::lock_guard lock(mutex_);
    header(out, "pai_http_requests_total", "counter", "HTTP requests answered, by route and status.");
    for (const auto& [route, s] : routes_) {
        for (const auto& [status, count] : s.by_status) {
            out << "pai_http_requests_total{route=\"" << label(route) << "\",status=\"" << status << "\"} " << count
                << '\n';
        }
    }
    header(out, "pai_http_request_duration_seconds", "histogram", "Time from a parsed request to its response.");
    for (const auto& [route, s] : routes_) {
        const std::string name = "pai_http_request_duration_seconds";
        const std::string route_label = "route=\"" + label(route) + "\"";
        std::uint64_t cumulative = 0;
        for (std::size_t i = 0; i < kBuckets.size(); ++i) {
            cumulative += s.buckets[i];
            out << name << "_bucket{" << route_label << ",le=\"" << kBuckets[i] << "\"} " << cumulative << '\n';
        }
        out << name << "_bucket{" << route_label << ",le=\"+Inf\"} " << s.count << '\n';
        out << name << "_sum{" << route_label << "} " << s.sum << '\n';
        out << name << "_count{" << route_label << "} " << s.count << '\n';
    }
    header(out, "pai_http_connections_open", "gauge", "Connections open now.");
    out << "pai_http_connections_open " << open_connections << '\n';
    header(out, "pai_http_connections_timed_out_total", "counter",
           "Connections dropped by the idle or request time-out.");
    out << "pai_http_connections_timed_out_total " << timeouts_ << '\n';
    header(out, "pai_index_generation", "gauge", "The index generation being served.");
    out << "pai_index_generation " << index.generation << '\n';
    header(out, "pai_index_patterns", "gauge", "Patterns in the served index.");
    out << "pai_index_patterns " << index.patterns << '\n';
    header(out, "pai_index_documents", "gauge", "Documents (pattern sections) in the served index.");
    out << "pai_index_documents " << index.sections << '\n';
    return out.str();
}

std::string render_cache_metrics(const ResponseCacheStats& cache) {
    std::ostringstream out;
    const auto counter = [&](std::string_view name, std::string_view help, std::uint64_t value) {
        header(out, name, "counter", help);
        out << name << ' ' << value << '\n';
    };
    const auto gauge = [&](std::string_view name, std::string_view help, std::size_t value) {
        header(out, name, "gauge", help);
        out << name << ' ' << value << '\n';
    };
    counter("pai_response_cache_hits_total", "Answers served from the response cache.", cache.hits);
    counter("pai_response_cache_misses_total", "Cacheable requests not found in the response cache.", cache.misses);
    counter("pai_response_cache_evictions_total", "Cached answers dropped to stay within the cache's bytes.",
            cache.evictions);
    counter("pai_response_cache_invalidations_total", "Cached answers dropped because a new index generation opened.",
            cache.invalidations);
    gauge("pai_response_cache_entries", "Answers in the response cache now.", cache.entries);
    gauge("pai_response_cache_bytes", "Bytes the cached answers take (keys, bodies, gzipped bodies).", cache.bytes);
    gauge("pai_response_cache_capacity_bytes", "The response cache's bound (--cache-mib); 0 when it is off.",
          cache.capacity_bytes);
    return out.str();
}

}  // namespace pai
