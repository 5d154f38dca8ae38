#include "index_writer.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "fixture_index.h"
#include "latent_space.h"
#include "schema.h"
#include "searcher.h"
#include "test_support.h"

namespace pai {
namespace {

TEST(IndexWriter, PublishesANewGenerationOnEachBuild) {
    test::TempDir temp;
    const auto first = test::index_corpus(test::fixtures_dir() / "corpus", temp.path());
    EXPECT_EQ(first.generation, 1u);
    EXPECT_EQ(first.patterns, 4u);
    EXPECT_GT(first.index_bytes, 0u);
    const auto second = test::index_corpus(test::fixtures_dir() / "corpus", temp.path());
    EXPECT_EQ(second.generation, 2u);
    EXPECT_EQ(current_generation(temp.path()), 2u);
    Searcher searcher(temp.path());
    EXPECT_EQ(searcher.generation(), 2u);
    EXPECT_EQ(searcher.stats().patterns, 4u);
}

TEST(IndexWriter, KeepsOnlyTheNewestGenerations) {
    test::TempDir temp;
    for (int i = 0; i < 4; ++i) test::index_corpus(test::fixtures_dir() / "corpus", temp.path());
    EXPECT_FALSE(std::filesystem::exists(generation_path(temp.path(), 1)));
    EXPECT_FALSE(std::filesystem::exists(generation_path(temp.path(), 2)));
    EXPECT_TRUE(std::filesystem::exists(generation_path(temp.path(), 3)));
    EXPECT_TRUE(std::filesystem::exists(generation_path(temp.path(), 4)));
}

TEST(IndexWriter, FailedBuildLeavesThePreviousGenerationServing) {
    test::TempDir temp;
    test::index_corpus(test::fixtures_dir() / "corpus", temp.path());
    Searcher before(temp.path());
    SearchRequest request;
    request.query = "breaker";
    const auto expected = before.search(request).total;

    // Xapian refuses terms over 245 bytes: a synonym that long fails the build half way through.
    const SynonymGroups poisoned{{std::string(300, 'x'), "breaker"}};
    EXPECT_THROW(test::index_corpus(test::fixtures_dir() / "corpus", temp.path(), poisoned), std::runtime_error);

    EXPECT_EQ(current_generation(temp.path()), 1u);
    EXPECT_FALSE(std::filesystem::exists(generation_path(temp.path(), 2)));
    EXPECT_FALSE(std::filesystem::exists(generation_path(temp.path(), 2).string() + ".building"));
    Searcher after(temp.path());
    EXPECT_EQ(after.search(request).total, expected);
}

TEST(IndexWriter, PhraseSynonymsAreKeysButTheirWordsAreNoValues) {
    test::TempDir temp;
    const SynonymGroups groups{{"hallucination", "made up", "fabricated", "llm-as-judge"}};
    const auto summary = test::index_corpus(test::fixtures_dir() / "corpus", temp.path(), groups);
    const Xapian::Database db(generation_path(temp.path(), summary.generation).string());
    const auto values_of = [&](const std::string& key) {
        return std::vector<std::string>(db.synonyms_begin(key), db.synonyms_end(key));
    };
    EXPECT_EQ(values_of("hallucination"), (std::vector<std::string>{"fabricated"}));
    EXPECT_EQ(values_of("made up"), (std::vector<std::string>{"fabricated", "hallucination"}));
    EXPECT_EQ(values_of("llm-as-judge"), (std::vector<std::string>{"fabricated", "hallucination"}));
}

TEST(IndexWriter, StoresTheLatentSpaceWithEveryPatternsSections) {
    test::TempDir temp;
    const auto summary = test::index_corpus(test::fixtures_dir() / "corpus", temp.path());
    const Xapian::Database db(generation_path(temp.path(), summary.generation).string());
    EXPECT_FALSE(db.get_metadata(std::string(latent::kModelKey)).empty());
    const auto breaker = latent::decode(db.get_metadata(std::string(latent::kTermPrefix) + "breaker"));
    ASSERT_TRUE(breaker.has_value());
    EXPECT_FALSE(breaker->empty());
    for (Xapian::docid id = 1; id <= db.get_lastdocid(); ++id) {
        const auto vector = latent::decode(db.get_document(id).get_value(schema::kSlotLatent));
        ASSERT_TRUE(vector.has_value()) << "docid " << id;
        EXPECT_EQ(vector->size(), breaker->size()) << "docid " << id;
    }
}

TEST(IndexWriter, LeftoverFromAKilledBuildIsRemovedByTheNextOne) {
    test::TempDir temp;
    test::index_corpus(test::fixtures_dir() / "corpus", temp.path());
    const auto leftover = generation_path(temp.path(), 2).string() + ".building";
    std::filesystem::create_directories(leftover);
    const auto summary = test::index_corpus(test::fixtures_dir() / "corpus", temp.path());
    EXPECT_EQ(summary.generation, 3u);
    EXPECT_FALSE(std::filesystem::exists(leftover));
}

}  // namespace
}  // namespace pai
