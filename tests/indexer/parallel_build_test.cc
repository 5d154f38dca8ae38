/** @file
 *  @brief Parallel writers merged by compaction build the same index as a single writer: the same documents
 *  under the same docids, the same metadata, spellings and synonyms, and so the same answers.
 */
#include <gtest/gtest.h>

#include <map>

#include "corpus_checks.h"
#include "corpus_loader.h"
#include "index_writer.h"
#include "schema.h"
#include "searcher.h"
#include "test_support.h"

namespace pai {
namespace {

class ParallelBuildTest : public ::testing::Test {
protected:
    test::TempDir temp;

    std::filesystem::path build(std::size_t writers) {
        Diagnostics diagnostics;
        const Corpus corpus = load_corpus(test::fixtures_dir() / "corpus", diagnostics);
        const auto patterns = check_corpus(corpus, diagnostics);
        const auto dir = temp.path() / ("writers-" + std::to_string(writers));
        build_index(patterns, corpus.pillars, {{"bill", "spend", "cost"}},
                    {.index_dir = dir, .writers = writers, .extra_metadata = {{"extra", "kept once"}}});
        return generation_path(dir, *current_generation(dir));
    }

    static std::map<std::string, Xapian::doccount> spellings(const Xapian::Database& db) {
        std::map<std::string, Xapian::doccount> out;
        for (auto word = db.spellings_begin(); word != db.spellings_end(); ++word) out[*word] = word.get_termfreq();
        return out;
    }

    static std::map<std::string, std::string> metadata(const Xapian::Database& db) {
        std::map<std::string, std::string> out;
        for (auto key = db.metadata_keys_begin(); key != db.metadata_keys_end(); ++key) {
            if (*key != meta_key::kBuiltAt) out[*key] = db.get_metadata(*key);
        }
        return out;
    }
};

TEST_F(ParallelBuildTest, MergedPartsMatchASingleWriterDocumentForDocument) {
    const Xapian::Database one(build(1).string());
    const Xapian::Database three(build(3).string());
    ASSERT_EQ(three.get_doccount(), one.get_doccount());
    for (Xapian::docid id = 1; id <= one.get_lastdocid(); ++id) {
        EXPECT_EQ(three.get_document(id).get_data(), one.get_document(id).get_data()) << "docid " << id;
        EXPECT_EQ(three.get_document(id).get_value(schema::kSlotLatent),
                  one.get_document(id).get_value(schema::kSlotLatent))
            << "docid " << id;
    }
    EXPECT_EQ(metadata(three), metadata(one));
    EXPECT_EQ(three.get_metadata("extra"), "kept once");
    EXPECT_EQ(spellings(three), spellings(one));
    EXPECT_EQ(three.get_spelling_suggestion("provder"), one.get_spelling_suggestion("provder"));
    EXPECT_EQ(std::distance(three.synonym_keys_begin(), three.synonym_keys_end()),
              std::distance(one.synonym_keys_begin(), one.synonym_keys_end()));
}

TEST_F(ParallelBuildTest, MergedPartsAnswerLikeASingleWriter) {
    Searcher one(build(1).parent_path());
    Searcher two(build(2).parent_path());
    for (const std::string query : {"provider timeouts", "bill", "retry", ""}) {
        SearchRequest request;
        request.query = query;
        const auto expected = one.search(request);
        const auto actual = two.search(request);
        ASSERT_EQ(actual.hits.size(), expected.hits.size()) << query;
        EXPECT_EQ(actual.total, expected.total) << query;
        for (std::size_t i = 0; i < expected.hits.size(); ++i) {
            EXPECT_EQ(actual.hits[i].id, expected.hits[i].id) << query;
            EXPECT_DOUBLE_EQ(actual.hits[i].score, expected.hits[i].score) << query;
        }
    }
}

}  // namespace
}  // namespace pai
