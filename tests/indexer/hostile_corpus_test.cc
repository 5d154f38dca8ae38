#include <gtest/gtest.h>

#include "schema.h"
#include "search_error.h"
#include "searcher.h"
#include "test_support.h"

namespace pai {
namespace {

/// Each hostile file is added to a copy of the fixture corpus and run through the real pattern-indexer,
/// so a crash or a hang fails the test instead of the test binary.
class HostileCorpus : public ::testing::Test {
protected:
    test::TempDir temp;
    std::filesystem::path corpus = test::copy_fixture_corpus(temp.path());
    std::filesystem::path index = temp.path() / "index";
    std::filesystem::path file = corpus / "patterns/reliability/hostile.md";

    /// A valid pattern with @p front extra front matter lines and @p body appended to its first section.
    static std::string pattern(const std::string& front, const std::string& body) {
        std::string text =
            "---\ntitle: Hostile\ndescription: A file written to break the indexer.\n"
            "pillar: reliability\nstatus: proposed\ntags: [retries]\nlast_reviewed: 2026-01-01\n";
        text += front + "---\n";
        for (const auto& section : schema::kSections) {
            text.append("\n## ").append(section.heading).append("\n\n");
            text += section.id == schema::kSections[0].id ? body + "\n" : std::string("Text.\n");
        }
        return text;
    }

    test::CommandResult index_with(const std::string& content) {
        test::write_file(file, content);
        return test::run_command("timeout 120 " + (test::bin_dir() / "pattern-indexer").string() + " --corpus " +
                                 corpus.string() + " --index " + index.string());
    }

    /// The run ended with an error naming the hostile file at @p line.
    static void expect_error_at(const test::CommandResult& result, int line) {
        EXPECT_EQ(result.exit_code, 1) << result.output;
        EXPECT_NE(result.output.find("hostile.md:" + std::to_string(line) + ": error"), std::string::npos)
            << result.output.substr(0, 2000);
    }

    /// The run ended with an error naming the hostile file (where YAML puts the blame is its business).
    static void expect_error(const test::CommandResult& result) {
        EXPECT_EQ(result.exit_code, 1) << result.output.substr(0, 2000);
        EXPECT_NE(result.output.find("hostile.md:"), std::string::npos) << result.output.substr(0, 2000);
    }

    /// The run indexed everything, and the hostile pattern can be searched for.
    void expect_indexed(const test::CommandResult& result, const std::string& query) {
        ASSERT_EQ(result.exit_code, 0) << result.output.substr(0, 2000);
        Searcher searcher(index);
        SearchRequest request;
        request.query = query;
        const auto found = searcher.search(request);
        ASSERT_FALSE(found.hits.empty()) << query;
        EXPECT_EQ(found.hits[0].id, "hostile");
    }
};

TEST_F(HostileCorpus, DeeplyNestedYamlIsAnErrorAtItsLine) {
    expect_error_at(index_with(pattern("evidence: " + std::string(100000, '[') + std::string(100000, ']') + "\n", "x")),
                    8);
    std::string nested = "related:\n";
    for (int depth = 1; depth <= 5000; ++depth) nested += std::string(static_cast<std::size_t>(depth), ' ') + "k:\n";
    expect_error(index_with(pattern(nested, "x")));
}

TEST_F(HostileCorpus, DeeplyNestedMarkdownIsIndexedSafely) {
    std::string body = "Quarantined nestingword here.\n\n";
    for (int i = 0; i < 20000; ++i) body += "> ";
    body += "deep\n\n";
    for (int i = 0; i < 5000; ++i) body += std::string(static_cast<std::size_t>(i % 60) * 2, ' ') + "- item\n";
    body += std::string(50000, '*') + "emphasis" + std::string(50000, '*') + "\n\n";
    body += std::string(20000, '[') + "link" + std::string(20000, ']') + "\n";
    expect_indexed(index_with(pattern("", body)), "nestingword");
}

TEST_F(HostileCorpus, YamlAliasBombIsRejectedWithoutExpandingIt) {
    std::string bomb = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n";
    char previous = 'a';
    for (char name = 'b'; name <= 'j'; ++name) {
        bomb += std::string(1, name) + ": &" + name + " [";
        for (int i = 0; i < 9; ++i) bomb += std::string(i ? ", *" : "*") + previous;
        bomb += "]\n";
        previous = name;
    }
    bomb += "related: *j\n";
    expect_error(index_with(pattern(bomb, "x")));
}

TEST_F(HostileCorpus, TenMegabyteLineIsAnErrorAtLineOne) {
    expect_error_at(index_with(pattern("", std::string(10 * 1024 * 1024, 'a'))), 1);
}

TEST_F(HostileCorpus, LongLineUnderTheFileLimitIsIndexedSafely) {
    std::string line = "Searchable longlineword. ";
    while (line.size() < 3 * 1024 * 1024) line += "lorem ipsum dolor sit amet ";
    expect_indexed(index_with(pattern("", line)), "longlineword");
}

TEST_F(HostileCorpus, InvalidUtf8IsAnErrorAtItsLine) {
    expect_error_at(index_with(pattern("", "Valid line.\n\nBroken \xC3\x28 byte.")), 14);
    expect_error_at(index_with(pattern("", "Overlong \xC0\xAF slash.")), 12);
    expect_error_at(index_with(pattern("", "Surrogate \xED\xA0\x80 half.")), 12);
    expect_error_at(index_with(pattern("description2: \"\xFF\"\n", "x")), 8);
}

TEST_F(HostileCorpus, NulByteIsAnErrorAtItsLine) {
    expect_error_at(index_with(pattern("", std::string("Text with a \0 byte.", 19))), 12);
    expect_error_at(index_with(pattern(std::string("bad: \0\n", 7), "x")), 8);
}

TEST_F(HostileCorpus, ThreeHundredByteWordsAreIndexedSafely) {
    const std::string word(300, 'w');
    const std::string heading = "## " + std::string(300, 'h') + "\n\nUnder a long heading.\n\n";
    const auto result = index_with(pattern("", "Sentence with a longwordneighbour " + word + " inside.\n\n" + heading));
    expect_indexed(result, "longwordneighbour");
    Searcher searcher(index);
    SearchRequest request;
    request.query = word + " " + std::string(300, 'h');
    EXPECT_NO_THROW(searcher.search(request));
}

TEST_F(HostileCorpus, OverlongTagsAreErrorsAndOverlongRelatedEntriesWarnings) {
    const auto with_tag = [](const std::string& tag) {
        std::string text = pattern("", "x");
        text.replace(text.find("[retries]"), 9, "[" + tag + "]");
        return text;
    };
    expect_error_at(index_with(with_tag(std::string(300, 't'))), 6);
    // std::regex recurses once per character and would overflow the stack on these.
    const auto tag_result = index_with(with_tag(std::string(1024 * 1024, 't')));
    expect_error_at(tag_result, 6);
    EXPECT_LT(tag_result.output.size(), 4096u) << "a diagnostic should not quote a megabyte";
    const auto related_result = index_with(pattern("related: [" + std::string(1024 * 1024, 'r') + "]\n", "x"));
    EXPECT_EQ(related_result.exit_code, 0) << related_result.output.substr(0, 2000);
    EXPECT_NE(related_result.output.find("hostile.md:8: warning"), std::string::npos) << related_result.output;
    EXPECT_LT(related_result.output.size(), 4096u);
}

}  // namespace
}  // namespace pai
