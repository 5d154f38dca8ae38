/** @file
 *  @brief gzip as the router applies it: only when the client accepts it, only for compressible bodies over
 *  the threshold, always with Vary, the same for cached answers, static files and HEAD.
 */
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "gzip.h"
#include "inflate.h"
#include "router_fixture.h"

namespace pai {
namespace {

class RouterEncoding : public test::RouterFixture {
protected:
    static void SetUpTestSuite() {
        RouterFixture::SetUpTestSuite();
        std::string css;
        for (int i = 0; i < 200; ++i) css += ".rule-" + std::to_string(i) + " { color: red; }\n";
        test::write_file(web_dir() / "big.css", css);
        test::write_file(web_dir() / "big.png", std::string(4000, 'p'));
    }
    ServerContext context{*pool_, web_dir()};
    Response get(const std::string& target, const char* accept_encoding = "gzip, deflate, br",
                 http::verb verb = http::verb::get) {
        Request request{verb, target, 11};
        if (accept_encoding) request.set(http::field::accept_encoding, accept_encoding);
        return handle_request(request, context);
    }
    static std::string header(const Response& response, http::field field) { return std::string(response[field]); }
};

TEST_F(RouterEncoding, ASearchIsGzippedWhenAcceptedAndInflatesToTheSameJson) {
    const auto plain = get("/v1/search?q=retry", nullptr);
    ASSERT_GT(plain.body().size(), kMinGzipBytes);
    EXPECT_EQ(plain.count(http::field::content_encoding), 0u);
    const auto gzipped = get("/v1/search?q=retry");  // a cache hit: the kept gzip form
    ASSERT_EQ(gzipped.result(), http::status::ok);
    EXPECT_EQ(header(gzipped, http::field::content_encoding), "gzip");
    EXPECT_EQ(header(gzipped, http::field::vary), "Accept-Encoding");
    EXPECT_EQ(header(gzipped, http::field::content_length), std::to_string(gzipped.body().size()));
    EXPECT_LT(gzipped.body().size(), plain.body().size());
    EXPECT_EQ(test::gunzip(gzipped.body()), plain.body());
    // Uncached (another request) it is compressed on the spot, with the same result once inflated.
    const auto fresh = get("/v1/search?q=retry&limit=9");
    EXPECT_EQ(header(fresh, http::field::content_encoding), "gzip");
    EXPECT_EQ(std::string(fresh["X-Cache"]), "miss");
    EXPECT_NO_THROW(nlohmann::json::parse(test::gunzip(fresh.body())));
}

TEST_F(RouterEncoding, RefusedOrAbsentGzipSendsIdentity) {
    for (const char* accept : {"gzip;q=0", "identity", "br", "*;q=0", "gzip;q=0, *;q=1"}) {
        const auto response = get("/v1/search?q=retry", accept);
        EXPECT_EQ(response.count(http::field::content_encoding), 0u) << accept;
        EXPECT_EQ(header(response, http::field::vary), "Accept-Encoding") << accept;
        EXPECT_NO_THROW(nlohmann::json::parse(response.body())) << accept;
    }
    EXPECT_EQ(header(get("/v1/search?q=retry", "*"), http::field::content_encoding), "gzip");
}

TEST_F(RouterEncoding, SmallBodiesAreLeftAloneButStillVary) {
    const auto small = get("/healthz");
    ASSERT_LE(small.body().size(), kMinGzipBytes);
    EXPECT_EQ(small.count(http::field::content_encoding), 0u);
    EXPECT_EQ(header(small, http::field::vary), "Accept-Encoding");
    const auto error = get("/v1/search?limit=abc");
    EXPECT_EQ(error.result(), http::status::bad_request);
    EXPECT_EQ(error.count(http::field::content_encoding), 0u);
}

TEST_F(RouterEncoding, StaticTextIsGzippedImagesAreNot) {
    const auto css = get("/big.css");
    ASSERT_EQ(css.result(), http::status::ok);
    EXPECT_EQ(header(css, http::field::content_encoding), "gzip");
    EXPECT_EQ(test::gunzip(css.body()), test::read_file(web_dir() / "big.css"));
    const auto png = get("/big.png");
    EXPECT_EQ(png.count(http::field::content_encoding), 0u);
    EXPECT_EQ(png.count(http::field::vary), 0u);
    EXPECT_EQ(png.body().size(), 4000u);
}

TEST_F(RouterEncoding, HeadCarriesTheSameHeadersWithoutABody) {
    const auto full = get("/v1/search?q=retry");
    const auto head = get("/v1/search?q=retry", "gzip", http::verb::head);
    EXPECT_TRUE(head.body().empty());
    EXPECT_EQ(header(head, http::field::content_encoding), "gzip");
    EXPECT_EQ(header(head, http::field::content_length), header(full, http::field::content_length));
    EXPECT_EQ(header(head, http::field::vary), "Accept-Encoding");
}

TEST_F(RouterEncoding, VaryKeepsOriginWhenCorsIsOn) {
    context.options.cors_origins = {"https://app.example"};
    const auto response = get("/v1/search?q=retry");
    EXPECT_EQ(header(response, http::field::vary), "Origin, Accept-Encoding");
}

}  // namespace
}  // namespace pai
