#include "router.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "router_fixture.h"

namespace pai {
namespace {

/// The router answers requests directly: no sockets involved.
class RouterTest : public test::RouterFixture {
protected:
    static Response get(const std::string& target, http::verb verb = http::verb::get) {
        ServerContext context{*pool_, web_dir()};
        Request request{verb, target, 11};
        return handle_request(request, context);
    }
    static nlohmann::json json_of(const Response& response) { return nlohmann::json::parse(response.body()); }
};

TEST_F(RouterTest, SearchAnswersTheDocumentedShape) {
    const auto response = get("/v1/search?q=provider+timeouts&pillar=reliability");
    ASSERT_EQ(response.result(), http::status::ok);
    EXPECT_EQ(response[http::field::content_type], "application/json");
    const auto body = json_of(response);
    for (const char* key : {"query", "total", "took_ms", "hits", "facets"}) EXPECT_TRUE(body.contains(key)) << key;
    ASSERT_FALSE(body["hits"].empty());
    const auto& hit = body["hits"][0];
    for (const char* key : {"id", "title", "description", "pillar", "status", "tags", "section", "section_title",
                            "snippet", "score", "path", "line"}) {
        EXPECT_TRUE(hit.contains(key)) << key;
    }
    EXPECT_EQ(body["facets"]["pillar"][0]["value"], "reliability");
}

TEST_F(RouterTest, BadParametersAreBadRequestsWithAJsonError) {
    for (const char* target : {"/v1/search?limit=abc", "/v1/search?limit=101", "/v1/search?offset=1001",
                               "/v1/search?q=%zz", "/v1/search?unknown=1", "/v1/search?q=a&q=b"}) {
        const auto response = get(target);
        EXPECT_EQ(response.result(), http::status::bad_request) << target;
        EXPECT_EQ(json_of(response)["error"]["code"], "bad_request") << target;
    }
    EXPECT_EQ(get("/v1/search?q=" + std::string(1025, 'a')).result(), http::status::bad_request);
    EXPECT_EQ(get("/v1/search?q=" + std::string(9000, 'a')).result(), http::status::bad_request);
}

TEST_F(RouterTest, PatternByIdAndUnknownIdIsNotFound) {
    const auto response = get("/v1/patterns/circuit-breaker");
    ASSERT_EQ(response.result(), http::status::ok);
    const auto body = json_of(response);
    EXPECT_EQ(body["id"], "circuit-breaker");
    EXPECT_EQ(body["sections"].size(), 11u);
    EXPECT_TRUE(body["sections"][0].contains("html"));
    EXPECT_EQ(body["related"][0]["id"], "retry-with-backoff");
    const auto missing = get("/v1/patterns/no-such-thing");
    EXPECT_EQ(missing.result(), http::status::not_found);
    EXPECT_EQ(json_of(missing)["error"]["code"], "not_found");
    EXPECT_EQ(get("/v1/patterns/..%2Fetc").result(), http::status::not_found);
}

TEST_F(RouterTest, SimilarPatternsAndExplain) {
    const auto similar = json_of(get("/v1/patterns/circuit-breaker/similar?limit=2"));
    EXPECT_EQ(similar["id"], "circuit-breaker");
    EXPECT_EQ(similar["similar"].size(), 2u);
    EXPECT_EQ(get("/v1/patterns/nope/similar").result(), http::status::not_found);
    EXPECT_EQ(get("/v1/patterns/circuit-breaker/similar?limit=x").result(), http::status::bad_request);
    const auto explained = json_of(get("/v1/search?q=tenant&explain=1"));
    EXPECT_TRUE(explained["hits"][0]["explain"].contains("sections"));
    EXPECT_FALSE(json_of(get("/v1/search?q=tenant"))["hits"][0].contains("explain"));
}

TEST_F(RouterTest, SuggestFacetsPillarsAndHealth) {
    EXPECT_EQ(json_of(get("/v1/suggest?q=circ"))["suggestions"][0]["id"], "circuit-breaker");
    EXPECT_EQ(json_of(get("/v1/facets"))["patterns"], 4);
    const auto pillars = json_of(get("/v1/pillars"))["pillars"];
    ASSERT_EQ(pillars.size(), 3u);
    EXPECT_EQ(pillars[0]["id"], "reliability");
    EXPECT_EQ(pillars[0]["patterns"], 2);
    EXPECT_EQ(pillars[0]["by_status"]["emerging"], 1);
    const auto health = json_of(get("/healthz"));
    EXPECT_EQ(health["status"], "ok");
    EXPECT_EQ(health["patterns"], 4);
    EXPECT_EQ(health["generation"], 1);
}

TEST_F(RouterTest, OnlyGetAndHeadAreAllowed) {
    const auto response = get("/v1/search", http::verb::post);
    EXPECT_EQ(response.result(), http::status::method_not_allowed);
    EXPECT_EQ(response[http::field::allow], "GET, HEAD");
    const auto head = get("/healthz", http::verb::head);
    EXPECT_EQ(head.result(), http::status::ok);
    EXPECT_TRUE(head.body().empty());
}

TEST_F(RouterTest, ServesTheWebRootAndNothingOutsideIt) {
    EXPECT_EQ(get("/").result(), http::status::ok);
    EXPECT_EQ(get("/")[http::field::content_type], "text/html; charset=utf-8");
    EXPECT_EQ(get("/../index/XAPIANDB").result(), http::status::not_found);
    EXPECT_EQ(get("/%2e%2e/index/XAPIANDB").result(), http::status::not_found);
    EXPECT_EQ(get("/v1/nope").result(), http::status::not_found);
}

TEST_F(RouterTest, EveryResponseCarriesSecurityHeaders) {
    for (const char* target : {"/", "/v1/search?q=x", "/v1/nope"}) {
        const auto response = get(target);
        EXPECT_EQ(response["X-Content-Type-Options"], "nosniff") << target;
        EXPECT_EQ(response["Referrer-Policy"], "no-referrer") << target;
        const std::string csp(response["Content-Security-Policy"]);
        EXPECT_NE(csp.find("default-src 'self'"), std::string::npos) << target;
        EXPECT_EQ(csp.find("unsafe-inline"), std::string::npos) << target;
    }
}

}  // namespace
}  // namespace pai
