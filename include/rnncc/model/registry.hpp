// The model families rnncc knows: one header each under families/, one
// line each in the list below. Adding a family: its header, its line here,
// an example model under circuits/models/, docs/model-spec.md, tests.
#pragma once

#include <cstddef>
#include <span>
#include <stdexcept>
#include <string_view>
#include <type_traits>

#include "rnncc/model/families/delta_rule.hpp"
#include "rnncc/model/families/dense.hpp"
#include "rnncc/model/families/diagonal.hpp"
#include "rnncc/model/families/dplr.hpp"
#include "rnncc/model/families/elman.hpp"
#include "rnncc/model/families/gru.hpp"
#include "rnncc/model/families/lstm.hpp"
#include "rnncc/model/families/mlp_rnn.hpp"
#include "rnncc/model/families/network.hpp"
#include "rnncc/model/families/permutation_diagonal.hpp"
#include "rnncc/model/families/relu_rnn.hpp"
#include "rnncc/model/families/rwkv7.hpp"
#include "rnncc/model/families/wfa.hpp"
#include "rnncc/model/family.hpp"

namespace rnncc::model {

/// A list of family types.
template <class... Families>
struct FamilyList {
  static constexpr std::size_t size = sizeof...(Families);
};

/// Every family, nonlinear ones first, in the order listings show them.
using AllFamilies = FamilyList<ReluRnn, MlpRnn, Elman, Gru, Lstm, Diagonal, PermutationDiagonal,
                               Dplr, DeltaNet, GatedDeltaNet, Rwkv7, Dense, Wfa, Network>;

/// Every family's descriptor, in AllFamilies order.
std::span<const FamilyDescriptor* const> all_families();

/// The family spelled `name` in model files, or nullptr.
const FamilyDescriptor* find_family(std::string_view name);

/// The names of all families, "relu-rnn, mlp-rnn, ... or network", for messages.
std::string family_names();

/// True for the network family (a stack of sublayers of other families).
bool is_network(const FamilyDescriptor& family);

/// True when a scan applies: a linear family, or a network all of whose
/// heads are linear (each sublayer is then scanned in turn).
bool supports_scan(const Model& model);

namespace detail {

template <class Family, class Visitor>
decltype(auto) call_with_family(Visitor& visitor) {
  return visitor.template operator()<Family>();
}

template <class Visitor, class... Families>
decltype(auto) visit_family_in(const FamilyDescriptor& family, Visitor& visitor,
                               FamilyList<Families...>) {
  using Result = decltype(visitor.template operator()<ReluRnn>());
  using Call = Result (*)(Visitor&);
  static constexpr const FamilyDescriptor* descriptors[] = {&Families::descriptor...};
  static constexpr Call calls[] = {&call_with_family<Families, Visitor>...};
  for (std::size_t index = 0; index < sizeof...(Families); ++index) {
    if (descriptors[index] == &family) return calls[index](visitor);
  }
  throw std::logic_error("a family that is not in the registry");
}

}  // namespace detail

/// visitor.template operator()<Family>() for the family type of `family`:
/// the one place a family's descriptor turns into its type.
template <class Visitor>
decltype(auto) visit_family(const FamilyDescriptor& family, Visitor&& visitor) {
  return detail::visit_family_in(family, visitor, AllFamilies{});
}

}  // namespace rnncc::model
