#include <gtest/gtest.h>

#include "fixture_index.h"
#include "index_generation.h"
#include "searcher.h"
#include "test_support.h"

namespace pai {
namespace {

/// The tag a response cache keys on: every index's generation, or nothing when a change could not be seen.
class GenerationTagTest : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        temp_ = new test::TempDir();
        test::index_corpus(test::fixtures_dir() / "corpus", temp_->path() / "a");
        test::index_corpus(test::fixtures_dir() / "corpus", temp_->path() / "b");
        test::index_corpus(test::fixtures_dir() / "corpus", temp_->path() / "b");
    }
    static void TearDownTestSuite() { delete temp_; }
    static std::string dir(const char* name) { return (temp_->path() / name).string(); }

    static inline test::TempDir* temp_ = nullptr;
};

TEST_F(GenerationTagTest, NamesTheOneGenerationOpened) {
    EXPECT_EQ(Searcher(temp_->path() / "a").generation_tag(), "1");
    EXPECT_EQ(Searcher(temp_->path() / "b").generation_tag(), "2");
}

TEST_F(GenerationTagTest, NamesEveryIndexInOrder) {
    EXPECT_EQ(Searcher(std::vector<std::string>{dir("a"), dir("b")}).generation_tag(), "1.2");
    EXPECT_EQ(Searcher(std::vector<std::string>{dir("b"), dir("a")}).generation_tag(), "2.1");
}

TEST_F(GenerationTagTest, IsEmptyWhenAnIndexHasNoGenerationStub) {
    const auto plain = generation_path(temp_->path() / "a", 1).string();  // a database without a stub
    EXPECT_EQ(Searcher(std::filesystem::path(plain)).generation_tag(), "");
    EXPECT_EQ(Searcher(std::vector<std::string>{dir("a"), plain}).generation_tag(), "");
}

TEST_F(GenerationTagTest, FollowsANewlyPublishedGeneration) {
    test::TempDir index;
    test::index_corpus(test::fixtures_dir() / "corpus", index.path());
    Searcher searcher(index.path());
    EXPECT_EQ(searcher.generation_tag(), "1");
    test::index_corpus(test::fixtures_dir() / "corpus", index.path());
    EXPECT_TRUE(searcher.reopen_if_stale());
    EXPECT_EQ(searcher.generation_tag(), "2");
}

}  // namespace
}  // namespace pai
