#include "etag.h"

#include <gtest/gtest.h>

namespace pai {
namespace {

TEST(ETag, GenerationETagsAreWeakAndNameTheTagAndInstance) {
    EXPECT_EQ(generation_etag("12.3", "abc"), "W/\"g12.3-abc\"");
    EXPECT_EQ(generation_etag("", "abc"), "");
    EXPECT_NE(make_instance_id(), "");
}

TEST(ETag, ContentETagsNameTheChecksum) {
    EXPECT_EQ(content_etag(0xdeadbeef), "W/\"cdeadbeef\"");
    EXPECT_EQ(content_etag(1), "W/\"c00000001\"");
}

TEST(ETag, IfNoneMatchComparesWeaklyAndReadsLists) {
    const std::string etag = "W/\"g1-x\"";
    for (const char* yes : {"W/\"g1-x\"", "\"g1-x\"", "*", " * ", "\"a\", W/\"g1-x\"", "W/\"a\",\"g1-x\" ",
                            "\"a\" ,  W/\"b\" , \"g1-x\""}) {
        EXPECT_TRUE(if_none_match(yes, etag)) << yes;
    }
    for (const char* no :
         {"", "W/\"g2-x\"", "\"g1-x", "g1-x", "W/\"g1-xy\"", "\"a\", \"b\"", "W/ \"g1-x\"", "\"a\" garbage \"g1-x\""}) {
        EXPECT_FALSE(if_none_match(no, etag)) << no;
    }
    EXPECT_FALSE(if_none_match("*", ""));  // no ETag: nothing to match, not even *
}

}  // namespace
}  // namespace pai
