/** @file
 *  @brief The read-everything-once probe behind open_verified().
 */
#include "index_probe.h"

#include "search_error.h"

namespace pai {
namespace {

void read_document(const Xapian::Database& db, Xapian::docid id) {
    const Xapian::Document doc = db.get_document(id);
    (void)doc.get_data();
    for (auto term = doc.termlist_begin(); term != doc.termlist_end(); ++term) {
        for (auto position = term.positionlist_begin(); position != term.positionlist_end(); ++position) {
        }
    }
}

void probe(const Xapian::Database& db) {
    if (db.get_doccount() > 0) {
        read_document(db, 1);
        read_document(db, db.get_lastdocid());
    }
    for (auto key = db.metadata_keys_begin(); key != db.metadata_keys_end(); ++key) (void)db.get_metadata(*key);
    for (auto key = db.synonym_keys_begin(); key != db.synonym_keys_end(); ++key) {
    }
    for (auto word = db.spellings_begin(); word != db.spellings_end(); ++word) {
    }
    Xapian::Enquire everything(db);
    everything.set_query(Xapian::Query::MatchAll);
    (void)everything.get_mset(0, 1, db.get_doccount());
}

}  // namespace

Xapian::Database open_verified(const std::filesystem::path& path) {
    try {
        Xapian::Database db(path.string());
        probe(db);
        return db;
    } catch (const Xapian::Error& e) {
        throw SearchError(ErrorKind::kIndexUnavailable,
                          "cannot open index " + path.string() + ": " + e.get_description());
    }
}

}  // namespace pai
