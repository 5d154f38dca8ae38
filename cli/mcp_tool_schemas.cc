/** @file
 *  @brief Tool definitions, written as JSON so they read like the schemas clients see.
 */
#include "mcp_tool_schemas.h"

#include <string_view>

#include "recommender.h"
#include "schema.h"
#include "search_types.h"

namespace pai::mcp {
namespace {

// Placeholders such as "$STATUSES" and "$MAX_HITS" stand for the query library's constants, defined once;
// "$STRINGS", "$STATUS" and "$COUNTED_VALUES" for schema shapes that several tools share.
constexpr std::string_view kDefinitions = R"json([
{
  "name": "search_patterns",
  "title": "Search patterns",
  "description": "Search the Production AI Patterns library for the patterns that fit a problem described in your own words (\"our LLM bill doubled\", \"the provider times out at peak\"). Returns ranked patterns, one hit per pattern, each with the section that matched best, a snippet, its source path and line range, and its pattern:// resource URI. Query syntax: \"exact phrases\", +required, -excluded, pillar:, status:, section:, tag:, title:, trailing wildcards (retr*). Omit query to browse by the filters alone.",
  "inputSchema": {
    "type": "object",
    "properties": {
      "query": {"type": "string", "maxLength": "$MAX_QUERY_BYTES", "description": "The problem or topic, in your own words."},
      "pillar": {"type": "array", "items": {"type": "string"}, "description": "Only patterns of these pillars (ids such as reliability; list_facets names them all)."},
      "status": {"type": "array", "items": "$STATUS", "description": "Only patterns of these maturity levels."},
      "tag": {"type": "array", "items": {"type": "string"}, "description": "Only patterns with one of these tags."},
      "limit": {"type": "integer", "minimum": 1, "maximum": "$MAX_HITS", "default": "$DEFAULT_HITS", "description": "How many patterns to return."}
    },
    "additionalProperties": false
  },
  "outputSchema": {
    "type": "object",
    "properties": {
      "query": {"type": "string"},
      "total": {"type": "integer", "description": "Matching patterns, of which the first `limit` are returned."},
      "did_you_mean": {"type": "string", "description": "A spelling correction of the query."},
      "hits": {
        "type": "array",
        "items": {
          "type": "object",
          "properties": {
            "id": {"type": "string"},
            "uri": {"type": "string", "description": "pattern://{id}, readable as a resource."},
            "title": {"type": "string"},
            "description": {"type": "string"},
            "pillar": {"type": "string"},
            "status": "$STATUS",
            "tags": "$STRINGS",
            "section": {"type": "string", "description": "Id of the section that matched best."},
            "section_title": {"type": "string"},
            "snippet": {"type": "string", "description": "Plain text around the matches in that section."},
            "symptom": {"type": "string", "description": "The pattern's listed symptom that the query echoes, when one does."},
            "path": {"type": "string", "description": "The pattern's Markdown source file."},
            "line": {"type": "integer", "description": "First line of the best section in that file (1-based)."},
            "line_end": {"type": "integer"},
            "score": {"type": "number"}
          },
          "required": ["id", "uri", "title", "pillar", "status", "section", "snippet", "path", "line", "line_end"]
        }
      }
    },
    "required": ["query", "total", "hits"]
  },
  "annotations": {"title": "Search patterns", "readOnlyHint": true, "destructiveHint": false, "idempotentHint": true, "openWorldHint": false}
},
{
  "name": "get_pattern",
  "title": "Get a pattern",
  "description": "The whole pattern, or only some of its sections, as Markdown, with its metadata, related patterns and the production evidence behind its status. Every pattern has the sections what-it-is, problem, how-it-works, when-to-use, when-not-to-use, trade-offs, implementation, tool-landscape, related-patterns and further-reading.",
  "inputSchema": {
    "type": "object",
    "properties": {
      "id": {"type": "string", "minLength": 1, "description": "The pattern id, e.g. circuit-breaker."},
      "sections": {"type": "array", "items": {"type": "string"}, "description": "Only these section ids, e.g. [\"when-not-to-use\", \"trade-offs\"]."}
    },
    "required": ["id"],
    "additionalProperties": false
  },
  "outputSchema": {
    "type": "object",
    "properties": {
      "id": {"type": "string"},
      "uri": {"type": "string"},
      "title": {"type": "string"},
      "description": {"type": "string"},
      "pillar": {"type": "string"},
      "status": "$STATUS",
      "tags": "$STRINGS",
      "symptoms": "$STRINGS",
      "path": {"type": "string"},
      "last_reviewed": {"type": "string"},
      "related": {"type": "array", "items": {"type": "object", "properties": {"id": {"type": "string"}, "title": {"type": "string"}}, "required": ["id", "title"]}},
      "evidence": {"type": "array", "items": {"type": "object", "properties": {"title": {"type": "string"}, "url": {"type": "string"}}, "required": ["title", "url"]}},
      "sections": {
        "type": "array",
        "items": {
          "type": "object",
          "properties": {
            "id": {"type": "string"},
            "title": {"type": "string"},
            "markdown": {"type": "string"},
            "line": {"type": "integer"},
            "line_end": {"type": "integer"}
          },
          "required": ["id", "title", "markdown", "line", "line_end"]
        }
      }
    },
    "required": ["id", "uri", "title", "pillar", "status", "path", "sections"]
  },
  "annotations": {"title": "Get a pattern", "readOnlyHint": true, "destructiveHint": false, "idempotentHint": true, "openWorldHint": false}
},
{
  "name": "list_facets",
  "title": "List facets",
  "description": "The library's pillars (with names and descriptions), maturity levels and section ids, each with its number of patterns: the values search_patterns filters accept.",
  "inputSchema": {"type": "object", "properties": {}, "additionalProperties": false},
  "outputSchema": {
    "type": "object",
    "properties": {
      "patterns": {"type": "integer"},
      "pillars": {"type": "array", "items": {"type": "object", "properties": {"id": {"type": "string"}, "name": {"type": "string"}, "description": {"type": "string"}, "patterns": {"type": "integer"}}, "required": ["id", "name", "patterns"]}},
      "facets": {
        "type": "object",
        "properties": {
          "pillar": "$COUNTED_VALUES",
          "status": "$COUNTED_VALUES",
          "section": "$COUNTED_VALUES"
        },
        "required": ["pillar", "status", "section"]
      }
    },
    "required": ["patterns", "pillars", "facets"]
  },
  "annotations": {"title": "List facets", "readOnlyHint": true, "destructiveHint": false, "idempotentHint": true, "openWorldHint": false}
},
{
  "name": "recommend",
  "title": "Recommend patterns (Decision Guide)",
  "description": "The Decision Guide: answer a few questions about the system (what hurts most, traffic, ...) and get a ranked shortlist of patterns, each with why it was picked and the caveat from its \"When NOT to Use It\" section, plus the patterns the answers rule out and why. Call it without answers first to get the questions and their answer ids.",
  "inputSchema": {
    "type": "object",
    "properties": {
      "answers": {"type": "object", "additionalProperties": {"type": "string"}, "description": "Question id to answer id, e.g. {\"pain\": \"cost\"}. Omit to get the questions."},
      "limit": {"type": "integer", "minimum": 1, "maximum": "$MAX_RECOMMENDATIONS", "default": "$DEFAULT_RECOMMENDATIONS", "description": "How many patterns to recommend."}
    },
    "additionalProperties": false
  },
  "outputSchema": {
    "type": "object",
    "properties": {
      "questions": {
        "type": "array",
        "description": "The guide's questions; returned when no answers were given.",
        "items": {
          "type": "object",
          "properties": {
            "id": {"type": "string"},
            "text": {"type": "string"},
            "help": {"type": "string"},
            "answers": {"type": "array", "items": {"type": "object", "properties": {"id": {"type": "string"}, "label": {"type": "string"}}, "required": ["id", "label"]}}
          },
          "required": ["id", "text", "answers"]
        }
      },
      "answers": {"type": "array", "items": {"type": "object", "properties": {"question": {"type": "string"}, "answer": {"type": "string"}, "question_text": {"type": "string"}, "label": {"type": "string"}}, "required": ["question", "answer"]}},
      "recommendations": {
        "type": "array",
        "items": {
          "type": "object",
          "properties": {
            "id": {"type": "string"},
            "uri": {"type": "string"},
            "title": {"type": "string"},
            "description": {"type": "string"},
            "pillar": {"type": "string"},
            "status": "$STATUS",
            "score": {"type": "number"},
            "reasons": "$STRINGS",
            "caveat": {"type": "string", "description": "The start of its When NOT to Use It section."}
          },
          "required": ["id", "uri", "title", "reasons"]
        }
      },
      "ruled_out": {
        "type": "array",
        "items": {
          "type": "object",
          "properties": {
            "id": {"type": "string"},
            "uri": {"type": "string"},
            "title": {"type": "string"},
            "reasons": "$STRINGS"
          },
          "required": ["id", "uri", "reasons"]
        }
      }
    },
    "required": ["answers", "recommendations", "ruled_out"]
  },
  "annotations": {"title": "Recommend patterns", "readOnlyHint": true, "destructiveHint": false, "idempotentHint": true, "openWorldHint": false}
}
])json";

/// Replaces every placeholder string below @p node with its value.
void fill_placeholders(nlohmann::json& node, const nlohmann::json& values) {
    if (node.is_string() && values.contains(node.get<std::string>())) {
        node = values[node.get<std::string>()];
    } else if (node.is_structured()) {
        for (auto& child : node) fill_placeholders(child, values);
    }
}

}  // namespace

const nlohmann::json& tool_definitions() {
    static const nlohmann::json definitions = [] {
        auto tools = nlohmann::json::parse(kDefinitions);
        nlohmann::json statuses = nlohmann::json::array();
        for (auto status : schema::kStatuses) statuses.push_back(status);
        const nlohmann::json counted_value = {
            {"type", "object"},
            {"properties", {{"value", {{"type", "string"}}}, {"count", {{"type", "integer"}}}}},
            {"required", {"value", "count"}}};
        fill_placeholders(tools, {{"$STRINGS", {{"type", "array"}, {"items", {{"type", "string"}}}}},
                                  {"$STATUS", {{"type", "string"}, {"enum", statuses}}},
                                  {"$COUNTED_VALUES", {{"type", "array"}, {"items", counted_value}}},
                                  {"$STATUSES", statuses},
                                  {"$MAX_QUERY_BYTES", kMaxQueryBytes},
                                  {"$MAX_HITS", kMaxLimit},
                                  {"$DEFAULT_HITS", kDefaultLimit},
                                  {"$MAX_RECOMMENDATIONS", kMaxRecommendations},
                                  {"$DEFAULT_RECOMMENDATIONS", kDefaultRecommendations}});
        return tools;
    }();
    return definitions;
}

}  // namespace pai::mcp
