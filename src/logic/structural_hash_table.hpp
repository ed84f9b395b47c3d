// Private: the table that finds an existing AND node by its fan-ins.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "node_index_table.hpp"
#include "recent_node_index.hpp"
#include "rnncc/logic/node_store.hpp"

namespace rnncc::logic {

/// The set of AND nodes keyed by their (fanin0, fanin1) pair, in three parts
/// that keep the common cases out of main memory:
///
/// - the main tables (NodeIndexTable): one while the circuit is small or
///   its size was reserved; beyond 2^21 nodes of a growing circuit, one
///   per region of 2^20 node indices, holding the ANDs whose newer fan-in
///   lies in the region. An AND is nearly always made soon after its newer
///   fan-in, so insertions land in the few regions that are in cache,
///   and a full region's table resizes alone from its own slots instead
///   of one table of gigabytes re-inserting every AND.
/// - a small index of the most recent nodes (up to 32,768; RecentNodeIndex,
///   which starts at 128 and grows with the circuit),
///   not yet in a main table. It lives in cache and compares eight hash
///   tags at once; when full, its nodes move to the main tables in one pass
///   that prefetches their slots ahead of use.
/// - a Bloom filter (at most 512 KiB) over the main tables' keys (not the
///   recent ones, which the recent index answers for), so that
///   most lookups of a key that does not exist never touch a main table.
class StructuralHashTable {
 public:
  StructuralHashTable();

  /// The hash of the fan-in pair (a, b) that find and insert take.
  static std::uint64_t hash(std::uint32_t a, std::uint32_t b) { return fanin_hash(a, b); }
  /// The node with fan-ins (a, b), a <= b, whose hash is `hash_value`, or 0
  /// when there is none.
  NodeIndex find(std::uint32_t a, std::uint32_t b, std::uint64_t hash_value,
                 const NodeStore& nodes) const;
  /// Adds `node` (the newest node, not present, whose fan-ins hash to
  /// `hash_value`). A
  /// single table must have room (see needs_growth); region tables are
  /// made and resized here as their entries arrive.
  void insert(NodeIndex node, std::uint64_t hash_value, const NodeStore& nodes);
  /// True when the tables must grow (grow) before the AND `next_node` is
  /// made: a single table that would pass its load limit or cannot hold
  /// the index.
  bool needs_growth(NodeIndex next_node) const;
  /// Grows the single table before the AND `next_node`: quadruples it up
  /// to 2^20 slots and doubles it beyond (or widens its slots), and
  /// reinserts every node from the node store; or, from 2^21 nodes on,
  /// splits it into region tables.
  void grow(NodeIndex next_node, const NodeStore& nodes);
  /// Makes room for `entry_count` entries over node indices below
  /// `node_index_limit` without further growth, in one table of the compact
  /// layout (a reserved size is a final size, where memory counts most).
  /// Region tables, once made, stay and grow on demand instead.
  void reserve(std::size_t entry_count, std::uint64_t node_index_limit, const NodeStore& nodes);
  /// Forgets every entry and frees the tables.
  void release();
  /// Rebuilds from the node store (every AND in it) with room for
  /// `entry_count` entries.
  void rebuild_for(std::size_t entry_count, std::uint64_t node_index_limit, const NodeStore& nodes);
  std::size_t memory_bytes() const;

 private:
  bool regioned() const { return region_bits_ != 0; }
  /// The main table of ANDs whose newer fan-in is the literal `b`.
  std::size_t table_of(std::uint32_t b) const { return regioned() ? (b >> 1) >> region_bits_ : 0; }

  // Bloom filter: two bits of one 64-bit word per key.
  std::uint64_t filter_mask(std::uint64_t hash_value) const {
    return (std::uint64_t{1} << (hash_value & 63)) | (std::uint64_t{1} << ((hash_value >> 6) & 63));
  }
  std::size_t filter_word(std::uint64_t hash_value) const {
    return static_cast<std::size_t>(hash_value >> 12) & (filter_.size() - 1);
  }
  bool may_be_in_main_table(std::uint64_t hash_value) const {
    std::uint64_t mask = filter_mask(hash_value);
    return (filter_[filter_word(hash_value)] & mask) == mask;
  }
  void add_to_filter(std::uint64_t hash_value) {
    filter_[filter_word(hash_value)] |= filter_mask(hash_value);
  }
  /// Empties the filter and sizes it for `slot_count` main-table slots.
  void reset_filter(std::size_t slot_count);

  /// Moves the AND nodes from first_recent_ up to (not including) `end`
  /// into the main tables (and the filter) and starts an empty recent index
  /// at `end`.
  void flush_recent(NodeIndex end, const NodeStore& nodes);
  /// flush_recent's pass, for a single table or for region tables.
  template <bool into_regions>
  void move_recent_to_main_tables(NodeIndex end, const NodeStore& nodes);
  void clear_recent(NodeIndex first_recent);
  /// Before inserting `node` into a full recent index, or one whose offsets
  /// cannot reach `node`: grows the index while it may, else flushes it.
  void make_recent_room(NodeIndex node, const NodeStore& nodes);
  /// Makes room in region table `table` for one more entry and node
  /// `node`: makes the table, or resizes it from its own slots when full
  /// or when its slots cannot hold the index.
  void make_room(std::size_t table, NodeIndex node, const NodeStore& nodes);
  /// Moves every entry of the single table into region tables.
  void split_into_regions(NodeIndex node, const NodeStore& nodes);
  /// Rebuilds every table from the node store: one table of `slot_count`
  /// slots, every node reinserted.
  void rebuild_single(std::size_t slot_count, std::uint64_t node_index_limit, SlotLayout layout,
                      const NodeStore& nodes);

  std::vector<NodeIndexTable> tables_;  // one, or one per region
  unsigned region_bits_ = 0;            // node index bits per region; 0 while single
  std::vector<std::uint64_t> filter_;
  // Recent nodes: indices first_recent_ + offset.
  NodeIndex first_recent_ = 1;
  RecentNodeIndex recent_;
};

// Inline, since Aig::create_and calls them for every AND.

inline NodeIndex StructuralHashTable::find(std::uint32_t a, std::uint32_t b,
                                           std::uint64_t hash_value, const NodeStore& nodes) const {
  if (const NodeIndex node = recent_.find(a, b, hash_value, first_recent_, nodes); node != 0) {
    return node;
  }
  // An AND is created after its fan-ins: with a fan-in among the recent
  // nodes (b >= a, so b's node is the newer), the AND can only be recent.
  if ((b >> 1) >= first_recent_ && recent_.size() > 0) return 0;
  if (!may_be_in_main_table(hash_value)) return 0;
  const std::size_t table = table_of(b);
  if (table >= tables_.size()) return 0;
  return tables_[table].find(a, b, hash_value, nodes);
}

inline void StructuralHashTable::insert(NodeIndex node, std::uint64_t hash_value,
                                        const NodeStore& nodes) {
  if (recent_.size() == 0) {
    first_recent_ = node;  // the index is empty already
  } else if (recent_.full() || node - first_recent_ >= RecentNodeIndex::offset_limit) {
    make_recent_room(node, nodes);
  }
  recent_.insert(node - first_recent_, hash_value);
}

inline bool StructuralHashTable::needs_growth(NodeIndex next_node) const {
  if (regioned()) return false;  // region tables grow as their entries arrive
  const NodeIndexTable& single = tables_[0];
  return single.entry_count() + recent_.size() + 1 > single.capacity() || !single.holds(next_node);
}

}  // namespace rnncc::logic
