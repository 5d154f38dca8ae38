/** @file
 *  @brief cmark-gfm-based section splitting, plain-text extraction and safe HTML with GitHub's extensions.
 */
#include "markdown_sections.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <array>
#include <memory>
#include <mutex>

namespace pai {
namespace {

struct NodeDeleter {
    void operator()(cmark_node* node) const { cmark_node_free(node); }
};
struct IterDeleter {
    void operator()(cmark_iter* iter) const { cmark_iter_free(iter); }
};
struct ParserDeleter {
    void operator()(cmark_parser* parser) const { cmark_parser_free(parser); }
};
struct CharDeleter {
    void operator()(char* text) const { free(text); }  // cmark allocates its output with malloc
};

/// The GitHub extensions the served HTML is rendered with: pipe tables, bare-URL autolinks, ~~strikethrough~~.
constexpr std::array<const char*, 3> kHtmlExtensions{"table", "autolink", "strikethrough"};

bool is_block(cmark_node_type type) {
    return type == CMARK_NODE_PARAGRAPH || type == CMARK_NODE_HEADING || type == CMARK_NODE_ITEM ||
           type == CMARK_NODE_BLOCK_QUOTE || type == CMARK_NODE_LIST;
}

/// Appends the text of @p node and its descendants: code blocks to @p code, the rest to @p prose.
/// Raw HTML is left out: it is markup, not text a reader sees.
void collect_text(cmark_node* node, std::string& prose, std::string& code) {
    std::unique_ptr<cmark_iter, IterDeleter> iter(cmark_iter_new(node));
    cmark_event_type event;
    while ((event = cmark_iter_next(iter.get())) != CMARK_EVENT_DONE) {
        cmark_node* current = cmark_iter_get_node(iter.get());
        const cmark_node_type type = cmark_node_get_type(current);
        if (event == CMARK_EVENT_EXIT) {
            if (is_block(type)) prose += '\n';
            continue;
        }
        switch (type) {
            case CMARK_NODE_TEXT:
            case CMARK_NODE_CODE:
                prose += cmark_node_get_literal(current);
                break;
            case CMARK_NODE_SOFTBREAK:
            case CMARK_NODE_LINEBREAK:
                prose += ' ';
                break;
            case CMARK_NODE_CODE_BLOCK:
                code += cmark_node_get_literal(current);
                code += '\n';
                break;
            default:
                break;
        }
    }
}

std::string heading_text(cmark_node* heading) {
    std::string prose;
    std::string code;
    collect_text(heading, prose, code);
    while (!prose.empty() && (prose.back() == '\n' || prose.back() == ' ')) prose.pop_back();
    return prose;
}

std::vector<std::string_view> split_lines(std::string_view text) {
    std::vector<std::string_view> lines;
    std::size_t start = 0;
    while (start < text.size()) {
        const auto end = text.find('\n', start);
        if (end == std::string_view::npos) {
            lines.push_back(text.substr(start));
            break;
        }
        lines.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return lines;
}

std::string join_lines(const std::vector<std::string_view>& lines, int from, int to) {
    std::string out;
    for (int i = from; i <= to && i < static_cast<int>(lines.size()); ++i) {
        out += lines[static_cast<std::size_t>(i)];
        out += '\n';
    }
    return out;
}

bool is_blank(std::string_view text) {
    return text.find_first_not_of(" \t\n") == std::string_view::npos;
}

}  // namespace

MarkdownText markdown_text(std::string_view markdown) {
    std::unique_ptr<cmark_node, NodeDeleter> document(
        cmark_parse_document(markdown.data(), markdown.size(), CMARK_OPT_DEFAULT));
    MarkdownText text;
    collect_text(document.get(), text.prose, text.code);
    return text;
}

std::vector<MarkdownParagraph> paragraphs(std::string_view markdown, int first_line) {
    std::unique_ptr<cmark_node, NodeDeleter> document(
        cmark_parse_document(markdown.data(), markdown.size(), CMARK_OPT_DEFAULT));
    std::vector<MarkdownParagraph> out;
    std::unique_ptr<cmark_iter, IterDeleter> iter(cmark_iter_new(document.get()));
    cmark_event_type event;
    MarkdownParagraph* current = nullptr;
    while ((event = cmark_iter_next(iter.get())) != CMARK_EVENT_DONE) {
        cmark_node* node = cmark_iter_get_node(iter.get());
        const cmark_node_type type = cmark_node_get_type(node);
        if (type == CMARK_NODE_PARAGRAPH) {
            if (event == CMARK_EVENT_ENTER) {
                out.push_back({first_line + cmark_node_get_start_line(node) - 1, {}});
                current = &out.back();
            } else {
                current = nullptr;
            }
        } else if (current && event == CMARK_EVENT_ENTER && type == CMARK_NODE_TEXT) {
            current->text += cmark_node_get_literal(node);
        } else if (current && (type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK)) {
            current->text += ' ';
        }
    }
    return out;
}

std::string render_safe_html(std::string_view markdown) {
    // Registering the extensions writes a global registry: once, before any thread parses.
    static std::once_flag registered;
    std::call_once(registered, cmark_gfm_core_extensions_ensure_registered);
    // Safe mode (the default in cmark-gfm, asked for anyway): raw HTML and javascript:/data: links are dropped.
    const int options = CMARK_OPT_SAFE;
    std::unique_ptr<cmark_parser, ParserDeleter> parser(cmark_parser_new(options));
    for (const char* name : kHtmlExtensions) {
        if (cmark_syntax_extension* extension = cmark_find_syntax_extension(name))
            cmark_parser_attach_syntax_extension(parser.get(), extension);
    }
    cmark_parser_feed(parser.get(), markdown.data(), markdown.size());
    std::unique_ptr<cmark_node, NodeDeleter> document(cmark_parser_finish(parser.get()));
    std::unique_ptr<char, CharDeleter> html(
        cmark_render_html(document.get(), options, cmark_parser_get_syntax_extensions(parser.get())));
    return html ? std::string(html.get()) : std::string();
}

std::vector<MarkdownSection> split_sections(std::string_view body, int first_line) {
    const auto lines = split_lines(body);
    std::unique_ptr<cmark_node, NodeDeleter> document(
        cmark_parse_document(body.data(), body.size(), CMARK_OPT_DEFAULT));

    std::vector<MarkdownSection> sections;
    MarkdownSection intro;
    intro.line = first_line;
    MarkdownSection* current = &intro;
    int current_start = 0;  // 0-based body line where the current section starts

    auto close = [&](int end_exclusive) {
        current->line_end = first_line + std::max(end_exclusive - 1, current_start);
        current->markdown = join_lines(lines, current_start, end_exclusive - 1);
        current->html = render_safe_html(current->markdown);
    };

    for (cmark_node* node = cmark_node_first_child(document.get()); node; node = cmark_node_next(node)) {
        const cmark_node_type type = cmark_node_get_type(node);
        if (type == CMARK_NODE_HEADING && cmark_node_get_heading_level(node) == 2) {
            const int start = cmark_node_get_start_line(node) - 1;
            close(start);
            if (current == &intro) {
                if (!is_blank(intro.prose) || !is_blank(intro.code)) sections.push_back(std::move(intro));
            }
            sections.push_back(MarkdownSection{});
            current = &sections.back();
            current_start = start;
            current->heading = heading_text(node);
            current->line = first_line + start;
            continue;
        }
        // An H1 title in the introduction duplicates the front matter title; leave it out of the text.
        if (current == &intro && type == CMARK_NODE_HEADING && cmark_node_get_heading_level(node) == 1) continue;
        collect_text(node, current->prose, current->code);
    }
    close(static_cast<int>(lines.size()));
    if (current == &intro && (!is_blank(intro.prose) || !is_blank(intro.code))) sections.push_back(std::move(intro));
    return sections;
}

}  // namespace pai
