#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "fixture_index.h"
#include "router.h"
#include "schema.h"
#include "test_support.h"

namespace pai {
namespace {

constexpr const char* kHostileFrontMatter = R"md(---
title: Hostile <script>alert(1)</script>
description: Tries to run script in a reader's browser.
pillar: reliability
status: proposed
tags: [retries]
last_reviewed: 2026-01-01
---
)md";

constexpr const char* kHostileText = R"md(
The xssprobe word sits beside <script>alert(1)</script> and <img src=x onerror=alert(2)> inline.

<img src="x" onerror="alert(3)">

A [javascript link](javascript:alert(4)) and <a href="javascript:alert(5)">a raw one</a> and
[an encoded one](JaVaScRiPt:alert(6)). xssprobe again: onerror=alert(7) "quoted" & 'single'.
)md";

/// A valid pattern whose every section carries the hostile text.
std::string hostile_pattern() {
    std::string text = kHostileFrontMatter;
    for (const auto& section : schema::kSections) {
        text.append("\n## ").append(section.heading).append("\n").append(kHostileText);
    }
    return text;
}

/// Everything but the <mark> wrapping must arrive escaped: no tag, so no attribute and no script.
std::string without_marks(std::string html) {
    for (const std::string mark : {"<mark>", "</mark>"}) {
        for (auto at = html.find(mark); at != std::string::npos; at = html.find(mark)) html.erase(at, mark.size());
    }
    return html;
}

/// Whether @p needle occurs inside some `<...>` of @p html (as text between tags it is harmless).
bool inside_a_tag(const std::string& html, std::string_view needle) {
    for (auto open = html.find('<'); open != std::string::npos; open = html.find('<', open + 1)) {
        const auto close = html.find('>', open);
        if (std::string_view(html).substr(open, close - open + 1).find(needle) != std::string_view::npos) return true;
        if (close == std::string::npos) break;
    }
    return false;
}

class SafeServing : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        temp_ = new test::TempDir();
        const auto corpus = test::copy_fixture_corpus(temp_->path());
        test::write_file(corpus / "patterns/reliability/hostile.md", hostile_pattern());
        test::index_corpus(corpus, temp_->path() / "index");
        pool_ = new SearcherPool(temp_->path() / "index", 1);
    }
    static void TearDownTestSuite() {
        delete pool_;
        delete temp_;
    }
    static nlohmann::json get(const std::string& target) {
        ServerContext context{*pool_, {}};
        const Response response = handle_request(Request{http::verb::get, target, 11}, context);
        EXPECT_EQ(response.result(), http::status::ok) << target << response.body();
        return nlohmann::json::parse(response.body());
    }
    static test::TempDir* temp_;
    static SearcherPool* pool_;
};
test::TempDir* SafeServing::temp_ = nullptr;
SearcherPool* SafeServing::pool_ = nullptr;

TEST_F(SafeServing, SnippetsCarryNoMarkupFromTheCorpus) {
    for (const char* query : {"xssprobe", "alert", "onerror", "javascript", "quoted"}) {
        const auto result = get(std::string("/v1/search?q=") + query);
        ASSERT_FALSE(result["hits"].empty()) << query;
        for (const auto& hit : result["hits"]) {
            const std::string snippet = hit["snippet"];
            EXPECT_EQ(without_marks(snippet).find('<'), std::string::npos) << query << ": " << snippet;
            EXPECT_EQ(without_marks(snippet).find('>'), std::string::npos) << query << ": " << snippet;
        }
    }
}

TEST_F(SafeServing, RenderedSectionsCarryNoScriptHandlersOrJavascriptLinks) {
    const auto pattern = get("/v1/patterns/hostile");
    ASSERT_FALSE(pattern["sections"].empty());
    for (const auto& section : pattern["sections"]) {
        std::string html = section["html"];
        std::transform(html.begin(), html.end(), html.begin(), [](unsigned char c) { return std::tolower(c); });
        for (const char* needle : {"<script", "<img", "onerror", "javascript:"}) {
            EXPECT_FALSE(inside_a_tag(html, needle)) << needle << " in " << html;
        }
    }
}

}  // namespace
}  // namespace pai
