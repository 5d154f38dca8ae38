#include "stored_document.h"

#include <gtest/gtest.h>

namespace pai {
namespace {

TEST(SectionData, TextWithNewlinesAndJsonLookalikesRoundTrips) {
    StoredSection section;
    section.pattern_id = "circuit-breaker";
    section.title = "Circuit \"Breaker\"\nwith a newline in the title";
    section.tags = {"reliability", "timeouts"};
    section.line = 12;
    section.text = "first line\n{\"pattern_id\": \"forged\"}\n\nlast line";
    const StoredSection parsed = parse_section_data(section_data(section));
    EXPECT_EQ(parsed.pattern_id, section.pattern_id);
    EXPECT_EQ(parsed.title, section.title);
    EXPECT_EQ(parsed.tags, section.tags);
    EXPECT_EQ(parsed.line, 12);
    EXPECT_EQ(parsed.text, section.text);
}

TEST(SectionData, MarkdownAndHtmlStayOutOfTheDocumentData) {
    StoredSection section;
    section.text = "plain";
    section.markdown = "## Heading\n\nbody";
    section.html = "<h2>Heading</h2>";
    const std::string data = section_data(section);
    EXPECT_EQ(data.find("Heading"), std::string::npos) << data;
    EXPECT_TRUE(parse_section_data(data).markdown.empty());
}

TEST(SectionData, DataWithoutATextPartParsesAsAHeader) {
    const StoredSection parsed = parse_section_data(R"({"pattern_id":"p","text":"inline"})");
    EXPECT_EQ(parsed.pattern_id, "p");
    EXPECT_EQ(parsed.text, "inline");
}

}  // namespace
}  // namespace pai
