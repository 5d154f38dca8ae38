#include "index_probe.h"

#include <gtest/gtest.h>

#include <fstream>

#include "fixture_index.h"
#include "search_error.h"
#include "searcher.h"
#include "test_support.h"

namespace pai {
namespace {

enum class Damage { kTruncateToHalf, kTruncateToZero, kOverwriteWithGarbage, kRemove };

void damage(const std::filesystem::path& file, Damage how) {
    const auto size = std::filesystem::file_size(file);
    switch (how) {
        case Damage::kTruncateToHalf:
            std::filesystem::resize_file(file, size / 2);
            break;
        case Damage::kTruncateToZero:
            std::filesystem::resize_file(file, 0);
            break;
        case Damage::kRemove:
            std::filesystem::remove(file);
            break;
        case Damage::kOverwriteWithGarbage: {
            std::fstream out(file, std::ios::in | std::ios::out | std::ios::binary);
            out.seekp(static_cast<std::streamoff>(size / 2));
            for (std::uintmax_t i = size / 2; i < size; ++i) out.put(static_cast<char>((i * 7919) % 251));
            break;
        }
    }
}

/// A Searcher on generation 1 of the fixture index, and damaged copies of it published as new generations.
class IndexProbe : public ::testing::Test {
protected:
    test::TempDir temp;
    std::filesystem::path index = temp.path() / "index";
    Generation next = 2;

    void SetUp() override { test::index_corpus(test::fixtures_dir() / "corpus", index); }

    /// Copies generation 1, damages one of its files, and publishes it.
    void publish_damaged(const std::string& file, Damage how) {
        const auto copy = generation_path(index, next);
        std::filesystem::copy(generation_path(index, 1), copy);
        damage(copy / file, how);
        publish_generation(index, next++);
    }

    static std::size_t hits_for(Searcher& searcher, const std::string& query) {
        SearchRequest request;
        request.query = query;
        return searcher.search(request).hits.size();
    }
};

TEST_F(IndexProbe, DamagedGenerationIsRefusedAndTheOpenOneKeepsServing) {
    Searcher searcher(index);
    for (const char* table : {"docdata.glass", "postlist.glass", "termlist.glass", "position.glass"}) {
        for (Damage how : {Damage::kTruncateToHalf, Damage::kTruncateToZero, Damage::kOverwriteWithGarbage}) {
            SCOPED_TRACE(std::string(table) + " damage " + std::to_string(static_cast<int>(how)));
            publish_damaged(table, how);
            try {
                searcher.reopen_if_stale();
                ADD_FAILURE() << "the damaged generation was accepted";
            } catch (const SearchError& e) {
                EXPECT_EQ(e.kind(), ErrorKind::kIndexUnavailable);
            }
            EXPECT_EQ(searcher.generation(), 1u);
            EXPECT_GT(hits_for(searcher, "retry backoff"), 0u);
            EXPECT_FALSE(searcher.reopen_if_stale());  // refused once, not retried on every request
        }
    }
}

TEST_F(IndexProbe, NoSearcherStartsOnADamagedGeneration) {
    publish_damaged("postlist.glass", Damage::kTruncateToHalf);
    try {
        Searcher searcher(index);
        ADD_FAILURE() << "opened a damaged generation";
    } catch (const SearchError& e) {
        EXPECT_EQ(e.kind(), ErrorKind::kIndexUnavailable);
        EXPECT_NE(std::string(e.what()).find("gen-000002"), std::string::npos) << e.what();
    }
}

TEST_F(IndexProbe, MissingTableIsRefused) {
    publish_damaged("iamglass", Damage::kRemove);
    EXPECT_THROW(open_verified(generation_path(index, 2)), SearchError);
}

TEST_F(IndexProbe, GoodGenerationAfterADamagedOneIsTakenUp) {
    Searcher searcher(index);
    publish_damaged("docdata.glass", Damage::kTruncateToHalf);
    EXPECT_THROW(searcher.reopen_if_stale(), SearchError);
    test::index_corpus(test::fixtures_dir() / "corpus", index);
    EXPECT_TRUE(searcher.reopen_if_stale());
    EXPECT_EQ(searcher.generation(), 3u);
    EXPECT_GT(hits_for(searcher, "retry backoff"), 0u);
}

}  // namespace
}  // namespace pai
