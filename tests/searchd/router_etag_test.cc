/** @file
 *  @brief ETags and 304s on the JSON routes: the generation names the answer, If-None-Match revalidates it,
 *  and an index whose changes cannot be seen gets no ETag at all.
 */
#include <gtest/gtest.h>

#include "fixture_index.h"
#include "index_generation.h"
#include "router.h"
#include "test_support.h"

namespace pai {
namespace {

class RouterETag : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        temp_ = new test::TempDir();
        test::index_corpus(test::fixtures_dir() / "corpus", temp_->path() / "index");
    }
    static void TearDownTestSuite() { delete temp_; }
    static std::filesystem::path index() { return temp_->path() / "index"; }

    SearcherPool pool{index(), 1};
    ServerContext context{pool, {}};
    Response get(const std::string& target, const std::string& if_none_match = {}, http::verb verb = http::verb::get) {
        Request request{verb, target, 11};
        if (!if_none_match.empty()) request.set(http::field::if_none_match, if_none_match);
        request.set(http::field::accept_encoding, "gzip");
        return handle_request(request, context);
    }
    static std::string header(const Response& response, http::field field) { return std::string(response[field]); }
    static inline test::TempDir* temp_ = nullptr;
};

TEST_F(RouterETag, AnswersCarryAGenerationETagAndAreRevalidated) {
    const auto first = get("/v1/search?q=retry");
    const std::string etag = header(first, http::field::etag);
    EXPECT_TRUE(etag.starts_with("W/\"g1-")) << etag;
    EXPECT_EQ(header(first, http::field::cache_control), "no-cache");
    for (const char* target : {"/v1/patterns/circuit-breaker", "/v1/facets", "/v1/graph"}) {
        EXPECT_EQ(header(get(target), http::field::etag), etag) << target;  // one generation, one tag
    }
}

TEST_F(RouterETag, AMatchingIfNoneMatchIsA304WithoutABody) {
    const auto first = get("/v1/search?q=retry");
    const std::string etag = header(first, http::field::etag);
    const std::string strong = etag.substr(2);  // "g1-...": weak comparison ignores W/
    for (const std::string& condition : {etag, strong, "\"other\", " + etag, std::string("*")}) {
        const auto response = get("/v1/search?q=retry", condition);
        EXPECT_EQ(response.result(), http::status::not_modified) << condition;
        EXPECT_TRUE(response.body().empty());
        EXPECT_EQ(header(response, http::field::etag), etag);
        EXPECT_EQ(header(response, http::field::cache_control), "no-cache");
        EXPECT_EQ(header(response, http::field::vary), "Accept-Encoding");
        EXPECT_EQ(response.count(http::field::content_encoding), 0u);
        EXPECT_EQ(response.count(http::field::content_length), 0u);
    }
    EXPECT_EQ(get("/v1/search?q=retry", etag, http::verb::head).result(), http::status::not_modified);
}

TEST_F(RouterETag, AMismatchIsAFull200) {
    for (const char* condition : {"W/\"g0-old\"", "\"something\"", "W/\"g1-\""}) {
        const auto response = get("/v1/search?q=retry", condition);
        EXPECT_EQ(response.result(), http::status::ok) << condition;
        EXPECT_FALSE(response.body().empty());
    }
}

TEST_F(RouterETag, ErrorsAndHealthHaveNoETagAndAreNever304) {
    const auto missing = get("/v1/patterns/no-such-thing", "*");
    EXPECT_EQ(missing.result(), http::status::not_found);
    EXPECT_EQ(missing.count(http::field::etag), 0u);
    const auto health = get("/healthz", "*");
    EXPECT_EQ(health.result(), http::status::ok);
    EXPECT_EQ(health.count(http::field::etag), 0u);
    EXPECT_EQ(get("/metrics", "*").result(), http::status::ok);
}

TEST_F(RouterETag, ANewGenerationChangesTheETag) {
    test::TempDir temp;
    test::index_corpus(test::fixtures_dir() / "corpus", temp.path());
    SearcherPool own(temp.path(), 1);
    ServerContext own_context{own, {}};
    const auto ask = [&](const std::string& condition) {
        Request request{http::verb::get, "/v1/facets", 11};
        if (!condition.empty()) request.set(http::field::if_none_match, condition);
        return handle_request(request, own_context);
    };
    const std::string etag = header(ask(""), http::field::etag);
    EXPECT_EQ(ask(etag).result(), http::status::not_modified);
    test::index_corpus(test::fixtures_dir() / "corpus", temp.path());
    const auto after = ask(etag);
    EXPECT_EQ(after.result(), http::status::ok);
    EXPECT_NE(header(after, http::field::etag), etag);
    EXPECT_TRUE(header(after, http::field::etag).starts_with("W/\"g2-"));
}

TEST_F(RouterETag, ARestartedDaemonValidatesNothingOld) {
    const std::string etag = header(get("/v1/facets"), http::field::etag);
    ServerContext restarted{pool, {}};
    restarted.instance = "later";
    Request request{http::verb::get, "/v1/facets", 11};
    request.set(http::field::if_none_match, etag);
    EXPECT_EQ(handle_request(request, restarted).result(), http::status::ok);
}

TEST_F(RouterETag, NoETagWhenTheIndexHasNoGenerationTag) {
    // The generation's directory opened as a plain database: a rebuild in place would go unseen.
    SearcherPool plain(generation_path(index(), 1), 1);
    ServerContext plain_context{plain, {}};
    Request request{http::verb::get, "/v1/search?q=retry", 11};
    request.set(http::field::if_none_match, "*");
    for (int round = 0; round < 2; ++round) {
        const auto response = handle_request(request, plain_context);
        EXPECT_EQ(response.result(), http::status::ok);
        EXPECT_EQ(response.count(http::field::etag), 0u);
        EXPECT_EQ(std::string(response["X-Cache"]), "miss");  // and nothing is cached on it either
    }
    EXPECT_EQ(plain_context.cache.stats().entries, 0u);
}

}  // namespace
}  // namespace pai
