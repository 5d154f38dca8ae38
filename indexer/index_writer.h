/** @file
 *  @brief Writes resolved patterns into a new index generation beside the serving one, compacts it,
 *  verifies it and only then publishes it; a failure at any point leaves the previous generation serving.
 */
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "corpus_checks.h"
#include "guide_types.h"
#include "index_generation.h"
#include "latent_model.h"
#include "stored_document.h"

namespace pai {

struct BuildOptions {
    std::filesystem::path index_dir;
    std::size_t batch_size = 1000;  ///< section documents per commit
    /// Writers building parts of the index in parallel, merged by the final compaction: at most one per
    /// pattern; 0 picks one per core, fewer for small corpora.
    std::size_t writers = 0;
    /// Further metadata stored as given (key -> value), e.g. the guides and the Decision Guide (guides.h).
    std::map<std::string, std::string> extra_metadata{};
    /// Indexed as documents of their own kind (schema::kKindCaseStudy), in the first part only.
    std::vector<CaseStudy> case_studies{};
    /// The latent space to store; when null, build_index fits one over its own patterns. Shards built together
    /// share one fitted over all of them (build_shards), so the searcher can compare across them.
    std::shared_ptr<const LatentModel> latent{};
};

struct BuildSummary {
    std::size_t patterns = 0;
    std::size_t sections = 0;
    double seconds = 0;
    std::uintmax_t index_bytes = 0;
    std::uintmax_t uncompacted_bytes = 0;  ///< the build before compaction
    Generation generation = 0;
};

/// Synonym groups: every word or phrase in a group is searched for any of the others.
using SynonymGroups = std::vector<std::vector<std::string>>;

/// Builds and publishes a new generation. @throws std::runtime_error with a message on any failure, after
/// removing the partial build.
BuildSummary build_index(const std::vector<ResolvedPattern>& patterns, const std::vector<PillarInfo>& pillars,
                         const SynonymGroups& synonyms, const BuildOptions& options);

/// The Xapian document for one section (exposed for tests and benchmarks).
StoredSection stored_section(const ResolvedPattern& pattern, const ResolvedSection& section, int ordinal);

/// The document of one failure mode of @p section (the Failure Modes section's stored form): its heading
/// ("Failure Modes: Name") and line range; the caller sets its text.
StoredSection failure_mode_section(const StoredSection& section, const FailureMode& mode, int ordinal);

}  // namespace pai
