#include "guides.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "corpus_loader.h"
#include "stored_document.h"
#include "test_support.h"

namespace pai {
namespace {

using test::write_file;

/// Guides are read from a copy of the fixture corpus, so every test can break one thing in it.
class Guides : public ::testing::Test {
protected:
    test::TempDir temp;
    std::filesystem::path root = test::copy_fixture_corpus(temp.path());

    GuideContent load(Diagnostics& diagnostics) {
        const Corpus corpus = load_corpus(root, diagnostics);
        return load_guide_content(root, check_corpus(corpus, diagnostics), diagnostics);
    }

    /// Every problem as "relative/path:line: error|warning: message".
    std::vector<std::string> problems() {
        Diagnostics diagnostics;
        load(diagnostics);
        return test::diagnostic_lines(diagnostics, root);
    }
};

TEST_F(Guides, FixtureGuidesLoadInOrderWithTheirSections) {
    Diagnostics diagnostics;
    const auto content = load(diagnostics);
    EXPECT_EQ(diagnostics.all().size(), 0u);
    ASSERT_EQ(content.guides.size(), 2u);
    const Guide& first = content.guides[0];
    EXPECT_EQ(first.id, "getting-started");
    EXPECT_EQ(first.title, "Getting started");
    EXPECT_EQ(first.description, "How to find a pattern.");
    EXPECT_EQ(content.guides[1].id, "glossary");
    ASSERT_EQ(first.sections.size(), 2u);
    EXPECT_EQ(first.sections[0].id, "introduction");
    EXPECT_EQ(first.sections[1].id, "search");
    EXPECT_EQ(first.sections[1].title, "Search");
    EXPECT_EQ(first.sections[1].line, 9);
    EXPECT_NE(first.sections[1].html.find("<a href=\"../patterns/reliability/circuit-breaker.md\">"),
              std::string::npos);
    EXPECT_TRUE(first.path.ends_with("guides/getting-started.md"));
}

TEST_F(Guides, OrderFrontMatterDecidesTheListOrder) {
    write_file(root / "guides/glossary.md", "---\ntitle: Glossary\ndescription: Terms.\norder: 0\n---\nText.\n");
    Diagnostics diagnostics;
    const auto content = load(diagnostics);
    ASSERT_EQ(content.guides.size(), 2u);
    EXPECT_EQ(content.guides[0].id, "glossary");
}

TEST_F(Guides, MissingDescriptionIsAnErrorInTheFrontMatter) {
    write_file(root / "guides/extra.md", "---\ntitle: Extra\n---\nText.\n");
    EXPECT_EQ(problems(), std::vector<std::string>{"guides/extra.md:2: error: missing required 'description'"});
}

TEST_F(Guides, GuideWithoutFrontMatterIsAnError) {
    write_file(root / "guides/extra.md", "# Extra\n");
    EXPECT_EQ(problems(), std::vector<std::string>{
                              "guides/extra.md:1: error: a guide starts with front matter ('---') giving its title "
                              "and description"});
}

TEST_F(Guides, LinkToAMissingPatternIsAnErrorAtItsLine) {
    write_file(root / "guides/glossary.md",
               "---\ntitle: Glossary\ndescription: Terms.\n---\n\nSee [x](../patterns/reliability/no-such.md).\n");
    EXPECT_EQ(problems(),
              std::vector<std::string>{"guides/glossary.md:6: error: link to "
                                       "'../patterns/reliability/no-such.md' names no pattern in the corpus"});
}

TEST_F(Guides, LinkToAMissingGuideIsAnError) {
    write_file(root / "guides/glossary.md", "---\ntitle: Glossary\ndescription: Terms.\n---\n[a](nowhere.md)\n");
    EXPECT_EQ(problems(), std::vector<std::string>{
                              "guides/glossary.md:5: error: link to 'nowhere.md' names neither a pattern nor a guide"});
}

TEST_F(Guides, LinksShownAsCodeAreNotChecked) {
    write_file(root / "guides/glossary.md",
               "---\ntitle: Glossary\ndescription: Terms.\n---\nWrite "
               "`[T](../<pillar>/<id>.md)`.\n\n```md\n[a](b.md)\n```\n");
    EXPECT_TRUE(problems().empty()) << ::testing::PrintToString(problems());
}

TEST_F(Guides, RepeatedHeadingAnchorIsAnError) {
    write_file(root / "guides/glossary.md", "---\ntitle: Glossary\ndescription: Terms.\n---\n## Terms\n\n## terms!\n");
    EXPECT_EQ(problems(), std::vector<std::string>{
                              "guides/glossary.md:7: error: heading 'terms!' repeats an earlier one's anchor"});
}

TEST_F(Guides, PatternIdsAsCodeLinkToTheirPatternsWithTitles) {
    write_file(root / "guides/glossary.md", "---\ntitle: Glossary\ndescription: Terms.\n---\n"
               "Pair `circuit-breaker` with `no-such-pattern`; `validated-in-production` is a status.\n");
    Diagnostics diagnostics;
    const auto content = load(diagnostics);
    const auto glossary = std::find_if(content.guides.begin(), content.guides.end(),
                                       [](const Guide& g) { return g.id == "glossary"; });
    ASSERT_NE(glossary, content.guides.end());
    const auto& html = glossary->sections[0].html;
    EXPECT_NE(html.find("<a class=\"pattern-link\" href=\"../patterns/reliability/circuit-breaker.md\" "
                        "title=\"circuit-breaker\">Circuit Breaker</a>"),
              std::string::npos)
        << html;
    EXPECT_NE(html.find("<code>no-such-pattern</code>"), std::string::npos);  // not a pattern: stays code
    EXPECT_NE(html.find("<code>validated-in-production</code>"), std::string::npos);
}

TEST_F(Guides, MetadataHoldsTheGuidesAndTheDecisionGuide) {
    Diagnostics diagnostics;
    const auto metadata = load(diagnostics).metadata();
    ASSERT_TRUE(metadata.contains(std::string(meta_key::kGuides)));
    ASSERT_TRUE(metadata.contains(std::string(meta_key::kDecisionGuide)));
    const auto guides = nlohmann::json::parse(metadata.at(std::string(meta_key::kGuides)));
    EXPECT_EQ(guides.size(), 2u);
    EXPECT_EQ(nlohmann::json::parse(metadata.at(std::string(meta_key::kDecisionGuide)))["questions"].size(), 4u);
}

TEST_F(Guides, CorpusWithoutGuidesHasAnEmptyListAndNoDecisionGuide) {
    std::filesystem::remove_all(root / "guides");
    std::filesystem::remove(root / "decision-guide.yaml");
    Diagnostics diagnostics;
    const auto metadata = load(diagnostics).metadata();
    EXPECT_EQ(metadata.at(std::string(meta_key::kGuides)), "[]");
    EXPECT_FALSE(metadata.contains(std::string(meta_key::kDecisionGuide)));
}

}  // namespace
}  // namespace pai
