/** @file
 *  @brief ReadCache: what it answers equals what the index holds, it answers from memory once read, and
 *  clear() brings it back in line with a database that changed.
 */
#include "read_cache.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "schema.h"

namespace pai {
namespace {

class ReadCacheIndex : public ::testing::Test {
protected:
    Xapian::docid add(const std::string& pattern, const std::vector<std::string>& terms,
                      const LatentVector& vector = {}) {
        StoredSection section;
        section.pattern_id = pattern;
        section.title = "Title of " + pattern;
        section.section_id = "problem";
        section.text = "the text of " + pattern;
        Xapian::Document doc;
        doc.set_data(section_data(section));
        for (const auto& term : terms) doc.add_term(term);
        if (!vector.empty()) doc.add_value(schema::kSlotLatent, latent::encode(vector));
        return db_.add_document(doc);
    }

    std::vector<Xapian::docid> xapian_postings(const std::string& term) const {
        std::vector<Xapian::docid> out;
        for (auto p = db_.postlist_begin(term); p != db_.postlist_end(term); ++p) out.push_back(*p);
        return out;
    }

    Xapian::WritableDatabase db_{std::string(), Xapian::DB_BACKEND_INMEMORY};
};

TEST_F(ReadCacheIndex, PostingsAreTheTermsPostingListInDocidOrder) {
    add("a", {"timeout", "retry"});
    add("b", {"retry"});
    add("c", {"timeout"});
    ReadCache reads(db_);
    EXPECT_EQ(reads.postings("timeout"), (std::vector<Xapian::docid>{1, 3}));
    EXPECT_EQ(reads.postings("retry"), xapian_postings("retry"));
    EXPECT_TRUE(reads.postings("absent").empty());
}

TEST_F(ReadCacheIndex, SectionsAreTheStoredHitData) {
    const auto docid = add("circuit-breaker", {"timeout"});
    ReadCache reads(db_);
    const StoredSection& section = reads.section(docid);
    EXPECT_EQ(section.pattern_id, "circuit-breaker");
    EXPECT_EQ(section.title, "Title of circuit-breaker");
    EXPECT_EQ(section.text, "the text of circuit-breaker");
    EXPECT_EQ(&reads.section(docid), &section) << "a second read is the kept copy";
    EXPECT_THROW(reads.section(docid + 10), Xapian::DocNotFoundError);
}

TEST_F(ReadCacheIndex, LatentVectorsDecodeTheSlotAndAreEmptyWithout) {
    const auto with = add("a", {"x"}, {1.5F, -2});
    const auto without = add("b", {"x"});
    ReadCache reads(db_);
    EXPECT_EQ(reads.latent_vector(with), (LatentVector{1.5F, -2}));
    EXPECT_TRUE(reads.latent_vector(without).empty());
}

TEST_F(ReadCacheIndex, AnswersFromMemoryUntilCleared) {
    const auto first = add("a", {"timeout"});
    ReadCache reads(db_);
    EXPECT_EQ(reads.postings("timeout").size(), 1U);
    EXPECT_EQ(reads.section(first).pattern_id, "a");

    const auto second = add("b", {"timeout"});
    StoredSection replaced;
    replaced.pattern_id = "a-renamed";
    Xapian::Document doc;
    doc.set_data(section_data(replaced));
    doc.add_term("timeout");
    db_.replace_document(first, doc);
    EXPECT_EQ(reads.postings("timeout").size(), 1U) << "kept from the first read";
    EXPECT_EQ(reads.section(first).pattern_id, "a");

    reads.clear();
    EXPECT_EQ(reads.postings("timeout"), (std::vector<Xapian::docid>{first, second}));
    EXPECT_EQ(reads.section(first).pattern_id, "a-renamed");
}

TEST_F(ReadCacheIndex, StaysRightPastItsBound) {
    // More sections than the store keeps: it empties itself and every read is still the index's.
    constexpr int kSections = 5000;
    for (int i = 0; i < kSections; ++i) add("p" + std::to_string(i), {"t" + std::to_string(i % 7)});
    ReadCache reads(db_);
    for (int round = 0; round < 2; ++round) {
        for (Xapian::docid docid = 1; docid <= kSections; ++docid) {
            ASSERT_EQ(reads.section(docid).pattern_id, "p" + std::to_string(docid - 1));
        }
    }
    EXPECT_EQ(reads.postings("t3"), xapian_postings("t3"));
}

}  // namespace
}  // namespace pai
