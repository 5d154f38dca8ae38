#include "symptom_match.h"

#include <gtest/gtest.h>

namespace pai {
namespace {

class SymptomMatch : public ::testing::Test {
protected:
    Xapian::Stem stemmer{"english"};
    SymptomMatcher matcher{stemmer};

    std::set<std::string> query(std::string_view text) const { return word_stems(text, stemmer); }
};

TEST_F(SymptomMatch, StemsLeaveOutStopWordsAndFoldCase) {
    EXPECT_EQ(word_stems("Our workers keep piling up, waiting!", Xapian::Stem("english")),
              (std::set<std::string>{"pile", "up", "wait", "worker"}));
}

TEST_F(SymptomMatch, QuotesTheSymptomSharingTheMostWords) {
    matcher.add("breaker", {"provider timeouts at peak", "workers pile up waiting on hung provider calls"});
    EXPECT_EQ(matcher.best("breaker", query("the provider hangs and our workers pile up")),
              "workers pile up waiting on hung provider calls");
}

TEST_F(SymptomMatch, OneSharedWordIsNoEcho) {
    matcher.add("breaker", {"provider timeouts at peak"});
    EXPECT_EQ(matcher.best("breaker", query("which provider is cheapest")), "");
}

TEST_F(SymptomMatch, TwoWordsOfALongSymptomAreNoEcho) {
    matcher.add("cache", {"serve a cached answer or plain search results when the model is unavailable"});
    EXPECT_EQ(matcher.best("cache", query("search results got worse after the upgrade")), "");
    EXPECT_EQ(matcher.best("cache", query("serve cached answers when the model is unavailable")),
              "serve a cached answer or plain search results when the model is unavailable");
}

TEST_F(SymptomMatch, OnATieTheShorterSymptomWins) {
    matcher.add("budget", {"invoice doubled after the launch of the new assistant", "invoice doubled"});
    EXPECT_EQ(matcher.best("budget", query("our invoice doubled")), "invoice doubled");
}

TEST_F(SymptomMatch, PatternWithoutSymptomsHasNone) {
    EXPECT_EQ(matcher.best("unknown", query("anything at all here")), "");
}

}  // namespace
}  // namespace pai
