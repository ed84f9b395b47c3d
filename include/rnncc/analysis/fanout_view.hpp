// The readers of every node of an AIG: its fan-out lists, built once in
// compressed form, without changing the AIG.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "rnncc/logic/aig.hpp"

namespace rnncc::analysis {

/// For each node, the ANDs that read it, in increasing index order (an AND
/// reading one node through both fan-ins is listed twice). 4 bytes per
/// edge plus 4 per node. The AIG must not grow while the view is used.
class FanoutView {
 public:
  /// The readers among all ANDs of `aig`.
  explicit FanoutView(const logic::Aig& aig);
  /// The readers among the ANDs v with included[v] (one flag per node).
  FanoutView(const logic::Aig& aig, const std::vector<bool>& included);

  /// The ANDs that read `node`.
  std::span<const logic::NodeIndex> readers(logic::NodeIndex node) const {
    return {readers_.data() + begin_[node], readers_.data() + begin_[node + 1]};
  }

 private:
  void build(const logic::Aig& aig, const std::vector<bool>* included);

  std::vector<std::uint32_t> begin_;  ///< node → first index in readers_, with a final entry
  std::vector<logic::NodeIndex> readers_;
};

}  // namespace rnncc::analysis
