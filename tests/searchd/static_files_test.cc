#include "static_files.h"

#include <gtest/gtest.h>

#include "test_support.h"

namespace pai {
namespace {

class StaticFiles : public ::testing::Test {
protected:
    test::TempDir temp;
    std::filesystem::path web = temp.path() / "web";
    void SetUp() override {
        test::write_file(web / "index.html", "<p>home</p>");
        test::write_file(web / "app.js", "export {};");
        test::write_file(temp.path() / "secret.txt", "secret");
        std::filesystem::create_symlink(temp.path() / "secret.txt", web / "link.txt");
    }
};

TEST_F(StaticFiles, ServesIndexForTheRootWithItsContentType) {
    const auto file = read_static_file(web, "/");
    ASSERT_TRUE(file);
    EXPECT_EQ(file->body, "<p>home</p>");
    EXPECT_EQ(file->content_type, "text/html; charset=utf-8");
    EXPECT_EQ(read_static_file(web, "/app.js")->content_type, "text/javascript; charset=utf-8");
}

TEST_F(StaticFiles, RefusesPathsThatLeaveTheRoot) {
    EXPECT_FALSE(read_static_file(web, "/../secret.txt"));
    EXPECT_FALSE(read_static_file(web, "/./../secret.txt"));
    EXPECT_FALSE(read_static_file(web, "/link.txt"));  // a symlink pointing outside
    EXPECT_FALSE(read_static_file(web, "/missing.html"));
    EXPECT_FALSE(read_static_file(web, "relative"));
}

}  // namespace
}  // namespace pai
