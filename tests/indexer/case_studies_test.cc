#include "case_studies.h"

#include <gtest/gtest.h>


#include "reading_paths.h"
#include "test_support.h"

namespace pai {
namespace {

using test::write_file;

const std::map<std::string, std::string> kTitles{
    {"circuit-breaker", "Circuit Breaker"}, {"token-budget", "Token Budget"},
    {"retry-with-backoff", "Retry with Backoff"}, {"input-sanitization", "Input Sanitization"},
    {"fallback-chain", "Fallback Chain"}, {"llm-gateway", "LLM Gateway"}};

/// The fixture case study, copied so each test can break one thing in it.
class CaseStudies : public ::testing::Test {
protected:
    test::TempDir temp;
    std::filesystem::path dir = temp.path() / "case-studies";
    std::string fixture = test::read_file(test::fixtures_dir() / "corpus/case-studies/fixture-assistant.md");

    std::vector<CaseStudy> load(const std::string& text, Diagnostics& diagnostics) {
        write_file(dir / "fixture-assistant.md", text);
        return load_case_studies(dir, kTitles, diagnostics);
    }
    std::vector<std::string> problems(const std::string& text) {
        Diagnostics diagnostics;
        const auto studies = load(text, diagnostics);
        if (diagnostics.error_count() > 0) {
            EXPECT_TRUE(studies.empty());  // a file with errors is left out
        }
        return test::diagnostic_lines(diagnostics, dir);
    }
    std::string replaced(const std::string& from, const std::string& to) {
        std::string text = fixture;
        const auto at = text.find(from);
        EXPECT_NE(at, std::string::npos) << from;
        return text.replace(at, from.size(), to);
    }
};

TEST_F(CaseStudies, TheFixtureLoadsWithItsSectionsAndPatterns) {
    Diagnostics diagnostics;
    const auto studies = load(fixture, diagnostics);
    EXPECT_TRUE(diagnostics.all().empty());
    ASSERT_EQ(studies.size(), 1u);
    const CaseStudy& study = studies[0];
    EXPECT_EQ(study.id, "fixture-assistant");
    EXPECT_EQ(study.organisation, "Fixture Corp");
    EXPECT_EQ(study.patterns, (std::vector<std::string>{"circuit-breaker", "token-budget"}));
    ASSERT_EQ(study.sources.size(), 2u);
    EXPECT_EQ(study.sources[1].url, "https://example.org/two");
    ASSERT_EQ(study.sections.size(), 5u);
    EXPECT_EQ(study.sections[2].title, "Pattern Stack");
    EXPECT_NE(study.sections[2].html.find("<code>token-budget</code>"), std::string::npos);
}

TEST_F(CaseStudies, AnUnknownPatternIsAnErrorAtItsLine) {
    EXPECT_EQ(problems(replaced("patterns: [circuit-breaker, token-budget]", "patterns: [circuit-breaker, no-such]")),
              (std::vector<std::string>{
                  "fixture-assistant.md:6: error: 'no-such' names no pattern in the corpus",
                  "fixture-assistant.md:28: error: Pattern Stack names 'token-budget', which 'patterns' does not list",
                  "fixture-assistant.md:23: error: Pattern Stack has no row for 'no-such'"}));
}

TEST_F(CaseStudies, ThePatternStackAndThePatternsListMustAgree) {
    const auto lines = problems(replaced("| `token-budget` | caps each tenant's tokens per day |\n", ""));
    EXPECT_EQ(lines, std::vector<std::string>{
                         "fixture-assistant.md:23: error: Pattern Stack has no row for 'token-budget'"});
}

TEST_F(CaseStudies, NeedsTwoSourcesWithWebAddresses) {
    const auto one_source = replaced("  - title: Second fixture write-up\n    url: https://example.org/two\n", "");
    EXPECT_EQ(problems(one_source).size(), 1u);
    EXPECT_NE(problems(one_source)[0].find("'sources' needs at least 2 pages"), std::string::npos);
    const auto not_web = replaced("url: https://example.org/two", "url: file:///etc/passwd");
    EXPECT_EQ(problems(not_web), std::vector<std::string>{"fixture-assistant.md:11: error: source url "
                                                           "'file:///etc/passwd' is not an http(s) address"});
}

TEST_F(CaseStudies, SectionsComeInOrderAndNoneIsMissing) {
    const auto missing = problems(replaced("## Lessons", "## Takeaways"));
    ASSERT_EQ(missing.size(), 2u);
    EXPECT_NE(missing[0].find("unexpected section 'Takeaways'"), std::string::npos);
    EXPECT_NE(missing[1].find("missing section '## Lessons'"), std::string::npos);
}

TEST_F(CaseStudies, ANonexistentFolderHasNoCaseStudies) {
    Diagnostics diagnostics;
    EXPECT_TRUE(load_case_studies(temp.path() / "absent", kTitles, diagnostics).empty());
    EXPECT_TRUE(diagnostics.all().empty());
}

/// A paths.yaml with one path of @p steps steps over the known titles.
std::string one_path(const std::vector<std::string>& steps, const std::string& id = "first-job") {
    std::string yaml = "paths:\n  - id: " + id + "\n    title: A job\n    description: What it is for.\n    steps:\n";
    for (const auto& step : steps) yaml += "      - pattern: " + step + "\n        why: because it comes next\n";
    return yaml;
}

class ReadingPaths : public ::testing::Test {
protected:
    test::TempDir temp;
    std::filesystem::path file = temp.path() / "paths.yaml";

    std::vector<ReadingPath> load(const std::string& yaml, Diagnostics& diagnostics) {
        write_file(file, yaml);
        return load_reading_paths(file, kTitles, diagnostics);
    }
    std::vector<std::string> problems(const std::string& yaml) {
        Diagnostics diagnostics;
        load(yaml, diagnostics);
        return test::diagnostic_lines(diagnostics, temp.path());
    }
};

const std::vector<std::string> kFiveSteps{"llm-gateway", "retry-with-backoff", "circuit-breaker", "fallback-chain",
                                          "token-budget"};

TEST_F(ReadingPaths, StepsKeepTheirOrderAndGetTheirPatternTitles) {
    Diagnostics diagnostics;
    const auto paths = load(one_path(kFiveSteps), diagnostics);
    EXPECT_TRUE(diagnostics.all().empty());
    ASSERT_EQ(paths.size(), 1u);
    EXPECT_EQ(paths[0].id, "first-job");
    ASSERT_EQ(paths[0].steps.size(), 5u);
    EXPECT_EQ(paths[0].steps[2].pattern, "circuit-breaker");
    EXPECT_EQ(paths[0].steps[2].title, "Circuit Breaker");
    EXPECT_EQ(paths[0].steps[4].why, "because it comes next");
}

TEST_F(ReadingPaths, AnUnknownOrRepeatedPatternIsAnErrorAtItsLine) {
    auto steps = kFiveSteps;
    steps[1] = "no-such";
    steps.push_back("circuit-breaker");
    EXPECT_EQ(problems(one_path(steps)),
              (std::vector<std::string>{
                  "paths.yaml:8: error: 'no-such' names no pattern in the corpus",
                  "paths.yaml:16: error: 'circuit-breaker' appears twice in path 'first-job'"}));
}

TEST_F(ReadingPaths, APathHasFiveToTenSteps) {
    const auto lines = problems(one_path({"llm-gateway", "circuit-breaker"}));
    ASSERT_EQ(lines.size(), 1u);
    EXPECT_NE(lines[0].find("a path has 5 to 10 steps"), std::string::npos);
}

TEST_F(ReadingPaths, PathIdsAreUniqueAndWellFormed) {
    const std::string twice = one_path(kFiveSteps) + one_path(kFiveSteps).substr(std::string("paths:\n").size());
    const auto lines = problems(twice);
    ASSERT_EQ(lines.size(), 1u);
    EXPECT_NE(lines[0].find("path id 'first-job' is used twice"), std::string::npos);
    EXPECT_NE(problems(one_path(kFiveSteps, "First Job"))[0].find("must be lowercase words joined by hyphens"),
              std::string::npos);
}

TEST_F(ReadingPaths, BrokenYamlIsReportedWithItsLineAndAMissingFileIsNoPaths) {
    const auto lines = problems("paths:\n  - id: a\n    title: [unclosed\n");
    ASSERT_EQ(lines.size(), 1u);
    EXPECT_EQ(lines[0].rfind("paths.yaml:", 0), 0u);
    EXPECT_NE(lines[0].find("invalid YAML"), std::string::npos);
    Diagnostics diagnostics;
    EXPECT_TRUE(load_reading_paths(temp.path() / "absent.yaml", kTitles, diagnostics).empty());
    EXPECT_TRUE(diagnostics.all().empty());
}

}  // namespace
}  // namespace pai
