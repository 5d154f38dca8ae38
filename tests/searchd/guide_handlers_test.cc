#include "guide_handlers.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "fixture_index.h"
#include "router.h"
#include "test_support.h"

namespace pai {
namespace {

/// The guide routes answered by the router directly (no sockets), over the fixture corpus with its guides.
class GuideRoutes : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        temp_ = new test::TempDir();
        test::index_corpus_with_guides(test::fixtures_dir() / "corpus", temp_->path() / "index");
        test::index_corpus(test::fixtures_dir() / "corpus", temp_->path() / "plain");
        pool_ = new SearcherPool(temp_->path() / "index", 1);
        plain_pool_ = new SearcherPool(temp_->path() / "plain", 1);
    }
    static void TearDownTestSuite() {
        delete plain_pool_;
        delete pool_;
        delete temp_;
    }

    static Response get(const std::string& target, SearcherPool* pool = pool_) {
        ServerContext context{*pool, temp_->path() / "web"};
        return handle_request(Request{http::verb::get, target, 11}, context);
    }
    static nlohmann::json json_of(const Response& response) { return nlohmann::json::parse(response.body()); }

    static test::TempDir* temp_;
    static SearcherPool* pool_;
    static SearcherPool* plain_pool_;
};
test::TempDir* GuideRoutes::temp_ = nullptr;
SearcherPool* GuideRoutes::pool_ = nullptr;
SearcherPool* GuideRoutes::plain_pool_ = nullptr;

TEST_F(GuideRoutes, GuidesAreListedInOrderWithoutTheirBodies) {
    const auto response = get("/v1/guides");
    ASSERT_EQ(response.result(), http::status::ok);
    const auto body = json_of(response);
    ASSERT_EQ(body["guides"].size(), 2u);
    EXPECT_EQ(body["guides"][0]["id"], "getting-started");
    EXPECT_EQ(body["guides"][0]["description"], "How to find a pattern.");
    EXPECT_FALSE(body["guides"][0].contains("sections"));
}

TEST_F(GuideRoutes, GuideByIdHasItsRenderedSections) {
    const auto body = json_of(get("/v1/guides/getting-started"));
    EXPECT_EQ(body["title"], "Getting started");
    ASSERT_EQ(body["sections"].size(), 2u);
    EXPECT_EQ(body["sections"][1]["id"], "search");
    EXPECT_NE(body["sections"][1]["html"].get<std::string>().find("<h2>Search</h2>"), std::string::npos);
}

TEST_F(GuideRoutes, UnknownGuideIsNotFound) {
    for (const char* target : {"/v1/guides/nope", "/v1/guides/..%2Fsecret", "/v1/guides/Glossary"}) {
        const auto response = get(target);
        EXPECT_EQ(response.result(), http::status::not_found) << target;
        EXPECT_EQ(json_of(response)["error"]["code"], "not_found") << target;
    }
}

TEST_F(GuideRoutes, DecisionGuideIsServedWithItsQuestionsAndEffects) {
    const auto body = json_of(get("/v1/decision-guide"));
    EXPECT_EQ(body["title"], "Fixture Decision Guide");
    ASSERT_EQ(body["questions"].size(), 4u);
    EXPECT_EQ(body["questions"][0]["answers"][0]["favour"][0], "circuit-breaker");
    EXPECT_EQ(body["questions"][1]["answers"][0]["rule_out"][0]["reason"],
              "The breaker's window never fills at low traffic.");
}

TEST_F(GuideRoutes, RecommendAnswersRankedPatternsWithReasonsCaveatsAndRuleOuts) {
    const auto response = get("/v1/recommend?answers=pain:outages,traffic:low");
    ASSERT_EQ(response.result(), http::status::ok) << response.body();
    const auto body = json_of(response);
    ASSERT_EQ(body["recommendations"].size(), 1u);
    const auto& first = body["recommendations"][0];
    EXPECT_EQ(first["id"], "retry-with-backoff");
    EXPECT_EQ(first["reasons"][0], "outages hurt most");
    EXPECT_FALSE(first["caveat"].get<std::string>().empty());
    for (const char* key : {"title", "description", "pillar", "status", "score"})
        EXPECT_TRUE(first.contains(key)) << key;
    EXPECT_EQ(body["ruled_out"][0]["id"], "circuit-breaker");
    EXPECT_EQ(body["answers"].size(), 2u);
}

TEST_F(GuideRoutes, RecommendAcceptsRepeatedAnswersParametersAndALimit) {
    const auto body = json_of(get("/v1/recommend?answers=pain:outages&answers=input:free-text&limit=2"));
    EXPECT_EQ(body["recommendations"].size(), 2u);
    EXPECT_EQ(body["answers"].size(), 2u);
}

TEST_F(GuideRoutes, BadRecommendParametersAreBadRequests) {
    for (const char* target : {"/v1/recommend", "/v1/recommend?answers=", "/v1/recommend?answers=pain",
                               "/v1/recommend?answers=pain:", "/v1/recommend?answers=nope:x",
                               "/v1/recommend?answers=pain:nope", "/v1/recommend?answers=pain:cost,pain:outages",
                               "/v1/recommend?answers=pain:cost&limit=abc", "/v1/recommend?answers=pain:cost&limit=21",
                               "/v1/recommend?answers=pain:cost&extra=1", "/v1/guides?x=1", "/v1/decision-guide?x=1"}) {
        const auto response = get(target);
        EXPECT_EQ(response.result(), http::status::bad_request) << target;
        EXPECT_EQ(json_of(response)["error"]["code"], "bad_request") << target;
    }
}

TEST_F(GuideRoutes, IndexWithoutGuidesHasNoGuidesAndNoDecisionGuide) {
    EXPECT_TRUE(json_of(get("/v1/guides", plain_pool_))["guides"].empty());
    EXPECT_EQ(get("/v1/decision-guide", plain_pool_).result(), http::status::not_found);
    EXPECT_EQ(get("/v1/recommend?answers=pain:cost", plain_pool_).result(), http::status::not_found);
}

TEST(AnswersParameter, SplitsPairsAtTheirColon) {
    const auto answers = answers_from(QueryParams::parse("answers=pain:cost,scale:large&answers=data:none"));
    EXPECT_EQ(answers, (std::vector<AnswerChoice>{{"pain", "cost"}, {"scale", "large"}, {"data", "none"}}));
}

}  // namespace
}  // namespace pai
