#include "failure_modes.h"

#include <gtest/gtest.h>


#include <algorithm>

#include "corpus_checks.h"
#include "corpus_loader.h"
#include "prose_checks.h"
#include "test_support.h"

namespace pai {
namespace {

/// The first section of @p body, a Markdown text whose first line is source line @p first_line.
MarkdownSection section_of(const std::string& body, int first_line = 1) {
    auto sections = split_sections(body, first_line);
    EXPECT_FALSE(sections.empty());
    return sections.front();
}

std::string entry(const std::string& name, const std::string& fields) { return "### " + name + "\n\n" + fields + "\n"; }

const std::string kAllFields =
    "**Trigger**: the 50 % error threshold trips on a burst of 20 calls.\n"
    "**Symptom**: breaker-open events with no provider errors.\n"
    "**Mitigation**: require a minimum of 100 calls; see `retry-with-backoff`.\n";

TEST(FailureModes, ReadsEachEntryWithItsFieldsAndLines) {
    const auto section = section_of("## Failure Modes\n\n" + entry("Flash Trip", kAllFields) +
                                        entry("Split Brain", kAllFields) + entry("Stuck Open", kAllFields),
                                    40);
    const auto parsed = parse_failure_modes(section);
    EXPECT_TRUE(parsed.problems.empty());
    ASSERT_EQ(parsed.entries.size(), 3u);
    const FailureMode& first = parsed.entries[0].mode;
    EXPECT_EQ(first.name, "Flash Trip");
    EXPECT_EQ(first.trigger, "the 50 % error threshold trips on a burst of 20 calls.");
    EXPECT_EQ(first.symptom, "breaker-open events with no provider errors.");
    EXPECT_EQ(first.mitigation, "require a minimum of 100 calls; see `retry-with-backoff`.");
    EXPECT_EQ(first.line, 42);  // "## Failure Modes" is line 40, then a blank line
    EXPECT_GE(first.line_end, first.line + 4);
    EXPECT_LT(first.line_end, parsed.entries[1].mode.line);
    EXPECT_EQ(parsed.entries[1].mode.line, 48);
    EXPECT_EQ(parsed.entries[0].markdown.rfind("### Flash Trip", 0), 0u);
}

TEST(FailureModes, AcceptsTheColonInsideTheBoldLabel) {
    const std::string fields = "**Trigger:** a\n**Symptom:** b\n**Mitigation:** c\n";
    const auto parsed =
        parse_failure_modes(section_of("## Failure Modes\n\n" + entry("A", fields) + entry("B", fields) + entry("C", fields)));
    EXPECT_TRUE(parsed.problems.empty());
    ASSERT_EQ(parsed.entries.size(), 3u);
    EXPECT_EQ(parsed.entries[2].mode.mitigation, "c");
}

TEST(FailureModes, ReportsAMissingFieldAtTheEntryHeading) {
    const std::string no_mitigation = "**Trigger**: a\n**Symptom**: b\n";
    const auto parsed = parse_failure_modes(section_of(
        "## Failure Modes\n\n" + entry("A", kAllFields) + entry("B", no_mitigation) + entry("C", kAllFields), 10));
    ASSERT_EQ(parsed.problems.size(), 1u);
    EXPECT_EQ(parsed.problems[0].line, 18);
    EXPECT_NE(parsed.problems[0].message.find("'B' needs a '**Mitigation**: ...' line"), std::string::npos);
    EXPECT_EQ(parsed.entries.size(), 3u);  // still returned, so the section indexes
}

TEST(FailureModes, ReportsARepeatedFieldAndARepeatedName) {
    const std::string twice = kAllFields + "**Symptom**: again\n";
    const auto parsed = parse_failure_modes(
        section_of("## Failure Modes\n\n" + entry("A", twice) + entry("B", kAllFields) + entry("A", kAllFields)));
    ASSERT_EQ(parsed.problems.size(), 2u);
    EXPECT_NE(parsed.problems[0].message.find("gives **Symptom** twice"), std::string::npos);
    EXPECT_EQ(parsed.problems[0].line, 8);  // the second **Symptom** line
    EXPECT_NE(parsed.problems[1].message.find("repeats an earlier name"), std::string::npos);
}

TEST(FailureModes, NeedsAtLeastThreeEntries) {
    const auto parsed =
        parse_failure_modes(section_of("## Failure Modes\n\n" + entry("A", kAllFields) + entry("B", kAllFields), 5));
    ASSERT_EQ(parsed.problems.size(), 1u);
    EXPECT_EQ(parsed.problems[0].line, 5);
    EXPECT_NE(parsed.problems[0].message.find("lists 2 entries; each pattern needs at least 3"), std::string::npos);
}

TEST(FailureModes, IgnoresHeadingsAndLabelsInsideFencedCode) {
    const std::string fenced = "```markdown\n### Not An Entry\n**Trigger**: inside the fence\n```\n";
    const auto parsed = parse_failure_modes(section_of("## Failure Modes\n\n" + entry("A", kAllFields) + fenced +
                                                       entry("B", kAllFields) + entry("C", kAllFields)));
    EXPECT_TRUE(parsed.problems.empty());
    ASSERT_EQ(parsed.entries.size(), 3u);
    EXPECT_EQ(parsed.entries[0].mode.trigger, "the 50 % error threshold trips on a burst of 20 calls.");
}

TEST(ProseChecks, CountsOnlyQuotationsOfThreeWordsOrMore) {
    const auto phrases = quoted_phrases(
        "They said \"the bill doubled overnight\", then \u201cprovider times out\u201d, but \"429\" and "
        "\"rate limit\" is a term.");
    ASSERT_EQ(phrases.size(), 2u);
    EXPECT_EQ(phrases[0], "the bill doubled overnight");
    EXPECT_EQ(phrases[1], "provider times out");
}

TEST(ProseChecks, WarnsOnAParagraphThatListsMoreThanTwoPhrases) {
    const auto section = section_of(
        "## The Problem It Solves\n\n"
        "Two quotes are fine: \"the bill doubled\" and \"the provider timed out\".\n\n"
        "Standups hear \"retrieval returns junk\", \"chunk size does nothing\" and\n"
        "\"tables come out broken\".\n\n"
        "Code is not quoted prose: `\"a b c\"`, `\"d e f\"` and `\"g h i\"`.\n",
        20);
    const auto problems = quoted_phrase_lists(section);
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_EQ(problems[0].line, 24);  // the second paragraph's first line
    EXPECT_NE(problems[0].message.find("3"), std::string::npos);
}

/// A copy of the fixture corpus whose circuit breaker has a broken Failure Modes section.
class FailureModeChecks : public ::testing::Test {
protected:
    test::TempDir temp;
    std::filesystem::path root = test::copy_fixture_corpus(temp.path());
    std::filesystem::path breaker = root / "patterns/reliability/circuit-breaker.md";

    std::vector<std::string> problems() {
        Diagnostics diagnostics;
        check_corpus(load_corpus(root, diagnostics), diagnostics);
        return test::diagnostic_lines(diagnostics, root, true);
    }
};

TEST_F(FailureModeChecks, AShapeProblemIsAWarningAtItsLineAndAnErrorWhenStrict) {
    std::string text = test::read_file(breaker);
    const std::string mitigation = "**Mitigation**: Probe with several requests and back off the cool-down.\n";
    ASSERT_NE(text.find(mitigation), std::string::npos);
    text.erase(text.find(mitigation), mitigation.size());
    test::write_file(breaker, text);

    Diagnostics diagnostics;
    const auto patterns = check_corpus(load_corpus(root, diagnostics), diagnostics);
    EXPECT_EQ(diagnostics.error_count(), 0u);
    EXPECT_EQ(diagnostics.error_count(true), 1u);
    EXPECT_EQ(patterns.size(), 4u);  // a warning does not drop the pattern
    EXPECT_EQ(problems(), std::vector<std::string>{"patterns/reliability/circuit-breaker.md:56: error: failure mode "
                                                   "'Stuck Open' needs a '**Mitigation**: ...' line"});
}

TEST_F(FailureModeChecks, TheParsedEntriesReachThePatternMetadata) {
    Diagnostics diagnostics;
    const auto patterns = check_corpus(load_corpus(root, diagnostics), diagnostics);
    const auto found = std::find_if(patterns.begin(), patterns.end(),
                                    [](const ResolvedPattern& p) { return p.meta.id == "circuit-breaker"; });
    ASSERT_NE(found, patterns.end());
    ASSERT_EQ(found->meta.failure_modes.size(), 3u);
    EXPECT_EQ(found->meta.failure_modes[1].name, "Split-Brain Circuit State");
    EXPECT_EQ(found->meta.failure_modes[1].line, 50);
    EXPECT_EQ(found->meta.failure_modes[2].symptom, "The breaker never closes after the provider recovers.");
}

}  // namespace
}  // namespace pai
