#include "markdown_sections.h"

#include <gtest/gtest.h>

#include "schema.h"

namespace pai {
namespace {

TEST(SplitSections, SplitsAtSecondLevelHeadingsWithSourceLines) {
    const auto sections = split_sections("## What It Is\n\nA thing.\n\n## Trade-offs\n\nCosts.\n", 10);
    ASSERT_EQ(sections.size(), 2u);
    EXPECT_EQ(sections[0].heading, "What It Is");
    EXPECT_EQ(sections[0].line, 10);
    EXPECT_EQ(sections[0].line_end, 13);
    EXPECT_EQ(sections[1].heading, "Trade-offs");
    EXPECT_EQ(sections[1].line, 14);
    EXPECT_EQ(sections[1].line_end, 16);
    EXPECT_EQ(sections[1].markdown, "## Trade-offs\n\nCosts.\n");
}

TEST(SplitSections, CodeBlocksAreKeptApartFromProse) {
    const auto sections = split_sections("## Implementation Example\n\nRun it:\n\n```python\nprint('x')\n```\n", 1);
    ASSERT_EQ(sections.size(), 1u);
    EXPECT_NE(sections[0].prose.find("Run it:"), std::string::npos);
    EXPECT_EQ(sections[0].prose.find("print"), std::string::npos);
    EXPECT_NE(sections[0].code.find("print('x')"), std::string::npos);
}

TEST(SplitSections, HeadingInsideACodeFenceDoesNotSplit) {
    const auto sections = split_sections("## How It Works\n\n```text\n## not a heading\n```\n", 1);
    ASSERT_EQ(sections.size(), 1u);
}

TEST(SplitSections, ThirdLevelHeadingsStayInTheirSection) {
    const auto sections = split_sections("## Trade-offs\n\n### Latency\n\nSlower.\n", 1);
    ASSERT_EQ(sections.size(), 1u);
    EXPECT_NE(sections[0].prose.find("Latency"), std::string::npos);
}

TEST(SplitSections, TextBeforeTheFirstHeadingIsAnIntroductionButAnH1AloneIsNot) {
    EXPECT_EQ(split_sections("# Title\n\n## What It Is\n\nx\n", 1).size(), 1u);
    const auto sections = split_sections("Intro text.\n\n## What It Is\n\nx\n", 1);
    ASSERT_EQ(sections.size(), 2u);
    EXPECT_TRUE(sections[0].heading.empty());
    EXPECT_EQ(sections[0].line_end, 2);
}

TEST(SplitSections, RawHtmlIsNotTextAndIsRemovedFromHtml) {
    const auto sections = split_sections("## What It Is\n\n<script>alert(1)</script>\n\nSafe `<b>` text.\n", 1);
    ASSERT_EQ(sections.size(), 1u);
    EXPECT_EQ(sections[0].prose.find("alert"), std::string::npos);
    EXPECT_NE(sections[0].prose.find("<b>"), std::string::npos);
    EXPECT_EQ(sections[0].html.find("<script>"), std::string::npos);
    EXPECT_NE(sections[0].html.find("&lt;b&gt;"), std::string::npos);
}

TEST(RenderSafeHtml, DropsJavascriptLinks) {
    const std::string html = render_safe_html("[x](javascript:alert(1)) ![i](x.png \"t\")");
    EXPECT_EQ(html.find("javascript:"), std::string::npos);
}

TEST(RenderSafeHtml, RendersGitHubTablesAutolinksAndStrikethrough) {
    const std::string html = render_safe_html(
        "| Tool | Kind |\n| --- | --- |\n| `vllm` | server |\n\nSee https://example.org/x and ~~old~~ advice.\n");
    EXPECT_NE(html.find("<table>"), std::string::npos);
    EXPECT_NE(html.find("<th>Tool</th>"), std::string::npos);
    EXPECT_NE(html.find("<td><code>vllm</code></td>"), std::string::npos);
    EXPECT_NE(html.find("<a href=\"https://example.org/x\">https://example.org/x</a>"), std::string::npos);
    EXPECT_NE(html.find("<del>old</del>"), std::string::npos);
}

TEST(RenderSafeHtml, ExtensionsKeepSafeMode) {
    const std::string html = render_safe_html(
        "| a | b |\n| --- | --- |\n| <script>x()</script> | [c](javascript:alert(1)) |\n\n"
        "<img src=x onerror=alert(1)> www.example.org/<script>\n");
    EXPECT_NE(html.find("<table>"), std::string::npos);
    EXPECT_EQ(html.find("<script"), std::string::npos);
    EXPECT_EQ(html.find("javascript:"), std::string::npos);
    EXPECT_EQ(html.find("onerror"), std::string::npos);
}

TEST(SectionIds, HeadingVariantsMapToCanonicalIds) {
    EXPECT_EQ(schema::section_id_for_heading("When not to use it"), "when-not-to-use");
    EXPECT_EQ(schema::section_id_for_heading("WHEN NOT TO USE IT"), "when-not-to-use");
    EXPECT_EQ(schema::section_id_for_heading("Trade-offs"), "trade-offs");
    EXPECT_EQ(schema::section_id_for_heading("Implementation example"), "implementation");
    EXPECT_EQ(schema::section_id_for_heading("Failure Modes"), "failure-modes");
}

}  // namespace
}  // namespace pai
