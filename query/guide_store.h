/** @file
 *  @brief Reads the guides and the Decision Guide back from an index's metadata.
 */
#pragma once

#include <string_view>
#include <vector>

#include "guide_types.h"
#include "searcher.h"

namespace pai {

/// Every guide in the index, in display order (none for an index built without guides).
std::vector<Guide> stored_guides(Searcher& searcher);

/// The guide @p id. @throws SearchError(kNotFound) when there is none.
Guide stored_guide(Searcher& searcher, std::string_view id);

/// Every case study in the index, by id (none for an index built without them).
std::vector<CaseStudy> stored_case_studies(Searcher& searcher);

/// The case study @p id. @throws SearchError(kNotFound) when there is none.
CaseStudy stored_case_study(Searcher& searcher, std::string_view id);

/// Every reading path, in corpus order (none for an index built without paths.yaml).
std::vector<ReadingPath> stored_paths(Searcher& searcher);

/// The Decision Guide. @throws SearchError(kNotFound) when the corpus had none.
DecisionGuide stored_decision_guide(Searcher& searcher);

}  // namespace pai
