/** @file
 *  @brief Splits a Markdown body into H2 sections with cmark, keeping each section's source lines, its
 *  plain text (prose and code apart) and its safe HTML.
 */
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace pai {

struct MarkdownSection {
    std::string heading;   ///< the H2 text; empty for the introduction before the first H2
    int line = 0;          ///< 1-based source line of the heading (or of the first intro line)
    int line_end = 0;      ///< last source line of the section
    std::string markdown;  ///< source Markdown of the section, heading included
    std::string prose;     ///< plain text outside code blocks
    std::string code;      ///< text of fenced and indented code blocks
    std::string html;      ///< rendered by cmark with CMARK_OPT_SAFE (raw HTML and unsafe links removed)
};

/// Splits @p body, whose first line is source line @p first_line, at its H2 headings. Text before the first
/// H2 becomes a section with an empty heading when it holds anything but an H1 title.
std::vector<MarkdownSection> split_sections(std::string_view body, int first_line);

/// The plain text of a Markdown fragment, prose and code apart, as split_sections gives it for a section.
struct MarkdownText {
    std::string prose;
    std::string code;
};
MarkdownText markdown_text(std::string_view markdown);

/// One paragraph's text (code spans left out), with the source line it starts on.
struct MarkdownParagraph {
    int line = 0;
    std::string text;
};

/// Every paragraph of @p markdown, whose first line is source line @p first_line, list items' included.
std::vector<MarkdownParagraph> paragraphs(std::string_view markdown, int first_line);

/// Renders Markdown to HTML with cmark-gfm in safe mode, with the table, autolink and strikethrough extensions.
std::string render_safe_html(std::string_view markdown);

}  // namespace pai
