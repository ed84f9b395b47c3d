// Private: the table that finds an existing AND node by its fan-ins.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <vector>

#include "rnncc/hash.hpp"
#include "rnncc/logic/node_store.hpp"
#include "zeroed_page_buffer.hpp"

namespace rnncc::logic {

/// The set of AND nodes keyed by their (fanin0, fanin1) pair, in three parts
/// that keep the common cases out of main memory:
///
/// - a Robin Hood open-addressing table of node indices (the "main table").
///   Keys are read back from the node records. Slots are packed bit
///   fields: 24 bits while node indices fit in 20 bits, 28 bits up to 24-bit
///   indices, 32 beyond. A slot holds the node index in its low
///   `index_bits_` bits and, in the (at least 4) bits left over, the entry's
///   distance from its home slot (saturating), so probes rarely read node
///   records. The load limit depends on the width: 60% with 24-bit slots
///   (small tables, where shorter probes pay more than the memory costs),
///   90% with 28-bit ones (tables reserved for up to 2^24 nodes, so that a
///   circuit of 10^7 nodes stays within 16 bytes per node), 85% with 32-bit
///   ones: 5, 3.9 and 4.7 bytes per node.
/// - a small index of the most recent nodes (up to 32,768), not yet in the
///   main table. It lives in cache; when full, its nodes move to the main
///   table in one pass that prefetches their slots ahead of use.
/// - a Bloom filter (at most 512 KiB) over the main table's keys (not the
///   recent ones, which the recent index answers for), so that
///   most lookups of a key that does not exist never touch the main table.
class StructuralHashTable {
 public:
  StructuralHashTable();

  /// The node with fan-ins (a, b), or 0 when there is none.
  NodeIndex find(std::uint32_t a, std::uint32_t b, const NodeStore& nodes) const;
  /// Adds `node` (the newest node, with fan-ins (a, b), not present).
  void insert(NodeIndex node, std::uint32_t a, std::uint32_t b, const NodeStore& nodes);
  /// True when one more entry would exceed the main table's load limit.
  bool full() const { return (entry_count_ + 1) * 20 > slot_count_ * max_load_twentieths_; }
  /// True when a slot can hold `node`; otherwise grow first.
  bool holds(NodeIndex node) const { return (std::uint64_t{node} >> index_bits_) == 0; }
  /// Makes room for `entry_count` entries over node indices below
  /// `node_index_limit` without further growth, in the compact layout (a
  /// reserved size is a final size, where memory counts most).
  void reserve(std::size_t entry_count, std::uint64_t node_index_limit, const NodeStore& nodes);
  /// Doubles (or takes a minimum size) so that node indices below
  /// `node_index_limit` fit, and reinserts every entry.
  void grow(std::uint64_t node_index_limit, const NodeStore& nodes);
  /// Forgets every entry and frees the slots (a later reserve or grow
  /// rebuilds from the node store).
  void release();
  /// Rebuilds from scratch with room for `entry_count` entries.
  void rebuild_for(std::size_t entry_count, std::uint64_t node_index_limit, const NodeStore& nodes);
  std::size_t memory_bytes() const {
    return bytes_.capacity() + filter_.capacity() * sizeof(std::uint64_t) + sizeof recent_slots_;
  }

 private:
  static constexpr std::size_t recent_capacity = 32768;
  static constexpr std::size_t recent_slot_count = 2 * recent_capacity;

  /// Slot width for node indices of `index_bits` bits: 24 bits up to 20-bit
  /// indices; then 28 bits (at least 4 distance bits) up to 24-bit indices
  /// when `compact`, else 32 bits (at least 8), whose longer distance codes
  /// spare node-record reads.
  static std::size_t slot_bits_for(unsigned index_bits, bool compact) {
    return index_bits <= 20 ? 24 : compact && index_bits <= 24 ? 28 : 32;
  }
  /// Load limit in twentieths (see the class comment).
  static std::size_t max_load_twentieths_for(std::size_t slot_bits) {
    return slot_bits == 28 ? 18 : slot_bits == 24 ? 12 : 17;
  }
  /// Slots for `entry_count` entries over node indices below `node_index_limit`.
  std::size_t slots_for(std::size_t entry_count, std::uint64_t node_index_limit,
                        bool compact) const;

  static std::uint64_t hash(std::uint32_t a, std::uint32_t b) {
    return mix_bits((std::uint64_t{a} << 32) | b);
  }
  /// The main-table home slot of a key with hash `hash_value`.
  std::size_t home_of_hash(std::uint64_t hash_value) const {
    __extension__ using Wide = unsigned __int128;
    return static_cast<std::size_t>((static_cast<Wide>(hash_value) * slot_count_) >> 64);
  }
  std::size_t home(std::uint32_t a, std::uint32_t b) const { return home_of_hash(hash(a, b)); }
  /// First byte of `slot`'s bit field.
  const std::uint8_t* slot_address(std::size_t slot) const {
    return bytes_.data() + ((slot * slot_bits_) >> 3);
  }
  std::uint32_t load(std::size_t slot) const {
    std::uint64_t word;
    std::memcpy(&word, slot_address(slot), sizeof word);
    return static_cast<std::uint32_t>(word >> ((slot * slot_bits_) & 7)) & slot_mask_;
  }
  void store(std::size_t slot, std::uint32_t value) {
    std::uint8_t* place = bytes_.data() + ((slot * slot_bits_) >> 3);
    const unsigned shift = (slot * slot_bits_) & 7;
    std::uint64_t word;
    std::memcpy(&word, place, sizeof word);
    word = (word & ~(std::uint64_t{slot_mask_} << shift)) | (std::uint64_t{value} << shift);
    std::memcpy(place, &word, sizeof word);
  }
  NodeIndex node_of(std::uint32_t value) const { return value & index_mask_; }
  std::uint32_t pack(NodeIndex node, std::uint64_t distance) const {
    std::uint64_t code = distance < max_distance_code_ ? distance : max_distance_code_;
    return node | static_cast<std::uint32_t>(code << index_bits_);
  }
  /// Distance of the resident `value` in `slot` from its home, from its
  /// code when exact, else from its key.
  std::uint64_t resident_distance(std::size_t slot, std::uint32_t value,
                                  const NodeStore& nodes) const {
    std::uint64_t code = value >> index_bits_;
    if (code < max_distance_code_) return code;
    const NodeRecord& record = nodes[node_of(value)];
    std::size_t home_slot = home(record.fanin0, record.fanin1);
    return slot >= home_slot ? slot - home_slot : slot + slot_count_ - home_slot;
  }
  std::size_t next(std::size_t slot) const { return slot + 1 == slot_count_ ? 0 : slot + 1; }

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

  NodeIndex find_in_main_table(std::uint32_t a, std::uint32_t b, std::uint64_t hash_value,
                               const NodeStore& nodes) const;
  /// Adds `node`, known absent, to the main table.
  void insert_in_main_table(NodeIndex node, std::uint64_t hash_value, const NodeStore& nodes);
  /// Moves the AND nodes from first_recent_ up to (not including) `end`
  /// into the main table (and its filter), starts an empty recent index at
  /// `end`, and returns how many it moved.
  std::size_t flush_recent(NodeIndex end, const NodeStore& nodes);
  void clear_recent(NodeIndex first_recent);
  void rebuild(std::size_t slot_count, std::uint64_t node_index_limit, bool compact,
               const NodeStore& nodes);

  // Main table.
  ZeroedPageBuffer bytes_;  // slot_count_ * slot_bits_ bits + 8 bytes of padding
  std::size_t slot_count_ = 0;
  std::size_t slot_bits_ = 24;
  std::size_t max_load_twentieths_ = 17;
  unsigned index_bits_ = 0;
  std::uint32_t slot_mask_ = 0;
  std::uint32_t index_mask_ = 0;
  std::uint64_t max_distance_code_ = 0;
  std::size_t entry_count_ = 0;  // main table and recent nodes together
  std::vector<std::uint64_t> filter_;
  // Recent nodes: indices first_recent_ + offset, found through a linear-
  // probing index of 16-bit offsets (0 = empty, else offset + 1).
  NodeIndex first_recent_ = 1;
  std::size_t recent_count_ = 0;
  std::array<std::uint16_t, recent_slot_count> recent_slots_{};
};

}  // namespace rnncc::logic
