#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "daemon_process.h"
#include "fixture_index.h"
#include "output.h"
#include "test_support.h"

namespace pai {
namespace {

class CliTest : public ::testing::Test {
protected:
    test::TempDir temp;
    std::filesystem::path index = temp.path() / "index";
    void SetUp() override { test::index_corpus(test::fixtures_dir() / "corpus", index); }

    static test::CommandResult cli(const std::string& args) {
        return test::run_command("NO_COLOR=1 " + (test::bin_dir() / "pattern-search").string() + " " + args);
    }
};

TEST_F(CliTest, SearchesAnIndexDirectly) {
    const auto result = cli("--index " + index.string() + " provider keeps timing out");
    EXPECT_EQ(result.exit_code, 0) << result.output;
    EXPECT_NE(result.output.find("1. Circuit Breaker  (circuit-breaker)"), std::string::npos) << result.output;
    EXPECT_NE(result.output.find("reliability · validated-in-production"), std::string::npos) << result.output;
    EXPECT_EQ(result.output.find("<mark>"), std::string::npos) << result.output;
}

TEST_F(CliTest, RepeatedFiltersApply) {
    const auto result =
        cli("--index " + index.string() + " --pillar cost-and-efficiency --pillar reliability --json bill");
    ASSERT_EQ(result.exit_code, 0) << result.output;
    const auto json = nlohmann::json::parse(result.output);
    EXPECT_EQ(json["query"], "bill");
    EXPECT_EQ(json["hits"][0]["id"], "token-budget");
}

TEST_F(CliTest, NoResultsExitsOne) {
    const auto result = cli("--index " + index.string() + " zzzqqqxxx");
    EXPECT_EQ(result.exit_code, 1) << result.output;
    EXPECT_NE(result.output.find("0 patterns found"), std::string::npos);
}

TEST_F(CliTest, UsageErrorsExitTwo) {
    EXPECT_EQ(cli("").exit_code, 2);
    EXPECT_EQ(cli("--limit 500 x").exit_code, 2);
    EXPECT_EQ(cli("--index " + index.string() + " --server http://127.0.0.1:1 x").exit_code, 2);
}

TEST_F(CliTest, UnreachableServerExitsTwoAndSaysHowToStartIt) {
    const auto result = cli("--server http://127.0.0.1:1 timeouts");
    EXPECT_EQ(result.exit_code, 2);
    EXPECT_NE(result.output.find("scripts/serve"), std::string::npos) << result.output;
}

TEST_F(CliTest, ServerModeJsonIsExactlyTheApiJson) {
    test::DaemonProcess daemon({"--index", index.string()});
    const auto result = cli("--server " + daemon.url() + " --json --limit 2 provider");
    ASSERT_EQ(result.exit_code, 0) << result.output;
    const auto from_cli = nlohmann::json::parse(result.output);
    const auto direct = cli("--index " + index.string() + " --json --limit 2 provider");
    auto from_index = nlohmann::json::parse(direct.output);
    from_index.erase("took_ms");
    auto without_time = from_cli;
    without_time.erase("took_ms");
    EXPECT_EQ(without_time, from_index);
}

TEST(TerminalSnippet, HighlightsOnlyWithColourAndDecodesEntities) {
    EXPECT_EQ(terminal_snippet("a <mark>b</mark> &lt;c&gt;", false), "a b <c>");
    EXPECT_EQ(terminal_snippet("<mark>b</mark>", true), "\x1b[1;33mb\x1b[0m");
}

}  // namespace
}  // namespace pai
