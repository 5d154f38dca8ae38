/** @file
 *  @brief Thesaurus phrases in typed text: found as plain words, searched as the phrase or its group's words,
 *  never as the phrase's words one by one.
 */
#include "phrase_synonyms.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <set>
#include <string>
#include <vector>

#include "query_builder.h"
#include "test_support.h"

namespace pai {
namespace {

/// A small index (on disk: the in-memory backend has no synonyms): each text is one document, indexed as the
/// corpus is (stems, and plain words with positions).
class PhraseSynonymsTest : public ::testing::Test {
protected:
    PhraseSynonymsTest() : db_(dir_.path().string(), Xapian::DB_CREATE) {
        Xapian::TermGenerator terms;
        terms.set_stemmer(Xapian::Stem("english"));
        terms.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
        for (const char* text : {"the model made up an answer", "hallucination detected in the reply",
                                 "we made progress and scaled up", "a follow up question", "llm as judge scores"}) {
            Xapian::Document doc;
            terms.set_document(doc);
            terms.index_text(text);
            doc.set_data(text);
            db_.add_document(doc);
        }
        db_.add_synonym("made up", "hallucination");
        db_.add_synonym("made up", "fabricated");
        db_.add_synonym("follow up", "clarification");
        db_.add_synonym("follow-up", "coreference");
        db_.add_synonym("llm-as-judge", "grader");
        db_.add_synonym("hallucination", "fabricated");  // one-word keys are the parser's, not these
        db_.commit();
    }

    std::set<std::string> matches(const Xapian::Query& query) const {
        Xapian::Enquire enquire(db_);
        enquire.set_query(query);
        std::set<std::string> texts;
        const auto mset = enquire.get_mset(0, 10);
        for (auto item = mset.begin(); item != mset.end(); ++item) texts.insert(item.get_document().get_data());
        return texts;
    }

    test::TempDir dir_;
    Xapian::WritableDatabase db_;
    const std::vector<std::string> prefixes_{""};
};

TEST_F(PhraseSynonymsTest, ATypedPhraseFindsThePhraseAndItsGroupButNotItsWordsAlone) {
    const PhraseSynonyms phrases(db_);
    const auto expanded = phrases.expand("the bot made up facts", prefixes_);
    ASSERT_EQ(expanded.size(), 1u);
    EXPECT_EQ(matches(expanded.front()),
              (std::set<std::string>{"the model made up an answer", "hallucination detected in the reply"}));
}

TEST_F(PhraseSynonymsTest, SpellingsOfOnePhraseShareTheirSynonymsAndHyphensSplitWords) {
    const PhraseSynonyms phrases(db_);
    const auto follow_up = phrases.expand("a Follow-Up came", prefixes_);
    ASSERT_EQ(follow_up.size(), 1u);
    const std::string description = follow_up.front().get_description();
    EXPECT_NE(description.find("clarification"), std::string::npos) << description;
    EXPECT_NE(description.find("coreference"), std::string::npos) << description;
    EXPECT_EQ(matches(follow_up.front()), std::set<std::string>{"a follow up question"});
    const auto judge = phrases.expand("is llm-as-judge reliable", prefixes_);
    ASSERT_EQ(judge.size(), 1u);
    EXPECT_EQ(matches(judge.front()), std::set<std::string>{"llm as judge scores"});
}

TEST_F(PhraseSynonymsTest, OnlyPlainTypedWordsFormAPhraseAndEachPhraseExpandsOnce) {
    const PhraseSynonyms phrases(db_);
    EXPECT_TRUE(phrases.expand("\"made up\" answers", prefixes_).empty()) << "an exact phrase is searched as typed";
    EXPECT_TRUE(phrases.expand("made -up", prefixes_).empty());
    EXPECT_TRUE(phrases.expand("made tag:up", prefixes_).empty());
    EXPECT_TRUE(phrases.expand("made, then up", prefixes_).empty());
    EXPECT_EQ(phrases.expand("made up, really made up", prefixes_).size(), 1u);
    EXPECT_EQ(phrases.expand("\"exact\" made up", prefixes_).size(), 1u) << "the quote closed before the phrase";
}

TEST_F(PhraseSynonymsTest, PlainWordsAreLowercasedWithBreaksWhereNoPhraseMaySpan) {
    EXPECT_EQ(PhraseSynonyms::plain_words("Rate-limit \"so slow\" -x pillar:cost it's ok"),
              (std::vector<std::string>{"rate", "limit", "", "", "", "", "it's", "ok"}));
}

TEST_F(PhraseSynonymsTest, TheQueryBuilderKeepsExclusionsAndRequiredWordsAroundAPhrase) {
    QueryBuilder builder(db_);
    // The typed words still count one by one, as any word does; the phrase adds its group, minus the exclusion.
    EXPECT_EQ(matches(builder.parse_text("made up -hallucination").query),
              (std::set<std::string>{"the model made up an answer", "we made progress and scaled up",
                                     "a follow up question"}));
    EXPECT_EQ(matches(builder.parse_text("+reply made up").query),
              std::set<std::string>{"hallucination detected in the reply"});
}

}  // namespace
}  // namespace pai
