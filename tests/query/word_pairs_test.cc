/** @file
 *  @brief Near word pairs: typed words that stand together find sections where they stand together, and only
 *  add weight to what the words alone match.
 */
#include "word_pairs.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <set>
#include <string>
#include <vector>

#include "query_builder.h"

namespace pai {
namespace {

// The close section is the longer one, so BM25 on the words alone ranks the far one first.
const std::string kClose =
    "a provider timeout came at peak and every retry after it queued behind the others until the whole fleet of "
    "workers waited on the same slow calls for most of the afternoon";
const std::string kFar =
    "the provider answered each call on a quiet morning, and nothing went wrong until much later in the week when a "
    "timeout came";

/// An in-memory index, one document per text, indexed as the corpus is (stems, and plain words with positions).
class WordPairsTest : public ::testing::Test {
protected:
    WordPairsTest() : db_(std::string(), Xapian::DB_BACKEND_INMEMORY) {
        Xapian::TermGenerator terms;
        terms.set_stemmer(Xapian::Stem("english"));
        terms.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
        for (const auto& text : {kClose, kFar, std::string("our bill doubled overnight")}) {
            Xapian::Document doc;
            terms.set_document(doc);
            terms.index_text(text);
            doc.set_data(text);
            db_.add_document(doc);
        }
    }

    std::vector<std::string> ranked(const Xapian::Query& query) const {
        Xapian::Enquire enquire(db_);
        enquire.set_query(query);
        std::vector<std::string> texts;
        const auto mset = enquire.get_mset(0, 10);
        for (auto item = mset.begin(); item != mset.end(); ++item) texts.push_back(item.get_document().get_data());
        return texts;
    }

    static std::size_t count(std::string_view text) { return near_pairs(text, kPrefixes).size(); }

    Xapian::WritableDatabase db_;
    static inline const std::vector<std::string> kPrefixes{""};
};

TEST_F(WordPairsTest, APairFindsOnlySectionsWhereItsWordsStandWithinTheWindow) {
    const auto pairs = near_pairs("provider timeout", kPrefixes);
    ASSERT_EQ(pairs.size(), 1u);
    EXPECT_EQ(ranked(pairs.front()), std::vector<std::string>{kClose});
    EXPECT_NE(pairs.front().get_description().find("NEAR " + std::to_string(kPairWindow)), std::string::npos)
        << pairs.front().get_description();
}

TEST_F(WordPairsTest, TheBuiltQueryRanksTheCloseSectionFirstAndStillMatchesTheFarOne) {
    const std::vector<Xapian::Query> words{Xapian::Query("Zprovid"), Xapian::Query("Ztimeout")};
    ASSERT_EQ(ranked(Xapian::Query(Xapian::Query::OP_OR, words.begin(), words.end())),
              (std::vector<std::string>{kFar, kClose}));
    QueryBuilder builder(db_);
    EXPECT_EQ(ranked(builder.parse_text("provider timeout").query), (std::vector<std::string>{kClose, kFar}));
}

TEST_F(WordPairsTest, StopWordsAreSkippedSoContentWordsAroundThemPair) {
    const auto pairs = near_pairs("our bill has doubled", kPrefixes);
    ASSERT_EQ(pairs.size(), 1u);
    EXPECT_EQ(ranked(pairs.front()), std::vector<std::string>{"our bill doubled overnight"});
    EXPECT_EQ(count("the and of it"), 0u);
    EXPECT_EQ(count("timeout"), 0u);
}

TEST_F(WordPairsTest, WordsPairWithTheNextTwoContentWordsTheFartherAtHalfWeight) {
    const auto pairs = near_pairs("alpha beta gamma delta", kPrefixes);
    ASSERT_EQ(pairs.size(), 5u) << "three neighbours and two words one apart";
    EXPECT_NE(pairs.front().get_description().find("Query(1 * "), std::string::npos) << pairs.front().get_description();
    EXPECT_NE(pairs.back().get_description().find("Query(0.5 * "), std::string::npos) << pairs.back().get_description();
}

TEST_F(WordPairsTest, PhrasesExclusionsAndFiltersBreakTheRun) {
    EXPECT_EQ(count("bill \"exact words\" doubled"), 0u);
    EXPECT_EQ(count("bill -gpu doubled"), 0u);
    EXPECT_EQ(count("bill pillar:cost doubled"), 0u);
    EXPECT_EQ(count("bill doubled -gpu spend rose"), 2u) << "bill-doubled and spend-rose";
}

TEST_F(WordPairsTest, EachPairOnceInEitherOrderAndNoWordWithItself) {
    EXPECT_EQ(count("timeout timeout"), 0u);
    EXPECT_EQ(count("provider timeout provider timeout"), 1u);
}

TEST_F(WordPairsTest, EachPrefixIsSearchedAndALongQueryIsBounded) {
    const std::vector<std::string> prefixes{"", "XP"};
    const auto pairs = near_pairs("provider timeout", prefixes);
    ASSERT_EQ(pairs.size(), 1u);
    EXPECT_NE(pairs.front().get_description().find("XPprovider"), std::string::npos);
    std::string pasted;
    for (int i = 0; i < 300; ++i) pasted += "word" + std::to_string(i) + ' ';
    EXPECT_EQ(count(pasted), kMaxPairs);
}

TEST_F(WordPairsTest, AWordLongerThanAnyTermSearchesWithoutThrowing) {
    QueryBuilder builder(db_);
    const std::string huge(300, 'x');
    EXPECT_FALSE(ranked(builder.parse_text(huge + " provider timeout " + huge).query).empty());
}

}  // namespace
}  // namespace pai
