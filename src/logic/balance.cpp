#include "rnncc/logic/balance.hpp"

#include <algorithm>
#include <cstdint>
#include <utility>
#include <vector>

#include "rnncc/common/assert.hpp"

namespace rnncc::logic {

namespace {

// Per-node bookkeeping in one byte: how often the output cone uses the node
// (saturating at 3; an output counts as two uses, so it is never absorbed),
// whether it is the root of a region (it gets an image in the result) and
// whether it lies inside a region (it gets none).
constexpr std::uint8_t use_count_mask = 0x3;
constexpr std::uint8_t root_flag = 0x4;
constexpr std::uint8_t absorbed_flag = 0x8;

/// One tree to rebuild: its root and its leaves (literals of the original,
/// stored at leaves[leaf_begin, leaf_begin + leaf_count)).
struct Region {
  NodeIndex root;
  std::uint32_t leaf_begin;
  std::uint32_t leaf_count;
  bool is_xor;
};

class Balancer {
 public:
  explicit Balancer(const Aig& aig) : aig_(aig), flags_(aig.node_count(), 0) {}

  Aig run(BalanceStatistics& statistics) {
    count_uses();
    find_regions();
    return rebuild(statistics);
  }

 private:
  std::uint8_t uses(NodeIndex node) const { return flags_[node] & use_count_mask; }
  void add_uses(NodeIndex node, std::uint8_t count) {
    const std::uint8_t total = std::min<std::uint8_t>(3, uses(node) + count);
    flags_[node] = static_cast<std::uint8_t>((flags_[node] & ~use_count_mask) | total);
  }

  /// Uses of each node by the output cone (nodes outside it keep 0).
  void count_uses() {
    for (std::uint32_t i = 0; i < aig_.output_count(); ++i) {
      add_uses(aig_.output(i).node(), 2);
      flags_[aig_.output(i).node()] |= root_flag;
    }
    for (NodeIndex node = aig_.node_count(); node-- > 1;) {
      if (uses(node) == 0 || !aig_.is_and(node)) continue;
      ++reachable_ands_;
      add_uses(aig_.fanin0(node).node(), 1);
      add_uses(aig_.fanin1(node).node(), 1);
    }
  }

  /// True when `node` is an XOR gate: !(x & y) & !(!x & !y) = x ^ y with
  /// both inner ANDs used by it alone; then sets x and y.
  bool xor_gate(NodeIndex node, Literal& x, Literal& y) const {
    if (!aig_.is_and(node)) return false;
    const Literal first = aig_.fanin0(node);
    const Literal second = aig_.fanin1(node);
    if (!first.is_complemented() || !second.is_complemented()) return false;
    const NodeIndex p = first.node();
    const NodeIndex q = second.node();
    if (!aig_.is_and(p) || !aig_.is_and(q) || uses(p) != 1 || uses(q) != 1) return false;
    // Fan-ins are ordered by code and complementing flips the lowest bit,
    // so the complemented pair comes in the same order.
    if (aig_.fanin0(q) != !aig_.fanin0(p) || aig_.fanin1(q) != !aig_.fanin1(p)) return false;
    x = aig_.fanin0(p);
    y = aig_.fanin1(p);
    return true;
  }

  void mark_leaf(Literal leaf) {
    leaves_.push_back(leaf);
    flags_[leaf.node()] |= root_flag;
  }

  /// From the outputs down: each root's region is collected, its inner
  /// nodes marked absorbed and its leaves marked as roots. A node's users
  /// all have larger indices, so its role is settled when it is reached.
  void find_regions() {
    std::vector<Literal> stack;
    for (NodeIndex node = aig_.node_count(); node-- > 1;) {
      if ((flags_[node] & root_flag) == 0 || !aig_.is_and(node)) continue;
      Region region{node, static_cast<std::uint32_t>(leaves_.size()), 0, false};
      Literal x, y;
      if (xor_gate(node, x, y)) {
        region.is_xor = true;
        flags_[aig_.fanin0(node).node()] |= absorbed_flag;
        flags_[aig_.fanin1(node).node()] |= absorbed_flag;
        stack = {x, y};
        while (!stack.empty()) {
          const Literal literal = stack.back();
          stack.pop_back();
          const NodeIndex inner = literal.node();
          // Used twice, both times by the gate above (its two inner ANDs).
          if (uses(inner) == 2 && xor_gate(inner, x, y)) {
            flags_[inner] |= absorbed_flag;
            flags_[aig_.fanin0(inner).node()] |= absorbed_flag;
            flags_[aig_.fanin1(inner).node()] |= absorbed_flag;
            // !(x ^ y) = !x ^ y
            stack.push_back(x ^ literal.is_complemented());
            stack.push_back(y);
          } else {
            mark_leaf(literal);
          }
        }
      } else {
        stack = {aig_.fanin0(node), aig_.fanin1(node)};
        while (!stack.empty()) {
          const Literal literal = stack.back();
          stack.pop_back();
          const NodeIndex inner = literal.node();
          if (!literal.is_complemented() && aig_.is_and(inner) && uses(inner) == 1 &&
              !xor_gate(inner, x, y)) {
            flags_[inner] |= absorbed_flag;
            stack.push_back(aig_.fanin0(inner));
            stack.push_back(aig_.fanin1(inner));
          } else {
            mark_leaf(literal);
          }
        }
      }
      region.leaf_count = static_cast<std::uint32_t>(leaves_.size()) - region.leaf_begin;
      regions_.push_back(region);
    }
  }

  Literal mapped(Literal literal) const {
    return image_[literal.node()] ^ literal.is_complemented();
  }

  /// Combines `operands` (sorted by level, ascending) the two shallowest
  /// first with `combine`; each combination is at least as deep as its
  /// operands, so the combined ones come out in level order too and two
  /// queues replace a heap.
  template <typename Combine>
  Literal combine_shallowest_first(std::vector<Literal>& operands, Combine combine) {
    combined_.clear();
    std::size_t next_operand = 0;
    std::size_t next_combined = 0;
    auto take = [&] {
      const bool from_operands =
          next_operand < operands.size() &&
          (next_combined == combined_.size() ||
           result_.level(operands[next_operand]) <= result_.level(combined_[next_combined]));
      return from_operands ? operands[next_operand++] : combined_[next_combined++];
    };
    for (std::size_t remaining = operands.size(); remaining > 1; --remaining) {
      const Literal first = take();
      const Literal second = take();
      combined_.push_back(combine(first, second));
    }
    return take();
  }

  void sort_by_level(std::vector<Literal>& operands) const {
    std::stable_sort(operands.begin(), operands.end(),
                     [&](Literal a, Literal b) { return result_.level(a) < result_.level(b); });
  }

  Literal rebuild_and_tree(const Region& region) {
    operands_.clear();
    for (std::uint32_t i = 0; i < region.leaf_count; ++i)
      operands_.push_back(mapped(leaves_[region.leaf_begin + i]));
    std::sort(operands_.begin(), operands_.end());
    operands_.erase(std::unique(operands_.begin(), operands_.end()), operands_.end());
    // Sorted by code, x and !x are neighbours; false sorts first.
    // A constant or complementary leaf drops other leaves, whose regions
    // may then be used by nothing.
    if (operands_.front() == false_literal) {
      unused_nodes_ = true;
      return false_literal;
    }
    for (std::size_t i = 1; i < operands_.size(); ++i) {
      if (operands_[i] == !operands_[i - 1]) {
        unused_nodes_ = true;
        return false_literal;
      }
    }
    if (operands_.front() == true_literal) operands_.erase(operands_.begin());
    if (operands_.empty()) return true_literal;
    sort_by_level(operands_);
    return combine_shallowest_first(operands_,
                                    [&](Literal a, Literal b) { return result_.create_and(a, b); });
  }

  Literal rebuild_xor_tree(const Region& region) {
    operands_.clear();
    bool parity = false;
    for (std::uint32_t i = 0; i < region.leaf_count; ++i) {
      const Literal leaf = mapped(leaves_[region.leaf_begin + i]);
      parity ^= leaf.is_complemented();
      if (leaf.node() != 0) operands_.push_back(leaf.regular());
    }
    // x ^ x = 0: equal leaves cancel in pairs.
    std::sort(operands_.begin(), operands_.end());
    std::size_t kept = 0;
    for (std::size_t i = 0; i < operands_.size();) {
      if (i + 1 < operands_.size() && operands_[i] == operands_[i + 1]) {
        i += 2;
      } else {
        operands_[kept++] = operands_[i++];
      }
    }
    if (kept < operands_.size()) unused_nodes_ = true;
    operands_.resize(kept);
    if (operands_.empty()) return constant_literal(parity);
    sort_by_level(operands_);
    const Literal sum = combine_shallowest_first(
        operands_, [&](Literal a, Literal b) { return result_.create_xor(a, b); });
    return sum ^ parity;
  }

  /// The region of `root` rebuilt AND by AND as it was in the original.
  Literal rebuild_as_built(NodeIndex root) {
    std::vector<NodeIndex> inner{root};
    for (std::size_t i = 0; i < inner.size(); ++i) {
      for (Literal fanin : {aig_.fanin0(inner[i]), aig_.fanin1(inner[i])}) {
        if ((flags_[fanin.node()] & absorbed_flag) != 0) inner.push_back(fanin.node());
      }
    }
    std::sort(inner.begin(), inner.end());
    for (NodeIndex node : inner) {
      image_[node] = result_.create_and(mapped(aig_.fanin0(node)), mapped(aig_.fanin1(node)));
    }
    return image_[root];
  }

  Aig rebuild(BalanceStatistics& statistics) {
    image_.assign(aig_.node_count(), false_literal);
    result_.reserve(std::size_t{aig_.input_count()} + reachable_ands_);
    for (std::uint32_t i = 0; i < aig_.input_count(); ++i) {
      image_[aig_.input_node(i)] = result_.create_input(aig_.input_name(i));
    }
    // Regions were found from the outputs down; rebuild from the inputs up.
    for (auto region = regions_.rbegin(); region != regions_.rend(); ++region) {
      Literal rebuilt;
      if (region->leaf_count == 2) {
        // Most regions of arithmetic circuits are single gates: nothing to
        // reorder, and create_and folds what the general path would.
        const Literal first = mapped(leaves_[region->leaf_begin]);
        const Literal second = mapped(leaves_[region->leaf_begin + 1]);
        rebuilt =
            region->is_xor ? result_.create_xor(first, second) : result_.create_and(first, second);
        if (rebuilt.is_constant()) unused_nodes_ = true;
      } else if (region->is_xor) {
        rebuilt = rebuild_xor_tree(*region);
      } else {
        rebuilt = rebuild_and_tree(*region);
      }
      ++(region->is_xor ? statistics.xor_trees : statistics.and_trees);
      if (result_.level(rebuilt) > aig_.level(region->root)) {
        rebuilt = rebuild_as_built(region->root);
        ++statistics.kept_as_built;
        unused_nodes_ = true;
      }
      // Every leaf is no deeper than in the original (by induction), so the
      // original structure over them is not deeper either.
      RNNCC_ASSERT(result_.level(rebuilt) <= aig_.level(region->root));
      image_[region->root] = rebuilt;
    }
    for (std::uint32_t i = 0; i < aig_.output_count(); ++i) {
      result_.create_output(mapped(aig_.output(i)), aig_.output_name(i));
    }
    result_.comments() = aig_.comments();
    if (unused_nodes_) result_.remove_dangling_in_place();
    return std::move(result_);
  }

  const Aig& aig_;
  std::vector<std::uint8_t> flags_;
  std::uint64_t reachable_ands_ = 0;
  std::vector<Region> regions_;
  std::vector<Literal> leaves_;
  std::vector<Literal> image_;
  std::vector<Literal> operands_, combined_;
  /// Set when a rebuilt region no longer uses some leaf (or a region was
  /// rebuilt twice), so the result may hold nodes no output depends on.
  bool unused_nodes_ = false;
  Aig result_;
};

}  // namespace

Aig balance(const Aig& aig, BalanceStatistics* statistics) {
  BalanceStatistics ignored;
  return Balancer(aig).run(statistics != nullptr ? *statistics : ignored);
}

}  // namespace rnncc::logic
