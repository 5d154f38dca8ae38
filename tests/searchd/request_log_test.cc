#include "request_log.h"

#include <gtest/gtest.h>

namespace pai {
namespace {

TEST(RouteName, IdsFoldSoLogsAndMetricsGroupByRoute) {
    EXPECT_EQ(route_name("/v1/search?q=secret"), "/v1/search");
    EXPECT_EQ(route_name("/v1/patterns/circuit-breaker"), "/v1/patterns/{id}");
    EXPECT_EQ(route_name("/v1/patterns/circuit-breaker/similar"), "/v1/patterns/{id}/similar");
    EXPECT_EQ(route_name("/v1/guides/getting-started?x=1"), "/v1/guides/{id}");
    EXPECT_EQ(route_name("/healthz"), "/healthz");
    EXPECT_EQ(route_name("/metrics"), "/metrics");
    EXPECT_EQ(route_name("/app.js"), "static");
}

TEST(LogLevel, NamesParseAndOthersAreRefused) {
    EXPECT_EQ(parse_log_level("debug"), LogLevel::kDebug);
    EXPECT_EQ(parse_log_level("info"), LogLevel::kInfo);
    EXPECT_EQ(parse_log_level("warning"), LogLevel::kWarning);
    EXPECT_EQ(parse_log_level("error"), LogLevel::kError);
    EXPECT_FALSE(parse_log_level("verbose"));
}

}  // namespace
}  // namespace pai
