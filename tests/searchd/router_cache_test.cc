/** @file
 *  @brief The response cache as the router uses it: same answers cached or not, the canonical request,
 *  generation switches, what is never cached, and the /metrics counters.
 */
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "fixture_index.h"
#include "router.h"
#include "test_support.h"

namespace pai {
namespace {

/// A fresh index per test (so a test can publish a new generation) and one ServerContext kept across its
/// requests, as the daemon keeps one.
class RouterCache : public ::testing::Test {
protected:
    test::TempDir temp;
    std::filesystem::path index = temp.path() / "index";
    std::unique_ptr<SearcherPool> pool;
    std::unique_ptr<ServerContext> context;

    void SetUp() override {
        test::index_corpus(test::fixtures_dir() / "corpus", index);
        start();
    }
    void start(std::size_t cache_bytes = kDefaultCacheBytes, double search_seconds = kDefaultSearchSeconds) {
        context.reset();
        pool = std::make_unique<SearcherPool>(index, 1, search_seconds);
        ServeOptions options;
        options.cache_bytes = cache_bytes;
        context.reset(new ServerContext{*pool, {}, options});
    }
    Response get(const std::string& target) { return handle_request(Request{http::verb::get, target, 11}, *context); }
    static std::string x_cache(const Response& response) { return std::string(response["X-Cache"]); }
    /// The body without took_ms, the one field that is measured rather than derived from the index.
    static nlohmann::json stable(const Response& response) {
        auto body = nlohmann::json::parse(response.body());
        body.erase("took_ms");
        return body;
    }
    ResponseCacheStats stats() const { return context->cache.stats(); }
};

TEST_F(RouterCache, ASearchIsAMissThenAHitWithTheSameBody) {
    const auto first = get("/v1/search?q=retry&pillar=reliability");
    ASSERT_EQ(first.result(), http::status::ok);
    EXPECT_EQ(x_cache(first), "miss");
    const auto second = get("/v1/search?q=retry&pillar=reliability");
    ASSERT_EQ(second.result(), http::status::ok);
    EXPECT_EQ(x_cache(second), "hit");
    EXPECT_EQ(second.body(), first.body());  // byte for byte, took_ms included
    EXPECT_EQ(second[http::field::content_type], "application/json");
    EXPECT_EQ(stats().hits, 1u);
    EXPECT_EQ(stats().misses, 1u);
}

TEST_F(RouterCache, CachedAndUncachedAnswersAgree) {
    const std::vector<std::string> targets{"/v1/search?q=circuit+breaker",
                                           "/v1/search?q=&pillar=security-and-trust",
                                           "/v1/patterns/circuit-breaker",
                                           "/v1/suggest?q=circ",
                                           "/v1/facets",
                                           "/v1/pillars",
                                           "/v1/graph"};
    std::vector<nlohmann::json> cached;
    for (const auto& target : targets) get(target);
    for (const auto& target : targets) {
        const auto response = get(target);
        EXPECT_EQ(x_cache(response), "hit") << target;
        cached.push_back(stable(response));
    }
    start(0);  // the cache off
    for (std::size_t i = 0; i < targets.size(); ++i) {
        const auto response = get(targets[i]);
        ASSERT_EQ(response.result(), http::status::ok) << targets[i];
        EXPECT_EQ(x_cache(response), "miss") << targets[i];
        EXPECT_EQ(stable(response), cached[i]) << targets[i];
    }
    EXPECT_EQ(stats().entries, 0u);
}

TEST_F(RouterCache, ReorderedParametersAndExtraSpacesHitTheSameEntry) {
    const auto first = get("/v1/search?q=retry+storms&pillar=reliability&limit=3");
    EXPECT_EQ(x_cache(first), "miss");
    for (const char* same : {"/v1/search?limit=3&pillar=reliability&q=retry+storms",
                             "/v1/search?pillar=reliability&q=++retry%20%20storms+&limit=3",
                             "/v1/search?q=retry%09storms&limit=3&pillar=reliability"}) {
        const auto response = get(same);
        EXPECT_EQ(x_cache(response), "hit") << same;
        EXPECT_EQ(response.body(), first.body()) << same;
    }
    EXPECT_EQ(nlohmann::json::parse(first.body())["query"], "retry storms");
    EXPECT_EQ(x_cache(get("/v1/search?q=retry+storms&pillar=reliability&limit=4")), "miss");
    EXPECT_EQ(stats().entries, 2u);
}

TEST_F(RouterCache, TheUncachedSearchEchoesTheNormalisedQuery) {
    start(0);
    EXPECT_EQ(nlohmann::json::parse(get("/v1/search?q=+retry+++storms+").body())["query"], "retry storms");
}

TEST_F(RouterCache, ANewGenerationInvalidatesTheCachedAnswers) {
    const auto before = get("/v1/search?q=zzznewword");
    EXPECT_EQ(nlohmann::json::parse(before.body())["total"], 0);
    EXPECT_EQ(x_cache(get("/v1/search?q=zzznewword")), "hit");
    // Generation 2 has the word in a pattern's description.
    const auto corpus = test::copy_fixture_corpus(temp.path());
    const auto file = corpus / "patterns/reliability/circuit-breaker.md";
    auto text = test::read_file(file);
    const std::string description = "description: ";
    text.insert(text.find(description) + description.size(), "Zzznewword. ");
    test::write_file(file, text);
    test::index_corpus(corpus, index);
    const auto after = get("/v1/search?q=zzznewword");
    EXPECT_EQ(x_cache(after), "miss");
    EXPECT_GE(nlohmann::json::parse(after.body())["total"].get<int>(), 1);
    EXPECT_EQ(stats().invalidations, 1u);
    EXPECT_EQ(x_cache(get("/v1/search?q=zzznewword")), "hit");
}

TEST_F(RouterCache, ErrorsAndHealthAreNeverCached) {
    for (int round = 0; round < 2; ++round) {
        EXPECT_EQ(get("/v1/search?limit=abc").result(), http::status::bad_request);
        EXPECT_EQ(get("/v1/patterns/no-such-thing").result(), http::status::not_found);
        const auto health = get("/healthz");
        EXPECT_EQ(health.result(), http::status::ok);
        EXPECT_EQ(x_cache(health), "");
        EXPECT_EQ(health[http::field::cache_control], "no-store");
    }
    EXPECT_EQ(stats().entries, 0u);
    EXPECT_EQ(stats().hits, 0u);
}

TEST_F(RouterCache, PartialAnswersAreNotCached) {
    start(kDefaultCacheBytes, 1e-9);  // every search runs past its deadline
    bool saw_partial = false;
    for (int run = 0; run < 20 && !saw_partial; ++run) {
        const auto response = get("/v1/search?q=&limit=1");
        ASSERT_EQ(response.result(), http::status::ok);
        if (nlohmann::json::parse(response.body()).value("partial", false)) {
            saw_partial = true;
            EXPECT_EQ(x_cache(response), "miss");
        }
    }
    ASSERT_TRUE(saw_partial) << "the deadline never cut a search short";
    EXPECT_EQ(x_cache(get("/v1/search?q=&limit=1")), "miss");
    EXPECT_EQ(stats().hits, 0u);
}

TEST_F(RouterCache, MetricsShowTheCounters) {
    get("/v1/search?q=retry");
    get("/v1/search?q=retry");
    get("/v1/facets");
    const auto metrics = get("/metrics");
    ASSERT_EQ(metrics.result(), http::status::ok);
    const std::string& text = metrics.body();
    for (const char* line : {"pai_response_cache_hits_total 1\n", "pai_response_cache_misses_total 2\n",
                             "pai_response_cache_evictions_total 0\n", "pai_response_cache_invalidations_total 0\n",
                             "pai_response_cache_entries 2\n", "# TYPE pai_response_cache_hits_total counter\n",
                             "# TYPE pai_response_cache_bytes gauge\n"}) {
        EXPECT_NE(text.find(line), std::string::npos) << line << text;
    }
    EXPECT_NE(text.find("pai_response_cache_capacity_bytes " + std::to_string(kDefaultCacheBytes) + "\n"),
              std::string::npos);
    EXPECT_EQ(x_cache(get("/metrics")), "");  // not cached itself
}

TEST_F(RouterCache, ASmallBoundEvicts) {
    start(get("/v1/search?q=retry").body().size() * 3 / 2);
    get("/v1/search?q=retry");
    get("/v1/search?q=timeouts");  // does not fit beside the first
    EXPECT_EQ(x_cache(get("/v1/search?q=timeouts")), "hit");
    EXPECT_EQ(x_cache(get("/v1/search?q=retry")), "miss");
    EXPECT_GE(stats().evictions, 1u);
    EXPECT_LE(stats().bytes, stats().capacity_bytes);
}

}  // namespace
}  // namespace pai
