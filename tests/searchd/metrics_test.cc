#include "metrics.h"

#include <gtest/gtest.h>

#include <sstream>

namespace pai {
namespace {

bool has_line(const std::string& text, const std::string& line) {
    std::istringstream lines(text);
    std::string current;
    while (std::getline(lines, current)) {
        if (current == line) return true;
    }
    return false;
}

TEST(Metrics, CountsRequestsByRouteAndStatus) {
    Metrics metrics;
    metrics.record_request("/v1/search", 200, 0.002);
    metrics.record_request("/v1/search", 200, 0.003);
    metrics.record_request("/v1/search", 400, 0.0001);
    metrics.record_request("/healthz", 200, 0.0001);
    const std::string text = metrics.render({}, 0);
    EXPECT_TRUE(has_line(text, "pai_http_requests_total{route=\"/v1/search\",status=\"200\"} 2")) << text;
    EXPECT_TRUE(has_line(text, "pai_http_requests_total{route=\"/v1/search\",status=\"400\"} 1")) << text;
    EXPECT_TRUE(has_line(text, "pai_http_requests_total{route=\"/healthz\",status=\"200\"} 1")) << text;
    EXPECT_TRUE(has_line(text, "# TYPE pai_http_requests_total counter")) << text;
}

TEST(Metrics, LatencyHistogramBucketsAreCumulative) {
    Metrics metrics;
    metrics.record_request("/v1/search", 200, 0.0004);
    metrics.record_request("/v1/search", 200, 0.02);
    metrics.record_request("/v1/search", 200, 3.0);
    const std::string text = metrics.render({}, 0);
    const std::string bucket = "pai_http_request_duration_seconds_bucket{route=\"/v1/search\",le=";
    EXPECT_TRUE(has_line(text, bucket + "\"0.0005\"} 1")) << text;
    EXPECT_TRUE(has_line(text, bucket + "\"0.01\"} 1")) << text;
    EXPECT_TRUE(has_line(text, bucket + "\"0.025\"} 2")) << text;
    EXPECT_TRUE(has_line(text, bucket + "\"1\"} 2")) << text;
    EXPECT_TRUE(has_line(text, bucket + "\"+Inf\"} 3")) << text;
    EXPECT_TRUE(has_line(text, "pai_http_request_duration_seconds_count{route=\"/v1/search\"} 3")) << text;
    EXPECT_TRUE(has_line(text, "pai_http_request_duration_seconds_sum{route=\"/v1/search\"} 3.0204")) << text;
    EXPECT_TRUE(has_line(text, "# TYPE pai_http_request_duration_seconds histogram")) << text;
}

TEST(Metrics, ReportsIndexAndConnectionGauges) {
    Metrics metrics;
    metrics.record_timeout();
    IndexStats index;
    index.generation = 7;
    index.patterns = 120;
    index.sections = 1200;
    const std::string text = metrics.render(index, 3);
    EXPECT_TRUE(has_line(text, "pai_index_generation 7")) << text;
    EXPECT_TRUE(has_line(text, "pai_index_patterns 120")) << text;
    EXPECT_TRUE(has_line(text, "pai_index_documents 1200")) << text;
    EXPECT_TRUE(has_line(text, "pai_http_connections_open 3")) << text;
    EXPECT_TRUE(has_line(text, "pai_http_connections_timed_out_total 1")) << text;
}

TEST(Metrics, RouteLabelsAreBoundedAndEscaped) {
    Metrics metrics;
    for (int i = 0; i < 100; ++i) metrics.record_request("/v1/x" + std::to_string(i), 404, 0.001);
    metrics.record_request("/v1/\"quote\"\n\xff", 404, 0.001);
    const std::string text = metrics.render({}, 0);
    std::size_t series = 0;
    for (auto at = text.find("pai_http_requests_total{"); at != std::string::npos;
         at = text.find("pai_http_requests_total{", at + 1)) {
        ++series;
    }
    EXPECT_LE(series, Metrics::kMaxRoutes + 1);
    EXPECT_TRUE(has_line(text, "pai_http_requests_total{route=\"other\",status=\"404\"} 69")) << text;
    for (unsigned char c : text) EXPECT_TRUE(c == '\n' || (c >= ' ' && c <= '~'));
}

}  // namespace
}  // namespace pai
