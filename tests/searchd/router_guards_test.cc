#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "router.h"
#include "router_fixture.h"

namespace pai {
namespace {

/// The checks the router makes before any handler: the Host allow-list, CORS and /metrics.
class RouterGuards : public test::RouterFixture {
protected:
    ServerContext context{*pool_, web_dir()};

    Response get(const std::string& target, const std::string& host = "127.0.0.1:7171", const char* origin = nullptr) {
        Request request{http::verb::get, target, 11};
        request.set(http::field::host, host);
        if (origin) request.set(http::field::origin, origin);
        return handle_request(request, context);
    }
};

TEST_F(RouterGuards, ForeignHostIsRefusedWith421JsonOnEveryPath) {
    for (const char* target : {"/", "/v1/search?q=retry", "/healthz", "/metrics", "/v1/nope"}) {
        const auto response = get(target, "attacker.example:7171");
        EXPECT_EQ(response.result(), http::status::misdirected_request) << target;
        EXPECT_EQ(nlohmann::json::parse(response.body())["error"]["code"], "misdirected_request") << target;
        EXPECT_EQ(response["X-Content-Type-Options"], "nosniff") << target;
        EXPECT_EQ(response.body().find("Retry"), std::string::npos) << target;  // nothing from the index
    }
}

TEST_F(RouterGuards, EmptyHostIsRefusedButAMissingOneIsNotSinceBrowsersAlwaysSendIt) {
    EXPECT_EQ(get("/healthz", "").result(), http::status::misdirected_request);
    Request request{http::verb::get, "/healthz", 11};
    EXPECT_EQ(handle_request(request, context).result(), http::status::ok);
}

TEST_F(RouterGuards, LocalhostAndAllowedHostsAreAnswered) {
    EXPECT_EQ(get("/healthz", "localhost:7171").result(), http::status::ok);
    EXPECT_EQ(get("/healthz", "[::1]:7171").result(), http::status::ok);
    EXPECT_EQ(get("/healthz", "search.internal").result(), http::status::misdirected_request);
    context.options.hosts.add("search.internal");
    EXPECT_EQ(get("/healthz", "search.internal").result(), http::status::ok);
}

TEST_F(RouterGuards, NoCorsHeaderUnlessTheOriginIsConfigured) {
    const auto plain = get("/v1/search?q=retry", "127.0.0.1", "https://evil.example");
    EXPECT_EQ(plain.result(), http::status::ok);
    EXPECT_EQ(plain.find(http::field::access_control_allow_origin), plain.end());
    context.options.cors_origins = {"https://docs.example"};
    EXPECT_EQ(get("/v1/search?q=retry", "127.0.0.1", "https://docs.example")[http::field::access_control_allow_origin],
              "https://docs.example");
    const auto other = get("/v1/search?q=retry", "127.0.0.1", "https://evil.example");
    EXPECT_EQ(other.find(http::field::access_control_allow_origin), other.end());
}

TEST_F(RouterGuards, MetricsArePrometheusTextWithIndexGauges) {
    context.metrics.record_request("/v1/search", 200, 0.001);
    const auto response = get("/metrics");
    EXPECT_EQ(response.result(), http::status::ok);
    EXPECT_EQ(response[http::field::content_type], "text/plain; version=0.0.4; charset=utf-8");
    EXPECT_NE(response.body().find("pai_http_requests_total{route=\"/v1/search\",status=\"200\"} 1\n"),
              std::string::npos)
        << response.body();
    EXPECT_NE(response.body().find("\npai_index_generation 1\n"), std::string::npos) << response.body();
    EXPECT_NE(response.body().find("\npai_index_documents 52\n"), std::string::npos) << response.body();
    EXPECT_EQ(get("/metrics?x=1").result(), http::status::bad_request);
}

}  // namespace
}  // namespace pai
