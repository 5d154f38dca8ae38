#include "decision_guide_loader.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "test_support.h"

namespace pai {
namespace {

const std::set<std::string> kPatterns{"circuit-breaker", "retry-with-backoff", "token-budget", "input-sanitization"};

/// Each test loads the fixture guide with at most one defect and expects it at an exact line.
class DecisionGuideLoader : public ::testing::Test {
protected:
    test::TempDir temp;
    std::filesystem::path file = temp.path() / "decision-guide.yaml";
    std::string text = test::read_file(test::fixtures_dir() / "corpus/decision-guide.yaml");

    void replace(const std::string& from, const std::string& to) {
        const auto at = text.find(from);
        ASSERT_NE(at, std::string::npos) << from;
        text.replace(at, from.size(), to);
    }

    std::optional<DecisionGuide> load(Diagnostics& diagnostics) {
        test::write_file(file, text);
        return load_decision_guide(file, kPatterns, diagnostics);
    }

    /// Every problem as "line: severity: message".
    std::vector<std::string> problems() {
        Diagnostics diagnostics;
        load(diagnostics);
        std::vector<std::string> out;
        for (const auto& d : diagnostics.all()) {
            out.push_back(std::to_string(d.line) + ": " + (d.severity == Severity::kError ? "error" : "warning") +
                          ": " + d.message);
        }
        return out;
    }

    int line_of(const std::string& needle) const {
        const auto at = text.find(needle);
        return static_cast<int>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(at), '\n')) + 1;
    }
};

TEST_F(DecisionGuideLoader, FixtureGuideLoadsEveryField) {
    Diagnostics diagnostics;
    const auto guide = load(diagnostics);
    EXPECT_TRUE(diagnostics.all().empty());
    ASSERT_TRUE(guide);
    EXPECT_EQ(guide->title, "Fixture Decision Guide");
    ASSERT_EQ(guide->questions.size(), 4u);
    const auto& pain = guide->questions[0];
    EXPECT_EQ(pain.id, "pain");
    EXPECT_EQ(pain.help, "Pick one.");
    EXPECT_DOUBLE_EQ(pain.weight, 2.0);
    ASSERT_EQ(pain.answers.size(), 2u);
    EXPECT_EQ(pain.answers[0].favour, (std::vector<std::string>{"circuit-breaker", "retry-with-backoff"}));
    EXPECT_EQ(pain.answers[1].query, "monthly bill");
    const auto& low = guide->questions[1].answers[0];
    ASSERT_EQ(low.rule_out.size(), 1u);
    EXPECT_EQ(low.rule_out[0].id, "circuit-breaker");
    EXPECT_EQ(low.rule_out[0].reason, "The breaker's window never fills at low traffic.");
    EXPECT_DOUBLE_EQ(guide->questions[1].weight, 1.0);
}

TEST_F(DecisionGuideLoader, UnknownFavouredPatternIsAnErrorAtItsLine) {
    replace("favour: [circuit-breaker, retry-with-backoff]", "favour: [circuit-breaker, no-such-pattern]");
    EXPECT_EQ(problems(), std::vector<std::string>{std::to_string(line_of("no-such-pattern")) +
                                                   ": error: 'no-such-pattern' names no pattern in the corpus"});
}

TEST_F(DecisionGuideLoader, UnknownRuledOutPatternIsAnErrorAtItsLine) {
    replace("          - id: circuit-breaker\n            reason:", "          - id: ghost\n            reason:");
    EXPECT_EQ(problems(), std::vector<std::string>{std::to_string(line_of("id: ghost")) +
                                                   ": error: 'ghost' names no pattern in the corpus"});
}

TEST_F(DecisionGuideLoader, RuleOutWithoutReasonIsAnError) {
    replace("            reason: The breaker's window never fills at low traffic.\n", "");
    EXPECT_EQ(problems(), std::vector<std::string>{std::to_string(line_of("- id: circuit-breaker")) +
                                                   ": error: each 'rule_out' entry needs an 'id' and a 'reason'"});
}

TEST_F(DecisionGuideLoader, FavouringWithoutBecauseIsAnError) {
    replace("        because: traffic is high\n", "");
    EXPECT_EQ(problems(), std::vector<std::string>{
                              std::to_string(line_of("id: high")) +
                              ": error: an answer that favours patterns or adds a query needs 'because' (the reason "
                              "shown with them)"});
}

TEST_F(DecisionGuideLoader, TooFewQuestionsIsAnError) {
    text = text.substr(0, text.find("  - id: input"));
    EXPECT_EQ(problems(), std::vector<std::string>{std::to_string(line_of("  - id: pain")) +
                                                   ": error: the guide must ask 4 to 7 questions, found 2"});
}

TEST_F(DecisionGuideLoader, RepeatedIdsAreErrors) {
    replace("  - id: budget", "  - id: pain");
    replace("      - id: none", "      - id: free-text");
    const auto found = problems();
    ASSERT_EQ(found.size(), 2u) << ::testing::PrintToString(found);
    EXPECT_EQ(found[0], std::to_string(line_of("      - id: free-text\n        label: No")) +
                            ": error: answer id 'free-text' is used twice in question 'input'");
    EXPECT_EQ(found[1], std::to_string(line_of("  - id: pain\n    text: Is there")) +
                            ": error: question id 'pain' is used twice");
}

TEST_F(DecisionGuideLoader, FavouredAndRuledOutByOneAnswerIsAnError) {
    replace("        label: High\n        because: traffic is high\n",
            "        label: High\n        because: traffic is high\n        rule_out:\n          - id: "
            "circuit-breaker\n"
            "            reason: contradiction\n");
    EXPECT_EQ(problems(), std::vector<std::string>{
                              std::to_string(line_of("- id: circuit-breaker\n            reason: contradiction")) +
                              ": error: 'circuit-breaker' is both favoured and ruled out by the same answer"});
}

TEST_F(DecisionGuideLoader, UnknownKeyIsAWarning) {
    replace("    help: Pick one.\n", "    help: Pick one.\n    colour: blue\n");
    EXPECT_EQ(problems(),
              std::vector<std::string>{std::to_string(line_of("colour")) + ": warning: unknown key 'colour'"});
}

TEST_F(DecisionGuideLoader, InvalidYamlIsAnErrorAtItsLine) {
    replace("favour: [token-budget]\n        query", "favour: [token-budget\n        query");
    const auto found = problems();
    ASSERT_EQ(found.size(), 1u) << ::testing::PrintToString(found);
    EXPECT_TRUE(found[0].find(": error: invalid YAML") != std::string::npos) << found[0];
}

}  // namespace
}  // namespace pai
