#include "corpus_checks.h"

#include <gtest/gtest.h>

#include <sstream>

#include "corpus_loader.h"
#include "test_support.h"

namespace pai {
namespace {

using test::read_file;
using test::write_file;

/// Each rule gets a fixture corpus with one deliberate defect and must report it at an exact path:line.
class CorpusChecks : public ::testing::Test {
protected:
    test::TempDir temp;
    std::filesystem::path root = test::copy_fixture_corpus(temp.path());
    std::filesystem::path breaker = root / "patterns/reliability/circuit-breaker.md";

    void replace_in(const std::filesystem::path& file, const std::string& from, const std::string& to) {
        std::string text = read_file(file);
        const auto at = text.find(from);
        ASSERT_NE(at, std::string::npos) << from;
        text.replace(at, from.size(), to);
        write_file(file, text);
    }

    /// Every problem as "relative/path:line: error|warning: message".
    std::vector<std::string> problems() {
        Diagnostics diagnostics;
        const Corpus corpus = load_corpus(root, diagnostics);
        check_corpus(corpus, diagnostics);
        std::vector<std::string> lines;
        for (auto d : diagnostics.all()) {
            d.path = d.path.lexically_relative(root);
            std::ostringstream out;
            print(out, d, false);
            std::string line = out.str();
            line.pop_back();
            lines.push_back(line);
        }
        return lines;
    }

    void expect_only(const std::string& expected) {
        const auto found = problems();
        ASSERT_EQ(found.size(), 1u) << ::testing::PrintToString(found);
        EXPECT_EQ(found[0], expected);
    }
};

TEST_F(CorpusChecks, FixtureCorpusIsClean) {
    EXPECT_TRUE(problems().empty()) << ::testing::PrintToString(problems());
}

TEST_F(CorpusChecks, InvalidYamlIsAnErrorAtItsLine) {
    replace_in(breaker, "tags: [provider-outage, failover]", "tags: [provider-outage, failover");
    const auto found = problems();
    ASSERT_FALSE(found.empty());
    // yaml-cpp notices the unclosed list on the line after it; links to the unreadable file follow.
    EXPECT_EQ(found[0],
              "patterns/reliability/circuit-breaker.md:7: error: invalid YAML: end of sequence flow not found");
}

TEST_F(CorpusChecks, UnclosedFrontMatterIsAnError) {
    replace_in(breaker, "last_reviewed: 2026-01-15\n---\n", "last_reviewed: 2026-01-15\n");
    const auto found = problems();
    ASSERT_FALSE(found.empty());
    EXPECT_EQ(found[0],
              "patterns/reliability/circuit-breaker.md:1: error: front matter opened with '---' is never closed");
}

TEST_F(CorpusChecks, UnknownPillarIsReportedAtThePillarLine) {
    replace_in(breaker, "pillar: reliability", "pillar: resilience");
    expect_only("patterns/reliability/circuit-breaker.md:4: error: unknown pillar 'resilience'");
}

TEST_F(CorpusChecks, PillarMustMatchItsFolder) {
    replace_in(breaker, "pillar: reliability", "pillar: cost-and-efficiency");
    expect_only(
        "patterns/reliability/circuit-breaker.md:4: error: pillar 'cost-and-efficiency' does not match its folder "
        "'reliability'");
}

TEST_F(CorpusChecks, MissingStatusIsAnError) {
    replace_in(breaker, "status: validated-in-production\n", "");
    expect_only(
        "patterns/reliability/circuit-breaker.md:1: error: missing required 'status' (proposed, emerging or "
        "validated-in-production)");
}

TEST_F(CorpusChecks, UnknownStatusIsAnError) {
    replace_in(breaker, "status: validated-in-production", "status: stable");
    expect_only(
        "patterns/reliability/circuit-breaker.md:5: error: unknown status 'stable' (expected proposed, emerging or "
        "validated-in-production)");
}

TEST_F(CorpusChecks, MissingTitleIsAnError) {
    replace_in(breaker, "title: Circuit Breaker\n", "");
    expect_only("patterns/reliability/circuit-breaker.md:1: error: missing required 'title'");
}

TEST_F(CorpusChecks, MissingSectionIsAnError) {
    replace_in(breaker, "## Trade-offs\n\nA tripped breaker rejects some requests that would have succeeded.\n", "");
    expect_only("patterns/reliability/circuit-breaker.md:15: error: missing required section '## Trade-offs'");
}

TEST_F(CorpusChecks, DuplicatedSectionIsReportedAtTheSecondHeading) {
    replace_in(breaker, "## Tool Landscape\n", "## Trade-offs\n\nAgain.\n\n## Tool Landscape\n");
    expect_only(
        "patterns/reliability/circuit-breaker.md:75: error: section 'Trade-offs' appears twice (first at line 38)");
}

TEST_F(CorpusChecks, OutOfOrderSectionIsReportedAtItsHeading) {
    replace_in(
        breaker,
        "## When to Use It\n\nUse it when a dependency fails in bursts and waiting on it makes everything slow.\n\n",
        "");
    replace_in(breaker, "## Tool Landscape\n",
               "## When to Use It\n\nUse it when a dependency fails in bursts.\n\n## Tool Landscape\n");
    expect_only(
        "patterns/reliability/circuit-breaker.md:71: error: section 'When to Use It' is out of order: it must come "
        "before 'When NOT to Use It'");
}

TEST_F(CorpusChecks, DuplicateIdsAreAnError) {
    std::string copy = read_file(breaker);
    copy.replace(copy.find("pillar: reliability"), 19, "pillar: security-and-trust");
    write_file(root / "patterns/security-and-trust/circuit-breaker.md", copy);
    const auto found = problems();
    ASSERT_EQ(found.size(), 1u) << ::testing::PrintToString(found);
    EXPECT_TRUE(
        found[0].starts_with("patterns/security-and-trust/circuit-breaker.md:1: error: duplicate id "
                             "'circuit-breaker'"))
        << found[0];
}

TEST_F(CorpusChecks, RelatedIdThatDoesNotResolveIsAnErrorAtItsLine) {
    replace_in(breaker, "related: [retry-with-backoff, token-budget]",
               "related:\n  - retry-with-backoff\n  - token-budgt");
    expect_only(
        "patterns/reliability/circuit-breaker.md:9: error: related 'token-budgt' does not name a pattern in the "
        "corpus");
}

TEST_F(CorpusChecks, EvidenceBelowTheStatusRuleIsAnError) {
    replace_in(breaker, "  - title: Second fixture write-up\n    url: https://example.org/two\n", "");
    expect_only(
        "patterns/reliability/circuit-breaker.md:9: error: status 'validated-in-production' needs at least 2 evidence "
        "entries, found 1");
}

TEST_F(CorpusChecks, ImpossibleDateIsAnError) {
    replace_in(breaker, "last_reviewed: 2026-01-15", "last_reviewed: 2026-02-30");
    expect_only(
        "patterns/reliability/circuit-breaker.md:13: error: last_reviewed '2026-02-30' is not a YYYY-MM-DD date");
}

TEST_F(CorpusChecks, MalformedTagIsAnError) {
    replace_in(breaker, "tags: [provider-outage, failover]", "tags: [Provider_Outage]");
    expect_only(
        "patterns/reliability/circuit-breaker.md:6: error: tag 'Provider_Outage' must be lowercase words joined by "
        "hyphens");
}

TEST_F(CorpusChecks, MoreThanTenTagsIsAnError) {
    replace_in(breaker, "tags: [provider-outage, failover]", "tags: [a, b, c, d, e, f, g, h, i, j, k]");
    expect_only("patterns/reliability/circuit-breaker.md:6: error: 'tags' must list 1 to 10 tags, found 11");
}

TEST_F(CorpusChecks, MoreThanTwelveSymptomsIsAnError) {
    replace_in(breaker, "tags: [provider-outage, failover]",
               "tags: [provider-outage, failover]\nsymptoms: [a, b, c, d, e, f, g, h, i, j, k, l, m]");
    expect_only("patterns/reliability/circuit-breaker.md:7: error: 'symptoms' may list at most 12 entries, found 13");
}

TEST_F(CorpusChecks, OverlongSymptomIsAnErrorAtItsLine) {
    replace_in(breaker, "tags: [provider-outage, failover]",
               "tags: [provider-outage, failover]\nsymptoms:\n  - fine\n  - " + std::string(161, 'x'));
    expect_only("patterns/reliability/circuit-breaker.md:9: error: a symptom must be 1 to 160 bytes, found 161");
}

TEST_F(CorpusChecks, FileNameMustBeAValidId) {
    std::filesystem::rename(breaker, root / "patterns/reliability/Circuit_Breaker.md");
    replace_in(root / "patterns/reliability/retry-with-backoff.md", "related: [circuit-breaker]", "related: []");
    replace_in(root / "patterns/cost-and-efficiency/token-budget.md", "related: [circuit-breaker]", "related: []");
    // Their When NOT sections name it too, which would now be a warning of its own.
    replace_in(root / "patterns/reliability/retry-with-backoff.md", "use `circuit-breaker` for", "use a breaker for");
    replace_in(root / "patterns/cost-and-efficiency/token-budget.md", "use `circuit-breaker` to", "use a breaker to");
    expect_only(
        "patterns/reliability/Circuit_Breaker.md:1: error: file name 'Circuit_Breaker' is not a valid id (lowercase, "
        "digits, hyphens)");
}

TEST_F(CorpusChecks, UnknownKeyIsOnlyAWarning) {
    replace_in(breaker, "last_reviewed: 2026-01-15", "last_reviewed: 2026-01-15\nsidebar: 3");
    expect_only("patterns/reliability/circuit-breaker.md:14: warning: unknown front matter key 'sidebar'");
}

TEST(UpstreamCorpus, IndexesWithWarningsAndResolvesRelatedTitles) {
    Diagnostics diagnostics;
    const Corpus corpus = load_corpus(test::fixtures_dir() / "upstream", diagnostics);
    const auto patterns = check_corpus(corpus, diagnostics);
    EXPECT_EQ(diagnostics.error_count(), 0u);
    EXPECT_GT(diagnostics.warning_count(), 0u);
    EXPECT_GT(diagnostics.error_count(true), 0u);  // --strict rejects it
    EXPECT_EQ(corpus.skipped_files, 2u);           // index.mdx and the pillar landing page
    ASSERT_EQ(patterns.size(), 2u);
    const auto& breaker = patterns[0];
    EXPECT_EQ(breaker.meta.id, "circuit-breaker");
    ASSERT_EQ(breaker.meta.related.size(), 1u);  // "Fallback Chain Pattern" resolves; "Health Check" does not
    EXPECT_EQ(breaker.meta.related[0].id, "fallback-chain");
    const auto& fallback = patterns[1];
    ASSERT_EQ(fallback.meta.related.size(), 1u);
    EXPECT_EQ(fallback.meta.related[0].id, "circuit-breaker");
    // Lowercase headings and the extra "Failure Modes" section are understood.
    bool has_failure_modes = false;
    for (const auto& s : breaker.sections) has_failure_modes = has_failure_modes || s.id == "failure-modes";
    EXPECT_TRUE(has_failure_modes);
    EXPECT_EQ(breaker.sections[5].id, "trade-offs");
    EXPECT_EQ(fallback.sections[4].id, "when-not-to-use");
}

}  // namespace
}  // namespace pai
