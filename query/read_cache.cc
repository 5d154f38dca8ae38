/** @file
 *  @brief ReadCache: posting lists, hit data and latent vectors, each read from the index once.
 */
#include "read_cache.h"

#include "schema.h"

namespace pai {

const std::vector<Xapian::docid>& ReadCache::postings(const std::string& term) {
    if (const auto found = postings_.find(term); found != postings_.end()) return found->second;
    std::vector<Xapian::docid> docids;
    docids.reserve(db_->get_termfreq(term));
    for (auto posting = db_->postlist_begin(term); posting != db_->postlist_end(term); ++posting) {
        docids.push_back(*posting);
    }
    if (cached_docids_ + docids.size() > kMaxCachedDocids) {
        postings_.clear();
        cached_docids_ = 0;
    }
    cached_docids_ += docids.size();
    return postings_.emplace(term, std::move(docids)).first->second;
}

const StoredSection& ReadCache::section(Xapian::docid docid) {
    if (const auto found = sections_.find(docid); found != sections_.end()) return found->second;
    StoredSection section = parse_section_data(db_->get_document(docid).get_data());
    if (sections_.size() >= kMaxCachedSections) sections_.clear();
    return sections_.emplace(docid, std::move(section)).first->second;
}

const LatentVector& ReadCache::latent_vector(Xapian::docid docid) {
    if (const auto found = vectors_.find(docid); found != vectors_.end()) return found->second;
    auto vector = latent::decode(db_->get_document(docid).get_value(schema::kSlotLatent));
    if (vectors_.size() >= kMaxCachedVectors) vectors_.clear();
    return vectors_.emplace(docid, vector.value_or(LatentVector{})).first->second;
}

void ReadCache::clear() {
    postings_.clear();
    cached_docids_ = 0;
    sections_.clear();
    vectors_.clear();
}

}  // namespace pai
