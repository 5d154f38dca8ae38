/** @file
 *  @brief A suite fixture for calling the router directly (no sockets): the fixture corpus indexed once, a
 *  one-page web/ folder, and a one-worker SearcherPool.
 */
#pragma once

#include <gtest/gtest.h>

#include "fixture_index.h"
#include "router.h"
#include "test_support.h"

namespace pai::test {

class RouterFixture : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        temp_ = new TempDir();
        index_corpus(fixtures_dir() / "corpus", temp_->path() / "index");
        write_file(temp_->path() / "web/index.html", "<!doctype html><title>t</title>");
        pool_ = new SearcherPool(temp_->path() / "index", 1);
    }
    static void TearDownTestSuite() {
        delete pool_;
        delete temp_;
    }
    static std::filesystem::path web_dir() { return temp_->path() / "web"; }

    static inline TempDir* temp_ = nullptr;
    static inline SearcherPool* pool_ = nullptr;
};

}  // namespace pai::test
