/** @file
 *  @brief Fuzzes the corpus parser: front matter splitting and YAML reading, Markdown to sections with
 *  cmark, and the corpus checks over whatever pattern comes out.
 */
#include "corpus_checks.h"
#include "corpus_loader.h"
#include "fuzz_support.h"
#include "markdown_sections.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text = pai::fuzz::as_text(data, size);
    pai::Diagnostics diagnostics;
    pai::PatternSource pattern;
    if (pai::load_pattern_file("corpus/patterns/reliability/fuzzed.md", text, pattern, diagnostics)) {
        pai::Corpus corpus;
        corpus.pillars = pai::default_pillars();
        corpus.patterns.push_back(std::move(pattern));
        (void)pai::check_corpus(corpus, diagnostics);
    }
    // Whatever the front matter says, cmark sees the bytes too.
    (void)pai::split_sections(text, 1);
    return 0;
}
