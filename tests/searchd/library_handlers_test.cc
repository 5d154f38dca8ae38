#include "library_handlers.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>
#include <nlohmann/json.hpp>

#include "fixture_index.h"
#include "router.h"
#include "test_support.h"

namespace pai {
namespace {

/// A copy of the fixture corpus (with its case study) plus a fifth pattern and a paths.yaml over all five,
/// indexed once for the suite and answered by the router directly (no sockets).
class LibraryRoutes : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        temp_ = new test::TempDir();
        const auto root = test::copy_fixture_corpus(temp_->path());
        std::string budget = test::read_file(root / "patterns/cost-and-efficiency/token-budget.md");
        budget.replace(budget.find("title: "), 7, "title: Second ");
        test::write_file(root / "patterns/cost-and-efficiency/second-budget.md", budget);
        test::write_file(root / "paths.yaml",
                         "paths:\n"
                         "  - id: keep-calls-cheap\n"
                         "    title: Keep calls cheap\n"
                         "    description: Five steps.\n"
                         "    steps:\n"
                         "      - {pattern: input-sanitization, why: clean what comes in}\n"
                         "      - {pattern: retry-with-backoff, why: retry what fails}\n"
                         "      - {pattern: circuit-breaker, why: stop retrying a dead provider}\n"
                         "      - {pattern: token-budget, why: cap what each tenant spends}\n"
                         "      - {pattern: second-budget, why: and again}\n");
        test::index_corpus_with_guides(root, temp_->path() / "index");
        pool_ = new SearcherPool(temp_->path() / "index", 1);
    }
    static void TearDownTestSuite() {
        delete pool_;
        delete temp_;
    }

    static Response get(const std::string& target) {
        ServerContext context{*pool_, temp_->path() / "web"};
        return handle_request(Request{http::verb::get, target, 11}, context);
    }
    static nlohmann::json json_ok(const std::string& target) {
        const auto response = get(target);
        EXPECT_EQ(response.result(), http::status::ok) << target << ": " << response.body();
        return nlohmann::json::parse(response.body());
    }

    static inline test::TempDir* temp_ = nullptr;
    static inline SearcherPool* pool_ = nullptr;
};

TEST_F(LibraryRoutes, CaseStudiesAreListedWithTheirPatterns) {
    const auto body = json_ok("/v1/case-studies");
    ASSERT_EQ(body["case_studies"].size(), 1u);
    const auto& study = body["case_studies"][0];
    EXPECT_EQ(study["id"], "fixture-assistant");
    EXPECT_EQ(study["organisation"], "Fixture Corp");
    EXPECT_EQ(study["patterns"], nlohmann::json::array({"circuit-breaker", "token-budget"}));
    EXPECT_FALSE(study.contains("sections"));  // the list is summaries only
}

TEST_F(LibraryRoutes, CaseStudiesAreSearchable) {
    EXPECT_EQ(json_ok("/v1/case-studies?q=allowance")["case_studies"][0]["id"], "fixture-assistant");
    EXPECT_TRUE(json_ok("/v1/case-studies?q=kubernetes+autoscaler")["case_studies"].empty());
}

TEST_F(LibraryRoutes, ACaseStudyComesWithItsSectionsAndSources) {
    const auto study = json_ok("/v1/case-studies/fixture-assistant");
    ASSERT_EQ(study["sections"].size(), 5u);
    EXPECT_EQ(study["sections"][0]["title"], "System Context");
    // The Pattern Stack's ids link to their patterns, with their titles, in the served HTML.
    EXPECT_NE(study["sections"][2]["html"].get<std::string>().find(
                  "<a class=\"pattern-link\" href=\"../patterns/reliability/circuit-breaker.md\" title=\"circuit-breaker\">"),
              std::string::npos);
    EXPECT_NE(study["sections"][2]["html"].get<std::string>().find("<table>"), std::string::npos);
    EXPECT_EQ(study["sources"][0]["url"], "https://example.org/one");
}

TEST_F(LibraryRoutes, AnUnknownOrMalformedCaseStudyIsA404WithAJsonError) {
    for (const std::string target : {"/v1/case-studies/no-such-study", "/v1/case-studies/..%2Fetc"}) {
        const auto response = get(target);
        EXPECT_EQ(response.result(), http::status::not_found) << target;
        EXPECT_TRUE(nlohmann::json::parse(response.body()).contains("error")) << target;
    }
    EXPECT_EQ(get("/v1/case-studies?colour=red").result(), http::status::bad_request);
}

TEST_F(LibraryRoutes, PathsListTheirStepsInOrderWithTitles) {
    const auto body = json_ok("/v1/paths");
    ASSERT_EQ(body["paths"].size(), 1u);
    const auto& steps = body["paths"][0]["steps"];
    ASSERT_EQ(steps.size(), 5u);
    EXPECT_EQ(steps[2]["pattern"], "circuit-breaker");
    EXPECT_EQ(steps[2]["why"], "stop retrying a dead provider");
    EXPECT_FALSE(steps[2]["title"].get<std::string>().empty());
}

TEST_F(LibraryRoutes, APatternListsTheCaseStudiesAndPathsThatUseIt) {
    const auto breaker = json_ok("/v1/patterns/circuit-breaker");
    ASSERT_EQ(breaker["case_studies"].size(), 1u);
    EXPECT_EQ(breaker["case_studies"][0]["id"], "fixture-assistant");
    ASSERT_EQ(breaker["paths"].size(), 1u);
    EXPECT_EQ(breaker["paths"][0]["id"], "keep-calls-cheap");
    EXPECT_EQ(breaker["paths"][0]["step"], 3);

    const auto second = json_ok("/v1/patterns/second-budget");
    EXPECT_TRUE(second["case_studies"].empty());
    EXPECT_EQ(second["paths"][0]["step"], 5);
}

TEST_F(LibraryRoutes, APatternCarriesItsFailureModesStructured) {
    const auto breaker = json_ok("/v1/patterns/circuit-breaker");
    const auto& modes = breaker["failure_modes"];
    ASSERT_EQ(modes.size(), 3u);
    EXPECT_EQ(modes[0]["name"], "Flash Trip on Latency Spikes");
    EXPECT_EQ(modes[0]["trigger"], "A short latency spike counts as a run of failures.");
    EXPECT_EQ(modes[2]["mitigation"], "Probe with several requests and back off the cool-down.");
    EXPECT_EQ(modes[1]["line"], 50);
}

TEST_F(LibraryRoutes, ASearchInAnIncidentsWordsFindsTheFailureModeEntry) {
    const auto body = json_ok("/v1/search?q=breaker+never+closes+after+recovery");
    ASSERT_FALSE(body["hits"].empty());
    const auto& hit = body["hits"][0];
    EXPECT_EQ(hit["id"], "circuit-breaker");
    EXPECT_EQ(hit["section"], "failure-modes");
    EXPECT_EQ(hit["section_title"], "Failure Modes: Stuck Open");
    EXPECT_EQ(hit["line"], 56);
    EXPECT_EQ(hit["line_end"], 60);  // its last non-blank line
}

TEST_F(LibraryRoutes, TheGraphHoldsEveryPatternAndEachRelatedLinkOnce) {
    const auto graph = json_ok("/v1/graph");
    std::vector<std::string> ids;
    for (const auto& node : graph["nodes"]) ids.push_back(node["id"]);
    EXPECT_EQ(ids, (std::vector<std::string>{"circuit-breaker", "input-sanitization", "retry-with-backoff",
                                             "second-budget", "token-budget"}));
    EXPECT_EQ(graph["nodes"][0]["pillar"], "reliability");
    EXPECT_EQ(graph["nodes"][0]["status"], "validated-in-production");
    EXPECT_EQ(graph["nodes"][3]["title"], "Second Token Budget");
    // circuit-breaker and retry-with-backoff list each other; that is one edge.
    EXPECT_EQ(graph["edges"], nlohmann::json::parse(R"([
        {"source": "circuit-breaker", "target": "retry-with-backoff"},
        {"source": "circuit-breaker", "target": "second-budget"},
        {"source": "circuit-breaker", "target": "token-budget"},
        {"source": "input-sanitization", "target": "token-budget"}])"));
    EXPECT_EQ(get("/v1/graph?pillar=reliability").result(), http::status::bad_request);
}

}  // namespace
}  // namespace pai
