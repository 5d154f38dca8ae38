/** @file
 *  @brief Shard assignment and the parallel shard build.
 */
#include "shards.h"

#include <algorithm>
#include <atomic>
#include <exception>
#include <thread>

#include "stable_hash.h"

namespace pai {

std::size_t shard_of(std::string_view pattern_id, std::size_t count) {
    return static_cast<std::size_t>(stable_hash(pattern_id) % std::max<std::size_t>(count, 1));
}

std::filesystem::path shard_dir(const std::filesystem::path& index_dir, std::size_t shard) {
    return index_dir / ("shard-" + std::to_string(shard + 1));
}

std::vector<BuildSummary> build_shards(const std::vector<ResolvedPattern>& patterns,
                                       const std::vector<PillarInfo>& pillars, const SynonymGroups& synonyms,
                                       const BuildOptions& options, std::size_t count) {
    if (count <= 1) return {build_index(patterns, pillars, synonyms, options)};
    std::vector<std::vector<ResolvedPattern>> parts(count);
    for (const auto& pattern : patterns) parts[shard_of(pattern.meta.id, count)].push_back(pattern);

    // One space for all shards: vectors fitted apart would not compare when the searcher merges the shards.
    BuildOptions shared = options;
    if (!shared.latent) shared.latent = std::make_shared<LatentModel>(fit_latent_model(patterns));

    std::vector<BuildSummary> summaries(count);
    std::vector<std::exception_ptr> failures(count);
    std::atomic<std::size_t> next{0};
    auto worker = [&] {
        for (std::size_t shard = next++; shard < count; shard = next++) {
            try {
                BuildOptions shard_options = shared;
                shard_options.index_dir = shard_dir(options.index_dir, shard);
                shard_options.writers = 1;  // the shards themselves already keep every core busy
                summaries[shard] = build_index(parts[shard], pillars, synonyms, shard_options);
            } catch (...) {
                failures[shard] = std::current_exception();
            }
        }
    };
    const std::size_t threads = std::clamp<std::size_t>(std::thread::hardware_concurrency(), 1, count);
    std::vector<std::thread> pool;
    for (std::size_t i = 0; i < threads; ++i) pool.emplace_back(worker);
    for (auto& thread : pool) thread.join();
    for (const auto& failure : failures) {
        if (failure) std::rethrow_exception(failure);
    }
    return summaries;
}

}  // namespace pai
