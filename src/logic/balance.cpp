#include "rnncc/logic/balance.hpp"

#include <algorithm>
#include <cstdint>
#include <utility>
#include <vector>

#include "rnncc/common/assert.hpp"
#include "zeroed_page_buffer.hpp"

namespace rnncc::logic {

namespace {

// Per-node bookkeeping in one byte: how often the output cone uses the node
// (saturating at 3; an output counts as two uses, so it is never absorbed),
// whether it is the root of a region (it gets an image in the result),
// whether it lies inside a region (it gets none of its own), and whether
// its region is rebuilt as a balanced tree (otherwise it is copied).
constexpr std::uint8_t use_count_mask = 0x3;
constexpr std::uint8_t root_flag = 0x4;
constexpr std::uint8_t absorbed_flag = 0x8;
constexpr std::uint8_t rebuilt_flag = 0x10;
// Set on every AND node in the output cone (by count_uses), so that later
// passes need not read the node itself to know it.
constexpr std::uint8_t and_flag = 0x80;
// Set on a node of the original that may be an operand of a rebuilt tree
// (last_tree_ holds the last such tree; it is read only when this is set).
constexpr std::uint8_t tree_operand_flag = 0x20;
// Set on a node of the original whose image stands for another node too
// (see Balancer::claim_image): every AND over it is looked up.
constexpr std::uint8_t coincident_flag = 0x40;

/// A tree of more than one gate: its root and its leaves (literals of the
/// original, stored at leaves[leaf_begin, leaf_begin + leaf_count)).
/// Single gates (two leaves) are not recorded: balancing cannot change them.
struct Region {
  NodeIndex root;
  std::uint32_t leaf_begin;
  std::uint32_t leaf_count;
  bool is_xor;
};

/// One entry of a CandidateTable: an AND node of the result and the node
/// of the original it stands for (0: none yet).
struct CandidateEntry {
  NodeIndex node = 0;  // 0: empty slot (node 0 is never an AND)
  NodeIndex owner = 0;
};

/// AND nodes of the result keyed by their fan-ins: open addressing over a
/// power-of-two array of slots (key and entry together, one cache line
/// per probe), grown at half load, behind a filter of two bits per key in
/// one 64-bit word (8 bits per slot), so that most lookups of an absent
/// key touch neither.
class CandidateTable {
 public:
  /// The entry of the AND with fan-ins (a, b), a.code < b.code, or nullptr.
  CandidateEntry* find(Literal a, Literal b) {
    if (count_ == 0) return nullptr;
    const std::uint64_t key = key_of(a, b);
    const std::uint64_t hash = hash_of(key);
    const std::uint64_t mask = filter_mask(hash);
    if ((filter_[filter_word(hash)] & mask) != mask) return nullptr;
    for (std::size_t slot = hash & (slots_.size() - 1);; slot = (slot + 1) & (slots_.size() - 1)) {
      if (slots_[slot].entry.node == 0) return nullptr;
      if (slots_[slot].key == key) return &slots_[slot].entry;
    }
  }
  /// Adds `entry` for the AND with fan-ins (a, b), a.code < b.code, not
  /// present yet.
  void insert(Literal a, Literal b, CandidateEntry entry) {
    if (2 * (count_ + 1) > slots_.size()) grow();
    place(key_of(a, b), entry);
    ++count_;
  }

 private:
  struct Slot {
    std::uint64_t key = 0;
    CandidateEntry entry;
  };

  static std::uint64_t key_of(Literal a, Literal b) {
    return (std::uint64_t{a.code} << 32) | b.code;
  }
  static std::uint64_t hash_of(std::uint64_t key) {
    const std::uint64_t product = key * 0x9E3779B97F4A7C15ULL;
    return product ^ (product >> 29);
  }
  // Filter bits from the hash's top bits, slots from its bottom bits.
  static std::uint64_t filter_mask(std::uint64_t hash) {
    return (std::uint64_t{1} << (hash >> 58)) | (std::uint64_t{1} << ((hash >> 52) & 63));
  }
  std::size_t filter_word(std::uint64_t hash) const {
    return static_cast<std::size_t>(hash >> 20) & (filter_.size() - 1);
  }
  void place(std::uint64_t key, CandidateEntry entry) {
    const std::uint64_t hash = hash_of(key);
    filter_[filter_word(hash)] |= filter_mask(hash);
    std::size_t slot = hash & (slots_.size() - 1);
    while (slots_[slot].entry.node != 0)
      slot = (slot + 1) & (slots_.size() - 1);
    slots_[slot] = Slot{key, entry};
  }
  void grow() {
    std::vector<Slot> old_slots(std::max<std::size_t>(1024, 2 * slots_.size()));
    old_slots.swap(slots_);
    filter_.assign(slots_.size() / 8, 0);  // 8 filter bits per slot
    for (const Slot& slot : old_slots) {
      if (slot.entry.node != 0) place(slot.key, slot.entry);
    }
  }

  std::vector<Slot> slots_;
  std::vector<std::uint64_t> filter_;
  std::size_t count_ = 0;
};

class Balancer {
 public:
  explicit Balancer(const Aig& aig) : aig_(aig) {
    // Both per-node arrays start zeroed, in huge pages where the system
    // has them (fewer page faults than the heap for tens of MB).
    flag_buffer_.assign_zeroed(aig.node_count());
    flags_ = flag_buffer_.data();
    value_buffer_.assign_zeroed(std::size_t{aig.node_count()} * sizeof(std::uint32_t));
    levels_ = reinterpret_cast<std::uint32_t*>(value_buffer_.data());
    images_ = levels_;
    tree_buffer_.assign_zeroed(std::size_t{aig.node_count()} * sizeof(std::uint32_t));
    last_tree_ = reinterpret_cast<std::uint32_t*>(tree_buffer_.data());
  }

  Aig run(BalanceStatistics& statistics) {
    count_uses();
    find_regions();
    choose_regions_to_rebuild(statistics);
    return build(statistics);
  }

 private:
  std::uint8_t uses(NodeIndex node) const { return flags_[node] & use_count_mask; }
  /// True for an AND node in the output cone (after count_uses).
  bool is_and(NodeIndex node) const { return (flags_[node] & and_flag) != 0; }
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
      flags_[node] |= and_flag;
      ++reachable_ands_;
      add_uses(aig_.fanin0(node).node(), 1);
      add_uses(aig_.fanin1(node).node(), 1);
    }
  }

  /// True when `node` is an XOR gate: !(x & y) & !(!x & !y) = x ^ y with
  /// both inner ANDs used by it alone; then sets x and y.
  bool xor_gate(NodeIndex node, Literal& x, Literal& y) const {
    if (!is_and(node)) return false;
    const Literal first = aig_.fanin0(node);
    const Literal second = aig_.fanin1(node);
    if (!first.is_complemented() || !second.is_complemented()) return false;
    const NodeIndex p = first.node();
    const NodeIndex q = second.node();
    if ((flags_[p] & flags_[q] & and_flag) == 0 || uses(p) != 1 || uses(q) != 1) return false;
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
    // A region of g gates has at most g + 1 leaves: reserving for the
    // worst case (pages are only touched as they fill) avoids regrowth.
    leaves_.reserve(2 * reachable_ands_ + 2);
    std::vector<Literal> stack;
    for (NodeIndex node = aig_.node_count(); node-- > 1;) {
      if ((flags_[node] & (root_flag | and_flag)) != (root_flag | and_flag)) continue;
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
          if (!literal.is_complemented() && (flags_[inner] & and_flag) != 0 && uses(inner) == 1 &&
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
      if (region.leaf_count == 2) {
        leaves_.resize(region.leaf_begin);  // a single gate: copied as it is
      } else {
        regions_.push_back(region);
      }
    }
  }

  /// The level of the tree combining leaves of levels `levels` (sorted
  /// ascending) the two shallowest first, each combination `cost` levels
  /// above the deeper of its two operands. Each combination is at least as
  /// deep as its operands, so combined levels come out in order too and two
  /// queues replace a heap.
  std::uint32_t balanced_level(const std::vector<std::uint32_t>& levels, std::uint32_t cost) {
    combined_levels_.clear();
    std::size_t next_level = 0;
    std::size_t next_combined = 0;
    auto take = [&] {
      const bool from_levels =
          next_level < levels.size() && (next_combined == combined_levels_.size() ||
                                         levels[next_level] <= combined_levels_[next_combined]);
      return from_levels ? levels[next_level++] : combined_levels_[next_combined++];
    };
    for (std::size_t remaining = levels.size(); remaining > 1; --remaining) {
      const std::uint32_t first = take();
      const std::uint32_t second = take();
      combined_levels_.push_back(cost + std::max(first, second));
    }
    return take();
  }

  /// Marks the region of `root` (root and inner nodes) as rebuilt.
  void mark_rebuilt(NodeIndex root) {
    flags_[root] |= rebuilt_flag;
    stack_.assign(1, root);
    while (!stack_.empty()) {
      const NodeIndex node = stack_.back();
      stack_.pop_back();
      for (Literal fanin : {aig_.fanin0(node), aig_.fanin1(node)}) {
        if ((flags_[fanin.node()] & absorbed_flag) != 0) {
          flags_[fanin.node()] |= rebuilt_flag;
          stack_.push_back(fanin.node());
        }
      }
    }
  }

  /// One pass from the inputs up over the levels the result will have
  /// (levels_[node]; for a root, the level of its image): each tree is
  /// rebuilt only when its balanced form is shallower than the tree as it
  /// was over its leaves' new levels, or when a leaf repeats (the tree then
  /// shrinks). Every other node is copied as it is.
  void choose_regions_to_rebuild(BalanceStatistics& statistics) {
    auto region = regions_.rbegin();
    for (NodeIndex node = 1; node < aig_.node_count(); ++node) {
      if (!is_and(node)) continue;
      std::uint32_t level =
          1 + std::max(levels_[aig_.fanin0(node).node()], levels_[aig_.fanin1(node).node()]);
      if (region != regions_.rend() && region->root == node) {
        leaf_levels_.clear();
        sorted_leaves_.clear();
        for (std::uint32_t i = 0; i < region->leaf_count; ++i) {
          const Literal leaf = leaves_[region->leaf_begin + i];
          leaf_levels_.push_back(levels_[leaf.node()]);
          sorted_leaves_.push_back(leaf.regular());
        }
        std::sort(sorted_leaves_.begin(), sorted_leaves_.end());
        const bool leaf_repeats =
            std::adjacent_find(sorted_leaves_.begin(), sorted_leaves_.end()) !=
                sorted_leaves_.end() ||
            sorted_leaves_.front().is_constant();
        std::sort(leaf_levels_.begin(), leaf_levels_.end());
        const std::uint32_t balanced = balanced_level(leaf_levels_, region->is_xor ? 2 : 1);
        if (leaf_repeats || balanced < level) {
          mark_rebuilt(node);
          for (std::uint32_t i = 0; i < region->leaf_count; ++i)
            set_last_tree(leaves_[region->leaf_begin + i].node(), node);
          ++(region->is_xor ? statistics.xor_trees : statistics.and_trees);
          level = std::min(level, balanced);
        }
        ++region;
      }
      levels_[node] = level;
    }
  }

  Literal mapped(Literal literal) const {
    return Literal{images_[literal.node()]} ^ literal.is_complemented();
  }

  /// The AND of two operands of a rebuilt tree (distinct, not
  /// complementary, not constant): the node of the result with these
  /// fan-ins when the candidate table knows one, otherwise a new one.
  Literal rebuilt_and(Literal a, Literal b) {
    if (hash_every_node_) return result_.create_and(a, b);
    if (a.code > b.code) std::swap(a, b);
    if (const CandidateEntry* entry = find_entry(a, b)) return Literal::of(entry->node);
    const Literal node = result_.append_unique_and(a, b);
    candidates_.insert(a, b, CandidateEntry{node.node(), 0});
    return node;
  }
  Literal rebuilt_xor(Literal a, Literal b) {
    return !rebuilt_and(!rebuilt_and(a, !b), !rebuilt_and(!a, b));
  }

  /// Combines `operands` (sorted by level, ascending) the two shallowest
  /// first with `combine`, as balanced_level does with their levels.
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

  /// The last rebuilt tree `node` may be an operand of (0 for none).
  std::uint32_t last_tree(NodeIndex node) const {
    return (flags_[node] & tree_operand_flag) != 0 ? last_tree_[node] : 0;
  }
  void set_last_tree(NodeIndex node, std::uint32_t tree) {
    last_tree_[node] = tree;
    flags_[node] |= tree_operand_flag;
  }

  /// The tree's result when it folds to a constant or to one leaf: its
  /// root now shares an image with a leaf or a constant, so copies above
  /// may simplify or coincide, and every later node is hashed.
  Literal folded(Literal literal) {
    hash_every_node_from_here();
    nodes_may_dangle_ = true;  // the dropped leaves' cones
    return literal;
  }

  Literal rebuild_and_tree(const Region& region) {
    operands_.clear();
    for (std::uint32_t i = 0; i < region.leaf_count; ++i)
      operands_.push_back(mapped(leaves_[region.leaf_begin + i]));
    std::sort(operands_.begin(), operands_.end());
    operands_.erase(std::unique(operands_.begin(), operands_.end()), operands_.end());
    // Sorted by code, x and !x are neighbours; false sorts first.
    if (operands_.front() == false_literal) return folded(false_literal);
    for (std::size_t i = 1; i < operands_.size(); ++i) {
      if (operands_[i] == !operands_[i - 1]) return folded(false_literal);
    }
    if (operands_.front() == true_literal) operands_.erase(operands_.begin());
    if (operands_.empty()) return folded(true_literal);
    if (operands_.size() == 1) return folded(operands_.front());
    sort_by_level(operands_);
    return combine_shallowest_first(operands_,
                                    [&](Literal a, Literal b) { return rebuilt_and(a, b); });
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
    if (kept < operands_.size()) nodes_may_dangle_ = true;  // the cancelled leaves' cones
    operands_.resize(kept);
    if (operands_.empty()) return folded(constant_literal(parity));
    if (operands_.size() == 1) return folded(operands_.front() ^ parity);
    sort_by_level(operands_);
    const Literal sum = combine_shallowest_first(
        operands_, [&](Literal a, Literal b) { return rebuilt_xor(a, b); });
    return sum ^ parity;
  }

  /// The region of `root` rebuilt AND by AND as it was in the original
  /// (the guard for a balanced tree that came out deeper; never expected).
  Literal rebuild_as_built(NodeIndex root) {
    std::vector<NodeIndex> inner{root};
    for (std::size_t i = 0; i < inner.size(); ++i) {
      for (Literal fanin : {aig_.fanin0(inner[i]), aig_.fanin1(inner[i])}) {
        if ((flags_[fanin.node()] & absorbed_flag) != 0) inner.push_back(fanin.node());
      }
    }
    std::sort(inner.begin(), inner.end());
    for (NodeIndex node : inner) {
      images_[node] =
          copied_and(mapped(aig_.fanin0(node)), mapped(aig_.fanin1(node)), true, node, true, true)
              .code;
    }
    return Literal{images_[root]};
  }

  /// The copy of `original`, an AND of the original, over its fan-ins'
  /// images (a, b). Until two nodes of the original share an image with no
  /// table to tell (hash_every_node_ unset), a and b are distinct, not
  /// complementary and not constant, and no other copy has them (the
  /// original is structurally hashed), so the node is appended without a
  /// lookup. A rebuilt node may have them only if both fan-ins may be
  /// operands of a rebuilt tree, and another copy only if a fan-in carries
  /// coincident_flag (`tracked`); then the tables are asked first. The
  /// copy joins candidates_ when a later tree may rebuild it (`candidate`),
  /// else coincident_users_ when `coincident`.
  Literal copied_and(Literal a, Literal b, bool tracked, NodeIndex original, bool candidate,
                     bool coincident) {
    if (hash_every_node_) return result_.create_and(a, b);
    if (a.code > b.code) std::swap(a, b);
    if (a.is_constant() || a.node() == b.node()) [[unlikely]] {
      // Only when `aig` was not structurally hashed.
      hash_every_node_from_here();
      nodes_may_dangle_ = true;
      return result_.create_and(a, b);
    }
    if (!tracked) return result_.append_unique_and(a, b);
    if (CandidateEntry* entry = find_entry(a, b)) {
      const NodeIndex node = entry->node;
      claim_image(*entry, original);
      return Literal::of(node);
    }
    const Literal node = result_.append_unique_and(a, b);
    if (candidate) {
      candidates_.insert(a, b, CandidateEntry{node.node(), original});
    } else if (coincident) {
      coincident_users_.insert(a, b, CandidateEntry{node.node(), original});
    }
    return node;
  }

  /// The entry of the AND with fan-ins (a, b), a.code < b.code, in either
  /// table, or nullptr.
  CandidateEntry* find_entry(Literal a, Literal b) {
    if (CandidateEntry* entry = candidates_.find(a, b)) return entry;
    return coincident_users_.find(a, b);
  }

  /// Switches to making every later node by create_and. Its hash table is
  /// built once, from the nodes made so far, with room for all the nodes
  /// still to come, so it never grows.
  void hash_every_node_from_here() {
    if (hash_every_node_) return;
    hash_every_node_ = true;
    result_.reserve(aig_.node_count() - current_node_);
  }

  /// The table entry for the node of `literal`, or nullptr.
  CandidateEntry* table_entry(Literal literal) {
    if (!result_.is_and(literal.node())) return nullptr;
    return find_entry(result_.fanin0(literal.node()), result_.fanin1(literal.node()));
  }

  /// Records that a table entry's node becomes the image of `claimant`, a
  /// node of the original. If it stood for another one already, the two
  /// now share an image: both are marked coincident_flag, so that every
  /// later AND over either is looked up, and the ANDs already made over
  /// the earlier one are entered in coincident_users_ (found by a scan of
  /// the nodes since it). Should the scans grow long, every later node is
  /// hashed instead.
  void claim_image(CandidateEntry& entry, NodeIndex claimant) {
    if (entry.owner == 0) {
      entry.owner = claimant;
      return;
    }
    if (hash_every_node_) return;
    const NodeIndex owner = entry.owner;
    flags_[claimant] |= coincident_flag;
    if ((flags_[owner] & coincident_flag) != 0) return;  // its users are entered already
    flags_[owner] |= coincident_flag;
    scanned_nodes_ += current_node_ - owner;
    if (scanned_nodes_ > aig_.node_count() / 8 + 4096) {
      hash_every_node_from_here();
      return;
    }
    for (NodeIndex user = owner + 1; user < current_node_; ++user) {
      if ((flags_[user] & use_count_mask) == 0 || (flags_[user] & rebuilt_flag) != 0 ||
          !aig_.is_and(user))
        continue;
      if (aig_.fanin0(user).node() != owner && aig_.fanin1(user).node() != owner) continue;
      const Literal image{images_[user]};
      if (!result_.is_and(image.node())) continue;
      const Literal a = result_.fanin0(image.node());
      const Literal b = result_.fanin1(image.node());
      if (find_entry(a, b) == nullptr)
        coincident_users_.insert(a, b, CandidateEntry{image.node(), user});
    }
  }

  Aig build(BalanceStatistics& statistics) {
    // The levels are not needed any more: each node's image replaces its
    // level (a node's fan-ins and leaves come before it).
    auto region = regions_.rbegin();
    for (NodeIndex node = 1; node < aig_.node_count(); ++node) {
      current_node_ = node;
      if (aig_.is_input(node)) {
        images_[node] = result_.create_input(aig_.input_name(aig_.input_position(node))).code;
        continue;
      }
      const std::uint8_t flags = flags_[node];
      if ((flags & use_count_mask) == 0) continue;
      const bool is_region = region != regions_.rend() && region->root == node;
      if ((flags & rebuilt_flag) == 0) {
        const Literal fanin0 = aig_.fanin0(node);
        const Literal fanin1 = aig_.fanin1(node);
        const std::uint8_t flags0 = flags_[fanin0.node()];
        const std::uint8_t flags1 = flags_[fanin1.node()];
        // Both fan-ins may be operands of trees up to `common`: a tree
        // rebuilt before this node may have made this AND already, one
        // rebuilt after it may make it again.
        const std::uint32_t common =
            (flags0 & flags1 & tree_operand_flag) == 0
                ? 0
                : std::min(last_tree_[fanin0.node()], last_tree_[fanin1.node()]);
        const bool coincident = ((flags0 | flags1) & coincident_flag) != 0;
        images_[node] = copied_and(mapped(fanin0), mapped(fanin1), common != 0 || coincident, node,
                                   common > node, coincident)
                            .code;
        if (common > last_tree(node)) set_last_tree(node, common);
      } else if (is_region) {
        Literal rebuilt = region->is_xor ? rebuild_xor_tree(*region) : rebuild_and_tree(*region);
        if (result_.level(rebuilt) > aig_.level(node)) {
          rebuilt = rebuild_as_built(node);
          ++statistics.kept_as_built;
          nodes_may_dangle_ = true;  // the balanced tree's nodes
        } else if (CandidateEntry* entry = hash_every_node_ ? nullptr : table_entry(rebuilt)) {
          claim_image(*entry, node);
        }
        images_[node] = rebuilt.code;
        // Its image may be an operand of a later tree over all its leaves.
        std::uint32_t common = ~std::uint32_t{0};
        for (std::uint32_t i = 0; i < region->leaf_count; ++i)
          common = std::min(common, last_tree(leaves_[region->leaf_begin + i].node()));
        if (common > last_tree(node)) set_last_tree(node, common);
      }
      if (is_region) ++region;
      // Every leaf is no deeper than in the original (by induction), so
      // neither is the tree as built over them, nor its balanced form.
      RNNCC_ASSERT((flags & root_flag) == 0 ||
                   result_.level(mapped(Literal::of(node))) <= aig_.level(node));
    }
    for (std::uint32_t i = 0; i < aig_.output_count(); ++i) {
      result_.create_output(mapped(aig_.output(i)), aig_.output_name(i));
    }
    result_.comments() = aig_.comments();
    if (nodes_may_dangle_) result_.remove_dangling_in_place();
    return std::move(result_);
  }

  const Aig& aig_;
  ZeroedPageBuffer flag_buffer_, value_buffer_, tree_buffer_;
  std::uint8_t* flags_ = nullptr;
  std::uint64_t reachable_ands_ = 0;
  std::vector<Region> regions_;
  std::vector<Literal> leaves_;
  /// Per node: its level in the result while choosing, then (same array)
  /// its image's code.
  std::uint32_t* levels_ = nullptr;
  std::uint32_t* images_ = nullptr;
  /// Per node: the last rebuilt tree (by root) it may be an operand of, as
  /// a leaf or as a node its balanced form may meet; 0 for none.
  std::uint32_t* last_tree_ = nullptr;
  std::vector<std::uint32_t> leaf_levels_, combined_levels_;
  std::vector<Literal> sorted_leaves_, operands_, combined_;
  std::vector<NodeIndex> stack_;
  /// Rebuilt nodes and the copies a rebuilt node could coincide with.
  CandidateTable candidates_;
  /// Other copies over nodes of the original that share an image.
  CandidateTable coincident_users_;
  /// Nodes scanned for the users of nodes that came to share an image.
  std::uint64_t scanned_nodes_ = 0;
  /// Set once two nodes of the original may share an image (a tree folded
  /// to a constant or a leaf, or a copy met a rebuilt node that already
  /// stood for another): from then on every node is made by create_and,
  /// whose structural hashing merges whatever coincides. Rare.
  bool hash_every_node_ = false;
  /// The node of the original being made (while building).
  NodeIndex current_node_ = 0;
  /// Set when some node may have lost its last user (a folded tree's
  /// dropped leaves, a balanced tree made and then not used).
  bool nodes_may_dangle_ = false;
  Aig result_;
};

}  // namespace

Aig balance(const Aig& aig, BalanceStatistics* statistics) {
  BalanceStatistics ignored;
  return Balancer(aig).run(statistics != nullptr ? *statistics : ignored);
}

}  // namespace rnncc::logic
