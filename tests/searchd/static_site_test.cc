#include "static_site.h"

#include <gtest/gtest.h>

#include <regex>

#include "fixture_index.h"
#include "router.h"
#include "test_support.h"

namespace pai {
namespace {

constexpr const char* kPage = R"(<!doctype html>
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/app.css">
<link rel="modulepreload" href="/js/app.js">
<script type="module" src="/js/app.js"></script>
<a href="/">home</a> <a href="/?decide">decide</a> <a href="/v1/search?q=x">api</a> <a href="/missing.css">x</a>
)";

class StaticSiteTest : public ::testing::Test {
protected:
    test::TempDir temp;
    std::filesystem::path web = temp.path() / "web";
    void SetUp() override {
        test::write_file(web / "index.html", kPage);
        test::write_file(web / "app.css", "body { color: red }");
        test::write_file(web / "favicon.svg", "<svg/>");
        test::write_file(web / "js/app.js", "import './dom.js';");
        test::write_file(web / "js/dom.js", "export {};");
        test::write_file(temp.path() / "secret.txt", "secret");
        std::filesystem::create_symlink(temp.path() / "secret.txt", web / "link.txt");
    }
    /// Every URL the rewritten page references under /v/.
    static std::vector<std::string> versioned_urls(const std::string& html) {
        std::vector<std::string> urls;
        const std::regex reference(R"re((?:href|src)="(/v/[^"]+)")re");
        for (std::sregex_iterator it(html.begin(), html.end(), reference), end; it != end; ++it) {
            urls.push_back((*it)[1]);
        }
        return urls;
    }
};

TEST_F(StaticSiteTest, TheVersionNamesEveryFilesPathSizeAndTime) {
    const std::string version = StaticSite(web).version();
    EXPECT_EQ(version.size(), 8u);
    EXPECT_EQ(StaticSite(web).version(), version);  // the same files, the same version
    test::write_file(web / "app.css", "body { color: blue }");
    const std::string changed = StaticSite(web).version();
    EXPECT_NE(changed, version);
    test::write_file(web / "extra.txt", "new");
    EXPECT_NE(StaticSite(web).version(), changed);
    EXPECT_EQ(StaticSite({}).version(), StaticSite({}).version());
}

TEST_F(StaticSiteTest, AVersionedUrlIsImmutable) {
    StaticSite site(web);
    const auto css = site.find("/v/" + site.version() + "/app.css");
    ASSERT_TRUE(css);
    EXPECT_EQ(css->body, "body { color: red }");
    EXPECT_STREQ(css->cache_control, kImmutable);
    EXPECT_EQ(css->path, "/app.css");
    const auto nested = site.find("/v/" + site.version() + "/js/dom.js");
    ASSERT_TRUE(nested);
    EXPECT_STREQ(nested->cache_control, kImmutable);
}

TEST_F(StaticSiteTest, UnversionedAndOldVersionsAreRevalidated) {
    StaticSite site(web);
    const auto plain = site.find("/app.css");
    ASSERT_TRUE(plain);
    EXPECT_STREQ(plain->cache_control, kRevalidateStatic);
    EXPECT_TRUE(plain->etag.starts_with("W/\"c"));
    const auto old = site.find("/v/00000000/app.css");  // a page loaded before a restart
    ASSERT_TRUE(old);
    EXPECT_EQ(old->body, plain->body);
    EXPECT_STREQ(old->cache_control, kRevalidateStatic);
    EXPECT_EQ(old->etag, plain->etag);
}

TEST_F(StaticSiteTest, AFileChangedSinceStartIsNotImmutable) {
    StaticSite site(web);
    test::write_file(web / "app.css", "body { color: green }");
    const auto css = site.find("/v/" + site.version() + "/app.css");
    ASSERT_TRUE(css);
    EXPECT_EQ(css->body, "body { color: green }");
    EXPECT_STREQ(css->cache_control, kRevalidateStatic);
}

TEST_F(StaticSiteTest, ThePageReferencesItsFilesUnderTheVersion) {
    StaticSite site(web);
    const auto page = site.find("/");
    ASSERT_TRUE(page);
    EXPECT_STREQ(page->cache_control, kRevalidateStatic);
    const std::string prefix = "/v/" + site.version();
    for (const char* reference :
         {"href=\"/favicon.svg\"", "href=\"/app.css\"", "href=\"/js/app.js\"", "src=\"/js/app.js\""}) {
        EXPECT_EQ(page->body.find(reference), std::string::npos) << reference;
    }
    EXPECT_NE(page->body.find("href=\"" + prefix + "/app.css\""), std::string::npos) << page->body;
    EXPECT_NE(page->body.find("src=\"" + prefix + "/js/app.js\""), std::string::npos);
    // Links to views, the API and files that do not exist are left as they are.
    for (const char* kept : {"href=\"/\"", "href=\"/?decide\"", "href=\"/v1/search?q=x\"", "href=\"/missing.css\""}) {
        EXPECT_NE(page->body.find(kept), std::string::npos) << kept;
    }
    const auto urls = versioned_urls(page->body);
    EXPECT_EQ(urls.size(), 4u);
    for (const auto& url : urls) {
        const auto file = site.find(url);
        ASSERT_TRUE(file) << url;
        EXPECT_STREQ(file->cache_control, kImmutable) << url;
    }
    EXPECT_EQ(site.find("/index.html")->body, page->body);
    EXPECT_EQ(site.find("/index.html")->etag, page->etag);
}

TEST_F(StaticSiteTest, ContainmentHoldsUnderTheVersionPrefix) {
    StaticSite site(web);
    const std::string prefix = "/v/" + site.version();
    for (const std::string& path : {prefix + "/../secret.txt", prefix + "/link.txt", std::string("/v/../secret.txt"),
                                    std::string("/v/x/../../secret.txt"), prefix, prefix + "/./app.css",
                                    std::string("/link.txt"), std::string("/../secret.txt")}) {
        EXPECT_FALSE(site.find(path)) << path;
    }
}

TEST_F(StaticSiteTest, GzipIsKeptPerContent) {
    StaticSite site(web);
    const auto css = site.find("/app.css");
    const std::string first = site.gzip(*css);
    EXPECT_EQ(site.gzip(*css), first);
    test::write_file(web / "app.css", "body { color: green }");
    EXPECT_NE(site.gzip(*site.find("/app.css")), first);  // new content, new etag: compressed again
}

/// Through the router: the headers, 304s and that every rewritten URL answers 200.
class StaticRoutes : public StaticSiteTest {
protected:
    static void SetUpTestSuite() {
        index_ = new test::TempDir();
        test::index_corpus(test::fixtures_dir() / "corpus", index_->path());
        pool_ = new SearcherPool(index_->path(), 1);
    }
    static void TearDownTestSuite() {
        delete pool_;
        delete index_;
    }
    Response get(ServerContext& context, const std::string& target, const std::string& if_none_match = {}) {
        Request request{http::verb::get, target, 11};
        if (!if_none_match.empty()) request.set(http::field::if_none_match, if_none_match);
        return handle_request(request, context);
    }
    static inline test::TempDir* index_ = nullptr;
    static inline SearcherPool* pool_ = nullptr;
};

TEST_F(StaticRoutes, ThePageAndItsVersionedFiles) {
    ServerContext context{*pool_, web};
    const auto page = get(context, "/");
    ASSERT_EQ(page.result(), http::status::ok);
    EXPECT_EQ(std::string(page[http::field::cache_control]), "no-cache");
    EXPECT_NE(std::string(page["Content-Security-Policy"]), "");  // the security headers stay
    const std::string etag(page[http::field::etag]);
    EXPECT_EQ(get(context, "/", etag).result(), http::status::not_modified);
    for (const auto& url : versioned_urls(page.body())) {
        const auto file = get(context, url);
        EXPECT_EQ(file.result(), http::status::ok) << url;
        EXPECT_EQ(std::string(file[http::field::cache_control]), kImmutable) << url;
        EXPECT_EQ(std::string(file["X-Content-Type-Options"]), "nosniff");
    }
    const auto plain = get(context, "/app.css");
    EXPECT_EQ(std::string(plain[http::field::cache_control]), "no-cache");
    EXPECT_EQ(get(context, "/app.css", std::string(plain[http::field::etag])).result(), http::status::not_modified);
    EXPECT_EQ(get(context, "/v/" + context.site.version() + "/../secret.txt").result(), http::status::not_found);
    EXPECT_EQ(get(context, "/v/" + context.site.version() + "/link.txt").result(), http::status::not_found);
}

}  // namespace
}  // namespace pai
