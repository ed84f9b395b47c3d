#include "rnncc/model/affine_map.hpp"

#include "rnncc/common/enum_names.hpp"

namespace rnncc::model {

namespace {

constexpr EnumNames<MapStructure, 4> structure_names{{
    {MapStructure::diagonal, "diagonal"},
    {MapStructure::permutation_diagonal, "permutation-diagonal"},
    {MapStructure::low_rank_update, "diagonal-plus-low-rank"},
    {MapStructure::dense, "dense"},
}};
static_assert(names_are_distinct(structure_names));

}  // namespace

std::string_view name_of(MapStructure structure) {
  return name_in(structure_names, structure);
}

}  // namespace rnncc::model
