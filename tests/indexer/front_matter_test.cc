#include "front_matter.h"

#include <gtest/gtest.h>

namespace pai {
namespace {

TEST(SplitFrontMatter, SeparatesYamlAndBodyWithLineNumbers) {
    const auto doc = split_front_matter("---\ntitle: A\n---\n\n## What It Is\n");
    ASSERT_TRUE(doc.has_front_matter);
    EXPECT_EQ(doc.yaml, "title: A\n");
    EXPECT_EQ(doc.yaml_first_line, 2);
    EXPECT_EQ(doc.body, "\n## What It Is\n");
    EXPECT_EQ(doc.body_first_line, 4);
}

TEST(SplitFrontMatter, StripsByteOrderMarkAndCarriageReturns) {
    const auto doc = split_front_matter("\xEF\xBB\xBF---\r\ntitle: A\r\n---\r\nbody\r\n");
    ASSERT_TRUE(doc.has_front_matter);
    EXPECT_EQ(doc.yaml, "title: A\n");
    EXPECT_EQ(doc.body, "body\n");
    EXPECT_EQ(doc.body_first_line, 4);
}

TEST(SplitFrontMatter, ReportsUnclosedFrontMatter) {
    const auto doc = split_front_matter("---\ntitle: A\n\n## What It Is\n");
    EXPECT_TRUE(doc.has_front_matter);
    EXPECT_TRUE(doc.unclosed);
}

TEST(SplitFrontMatter, FileWithoutFrontMatterIsAllBody) {
    const auto doc = split_front_matter("# Title\n");
    EXPECT_FALSE(doc.has_front_matter);
    EXPECT_EQ(doc.body, "# Title\n");
}

TEST(ParseFrontMatter, KeepsTheSourceLineOfEveryValue) {
    const auto doc = split_front_matter(
        "---\ntitle: Breaker\npillar: reliability\nrelated:\n  - one\n  - two\nevidence:\n  - title: T\n    url: "
        "https://example.org\n---\n");
    Diagnostics diagnostics;
    const auto fm = parse_front_matter(doc, "x.md", diagnostics);
    ASSERT_TRUE(fm);
    EXPECT_TRUE(diagnostics.all().empty());
    EXPECT_EQ(fm->title->line, 2);
    EXPECT_EQ(fm->pillar->line, 3);
    ASSERT_EQ(fm->related.size(), 2u);
    EXPECT_EQ(fm->related[1].value, "two");
    EXPECT_EQ(fm->related[1].line, 6);
    ASSERT_EQ(fm->evidence.size(), 1u);
    EXPECT_EQ(fm->evidence[0].url, "https://example.org");
    EXPECT_EQ(fm->evidence[0].line, 8);
}

TEST(ParseFrontMatter, SymptomsAreAListWithTheirLines) {
    const auto doc = split_front_matter("---\ntitle: A\nsymptoms:\n  - \"bill doubled\"\n  - \"429s at peak\"\n---\n");
    Diagnostics diagnostics;
    const auto fm = parse_front_matter(doc, "x.md", diagnostics);
    ASSERT_TRUE(fm);
    EXPECT_TRUE(fm->unknown_keys.empty());
    EXPECT_EQ(fm->symptoms_line, 3);
    ASSERT_EQ(fm->symptoms.size(), 2u);
    EXPECT_EQ(fm->symptoms[1].value, "429s at peak");
    EXPECT_EQ(fm->symptoms[1].line, 5);
}

TEST(ParseFrontMatter, InvalidYamlIsReportedAtItsLine) {
    const auto doc = split_front_matter("---\ntitle: A\ntags: [unclosed\n---\n");
    Diagnostics diagnostics;
    EXPECT_FALSE(parse_front_matter(doc, "bad.md", diagnostics));
    ASSERT_EQ(diagnostics.all().size(), 1u);
    EXPECT_GE(diagnostics.all()[0].line, 3);
    EXPECT_NE(diagnostics.all()[0].message.find("invalid YAML"), std::string::npos);
}

TEST(ParseFrontMatter, UnknownKeysAreCollectedNotRejected) {
    const auto doc = split_front_matter("---\ntitle: A\nsidebar:\n  order: 1\n---\n");
    Diagnostics diagnostics;
    const auto fm = parse_front_matter(doc, "x.md", diagnostics);
    ASSERT_TRUE(fm);
    ASSERT_EQ(fm->unknown_keys.size(), 1u);
    EXPECT_EQ(fm->unknown_keys[0].value, "sidebar");
    EXPECT_EQ(fm->unknown_keys[0].line, 3);
}

TEST(ParseFrontMatter, ScalarWhereAListIsExpectedIsAcceptedAsOneItem) {
    const auto doc = split_front_matter("---\ntags: single\n---\n");
    Diagnostics diagnostics;
    const auto fm = parse_front_matter(doc, "x.md", diagnostics);
    ASSERT_TRUE(fm);
    ASSERT_EQ(fm->tags.size(), 1u);
    EXPECT_EQ(fm->tags[0].value, "single");
}

TEST(ParseFrontMatter, MappingWhereAValueIsExpectedIsAnError) {
    const auto doc = split_front_matter("---\ntitle:\n  nested: yes\n---\n");
    Diagnostics diagnostics;
    parse_front_matter(doc, "x.md", diagnostics);
    ASSERT_EQ(diagnostics.error_count(), 1u);
    EXPECT_EQ(diagnostics.all()[0].line, 3);
}

}  // namespace
}  // namespace pai
