#include "rnncc/model/affine_map.hpp"

namespace rnncc::model {

std::string_view name_of(MapStructure structure) {
  switch (structure) {
    case MapStructure::diagonal:
      return "diagonal";
    case MapStructure::permutation_diagonal:
      return "permutation-diagonal";
    case MapStructure::low_rank_update:
      return "diagonal-plus-low-rank";
    case MapStructure::dense:
      return "dense";
  }
  return "unknown";
}

}  // namespace rnncc::model
