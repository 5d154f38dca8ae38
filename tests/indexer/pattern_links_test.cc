#include "pattern_links.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>

#include "corpus_checks.h"
#include "corpus_loader.h"
#include "test_support.h"

namespace pai {
namespace {

const PatternLinkTargets kTargets{{"circuit-breaker", {"Circuit Breaker & Friends", "reliability"}},
                                  {"token-budget", {"Token Budget", "cost-and-efficiency"}}};

TEST(PatternLinks, ACodeSpanNamingAPatternBecomesALinkWithItsTitle) {
    EXPECT_EQ(link_pattern_ids("<p>Use <code>circuit-breaker</code> instead.</p>", kTargets, "token-budget", "../"),
              "<p>Use <a class=\"pattern-link\" href=\"../reliability/circuit-breaker.md\" title=\"circuit-breaker\">"
              "Circuit Breaker &amp; Friends</a> instead.</p>");
    EXPECT_NE(link_pattern_ids("<td><code>token-budget</code></td>", kTargets, "", "../patterns/")
                  .find("href=\"../patterns/cost-and-efficiency/token-budget.md\""),
              std::string::npos);
}

TEST(PatternLinks, OtherCodeTheOwnIdCodeBlocksAndExistingLinksStayAsTheyAre) {
    for (const std::string html : {
             "<p><code>max-tokens</code> and <code>circuit-breaker </code></p>",  // not an id / not exactly one
             "<pre><code class=\"language-text\">circuit-breaker</code></pre>",     // a code block
             "<p><a href=\"x.md\"><code>circuit-breaker</code></a></p>",            // already a link
         }) {
        EXPECT_EQ(link_pattern_ids(html, kTargets, "", "../"), html);
    }
    const std::string own = "<p>This is <code>circuit-breaker</code>.</p>";
    EXPECT_EQ(link_pattern_ids(own, kTargets, "circuit-breaker", "../"), own);
    // After a link closes, later code spans are linked again.
    EXPECT_NE(link_pattern_ids("<a href=\"y\">y</a> <code>token-budget</code>", kTargets, "", "../").find("pattern-link"),
              std::string::npos);
}

TEST(PatternLinks, IdMentionsSkipFencedCodeAndKeepTheirLines) {
    const auto mentions = id_mentions("use `retry-with-backoff` here\n```\n`not-counted`\n```\nthen `a-b` and `single`\n", 10);
    ASSERT_EQ(mentions.size(), 2u);
    EXPECT_EQ(mentions[0].id, "retry-with-backoff");
    EXPECT_EQ(mentions[0].line, 10);
    EXPECT_EQ(mentions[1].id, "a-b");
    EXPECT_EQ(mentions[1].line, 14);
}

TEST(PatternLinks, TheCorpusChecksLinkSectionsAndReportUnknownAlternatives) {
    test::TempDir temp;
    const auto root = test::copy_fixture_corpus(temp.path());
    const auto breaker = root / "patterns/reliability/circuit-breaker.md";
    std::string text = test::read_file(breaker);
    const std::string alternative = "use `retry-with-backoff` instead.";
    ASSERT_NE(text.find(alternative), std::string::npos);
    text.replace(text.find(alternative), alternative.size(), "use `retry-with-backof` instead.");
    test::write_file(breaker, text);

    Diagnostics diagnostics;
    auto patterns = check_corpus(load_corpus(root, diagnostics), diagnostics);
    ASSERT_EQ(diagnostics.all().size(), 1u);
    EXPECT_EQ(diagnostics.error_count(), 0u);
    EXPECT_EQ(diagnostics.all()[0].line, 36);
    EXPECT_NE(diagnostics.all()[0].message.find("'retry-with-backof' in When NOT to Use It names no pattern"),
              std::string::npos);

    test::write_file(breaker, test::read_file(test::fixtures_dir() / "corpus/patterns/reliability/circuit-breaker.md"));
    Diagnostics clean;
    const Corpus corpus = load_corpus(root, clean);  // the resolved sections point into it
    patterns = check_corpus(corpus, clean);
    const auto found = std::find_if(patterns.begin(), patterns.end(),
                                    [](const ResolvedPattern& p) { return p.meta.id == "circuit-breaker"; });
    ASSERT_NE(found, patterns.end());
    const auto caveat = std::find_if(found->sections.begin(), found->sections.end(),
                                     [](const ResolvedSection& s) { return s.id == "when-not-to-use"; });
    ASSERT_NE(caveat, found->sections.end());
    EXPECT_NE(caveat->html.find("<a class=\"pattern-link\" href=\"../reliability/retry-with-backoff.md\""),
              std::string::npos);
    EXPECT_EQ(caveat->source->html.find("pattern-link"), std::string::npos);  // the source rendering is untouched
}

}  // namespace
}  // namespace pai
