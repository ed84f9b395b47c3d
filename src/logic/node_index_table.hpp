// Private: one Robin Hood table of AND node indices, keyed by the fan-ins
// read back from the node records.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>

#include "rnncc/common/hash.hpp"
#include "rnncc/logic/node_store.hpp"
#include "zeroed_page_buffer.hpp"

namespace rnncc::logic {

/// The hash of an AND's fan-in pair, shared by every part of the structural
/// hash table.
inline std::uint64_t fanin_hash(std::uint32_t a, std::uint32_t b) {
  return mix_bits((std::uint64_t{a} << 32) | b);
}

/// How a NodeIndexTable packs its slots beyond 20-bit node indices (see
/// NodeIndexTable).
enum class SlotLayout {
  compact,   ///< 28 bits up to 24-bit indices, then 32: for reserved, final sizes
  standard,  ///< 32 bits
  wide,      ///< 32 bits up to 24-bit indices, then 40: for tables of huge circuits
};

/// An open-addressing Robin Hood table of node indices. Keys are read back
/// from the node records. Slots are packed bit fields: 24 bits while node
/// indices fit in 20 bits; then 28 bits (compact layout, up to 24-bit
/// indices), 32 bits, or 40 bits (wide layout, beyond 24-bit indices). A
/// slot holds the node index in its low `index_bits_` bits and, in the bits
/// left over, the entry's distance from its home slot (saturating), so
/// probes rarely read node records. The load limit depends on the width:
/// 60% with 24-bit slots (small tables, where shorter probes pay more than
/// the memory costs), 90% with 28-bit ones (reserved tables, where memory
/// counts most), 85% with 32- and 40-bit ones: 5, 3.9, 4.7 and 5.9 bytes per
/// entry when full. Home slots grow with the hash (multiplicative range
/// reduction), so entries lie in hash order and a resize re-inserts them in
/// nearly sequential order.
class NodeIndexTable {
 public:
  /// Forgets every entry and takes `slot_count` empty slots for node
  /// indices below `node_index_limit` (at least the current limit).
  void reset(std::size_t slot_count, std::uint64_t node_index_limit, SlotLayout layout);
  /// Frees the slots.
  void release();
  /// Re-inserts every entry into `slot_count` new slots for node indices
  /// below `node_index_limit` (at least the current limit); the old slots
  /// are freed afterwards.
  void resize(std::size_t slot_count, std::uint64_t node_index_limit, SlotLayout layout,
              const NodeStore& nodes);

  /// Calls `visit(node, record, hash)` for every entry, in slot order.
  template <typename Visit>
  void for_each_entry(const NodeStore& nodes, Visit visit) const;

  /// The node with fan-ins (a, b) and hash `hash_value`, or 0.
  NodeIndex find(std::uint32_t a, std::uint32_t b, std::uint64_t hash_value,
                 const NodeStore& nodes) const;
  /// Adds `node` (absent) with hash `hash_value`; needs `!full()` and
  /// `holds(node)`.
  void insert(NodeIndex node, std::uint64_t hash_value, const NodeStore& nodes);
  /// Hints the cache that the slots `hash_value` would probe are wanted.
  void prefetch(std::uint64_t hash_value) const {
    const std::uint8_t* home_address = slot_address(home_of_hash(hash_value));
    __builtin_prefetch(home_address);
    // An insertion shifts entries up to the next empty slot, often in the
    // following cache line.
    __builtin_prefetch(home_address + 64);
  }

  /// True when one more entry would exceed the load limit.
  bool full() const { return entry_count_ + 1 > capacity_; }
  /// True when a slot can hold `node`.
  bool holds(NodeIndex node) const { return (std::uint64_t{node} >> index_bits_) == 0; }
  std::size_t entry_count() const { return entry_count_; }
  std::size_t slot_count() const { return slot_count_; }
  /// Entries the table takes before it is full.
  std::size_t capacity() const { return capacity_; }
  std::size_t memory_bytes() const { return bytes_.capacity(); }
  /// Slots for `entry_count` entries over node indices below
  /// `node_index_limit` at the layout's load limit.
  static std::size_t slots_for(std::size_t entry_count, std::uint64_t node_index_limit,
                               SlotLayout layout);

 private:
  static unsigned index_bits_for(std::uint64_t node_index_limit);
  static std::size_t slot_bits_for(unsigned index_bits, SlotLayout layout) {
    if (index_bits <= 20) return 24;
    if (index_bits <= 24) return layout == SlotLayout::compact ? 28 : 32;
    return layout == SlotLayout::wide ? 40 : 32;
  }
  /// Load limit in twentieths (see the class comment).
  static std::size_t max_load_twentieths_for(std::size_t slot_bits) {
    return slot_bits == 28 ? 18 : slot_bits == 24 ? 12 : 17;
  }

  std::size_t home_of_hash(std::uint64_t hash_value) const {
    __extension__ using Wide = unsigned __int128;
    return static_cast<std::size_t>((static_cast<Wide>(hash_value) * slot_count_) >> 64);
  }
  /// First byte of `slot`'s bit field.
  const std::uint8_t* slot_address(std::size_t slot) const {
    return bytes_.data() + ((slot * slot_bits_) >> 3);
  }
  std::uint64_t load(std::size_t slot) const {
    std::uint64_t word;
    std::memcpy(&word, slot_address(slot), sizeof word);
    return (word >> ((slot * slot_bits_) & 7)) & slot_mask_;
  }
  void store(std::size_t slot, std::uint64_t value) {
    std::uint8_t* place = bytes_.data() + ((slot * slot_bits_) >> 3);
    // Whole-byte slots are written with stores of their own width: a
    // read-modify-write of the 8 bytes around them would overlap the next
    // slot's load, which the CPU then cannot forward from the store buffer
    // (a stall on every step of a Robin Hood shift).
    if (slot_bits_ == 32 || slot_bits_ == 40) {
      const auto low = static_cast<std::uint32_t>(value);
      std::memcpy(place, &low, 4);
      if (slot_bits_ == 40) place[4] = static_cast<std::uint8_t>(value >> 32);
      return;
    }
    if (slot_bits_ == 24) {
      const auto low = static_cast<std::uint16_t>(value);
      std::memcpy(place, &low, 2);
      place[2] = static_cast<std::uint8_t>(value >> 16);
      return;
    }
    const unsigned shift = (slot * slot_bits_) & 7;
    std::uint64_t word;
    std::memcpy(&word, place, sizeof word);
    word = (word & ~(slot_mask_ << shift)) | (value << shift);
    std::memcpy(place, &word, sizeof word);
  }
  NodeIndex node_of(std::uint64_t value) const {
    return static_cast<NodeIndex>(value & index_mask_);
  }
  std::uint64_t pack(NodeIndex node, std::uint64_t distance) const {
    std::uint64_t code = distance < max_distance_code_ ? distance : max_distance_code_;
    return node | (code << index_bits_);
  }
  /// Distance of the resident `value` in `slot` from its home, from its
  /// code when exact, else from its key.
  std::uint64_t resident_distance(std::size_t slot, std::uint64_t value,
                                  const NodeStore& nodes) const {
    std::uint64_t code = value >> index_bits_;
    if (code < max_distance_code_) return code;
    const NodeRecord& record = nodes[node_of(value)];
    std::size_t home_slot = home_of_hash(fanin_hash(record.fanin0, record.fanin1));
    return slot >= home_slot ? slot - home_slot : slot + slot_count_ - home_slot;
  }
  std::size_t next(std::size_t slot) const { return slot + 1 == slot_count_ ? 0 : slot + 1; }

  ZeroedPageBuffer bytes_;  // slot_count_ * slot_bits_ bits + 8 bytes of padding
  std::size_t slot_count_ = 0;
  std::size_t slot_bits_ = 24;
  unsigned index_bits_ = 0;
  std::uint64_t slot_mask_ = 0;
  std::uint64_t index_mask_ = 0;
  std::uint64_t max_distance_code_ = 0;
  std::size_t entry_count_ = 0;
  std::size_t capacity_ = 0;  // entries before the load limit
};

template <typename Visit>
void NodeIndexTable::for_each_entry(const NodeStore& nodes, Visit visit) const {
  // Records are read a few entries ahead of their use.
  constexpr std::size_t lookahead = 8;
  for (std::size_t slot = 0; slot < slot_count_; ++slot) {
    if (slot + lookahead < slot_count_) {
      const std::uint64_t ahead = load(slot + lookahead);
      if (ahead != 0) __builtin_prefetch(&nodes[node_of(ahead)]);
    }
    const std::uint64_t value = load(slot);
    if (value == 0) continue;
    const NodeIndex node = node_of(value);
    const NodeRecord& record = nodes[node];
    visit(node, record, fanin_hash(record.fanin0, record.fanin1));
  }
}

inline void NodeIndexTable::insert(NodeIndex node, std::uint64_t hash_value,
                                   const NodeStore& nodes) {
  // Find the first slot whose resident is closer to home than the new key
  // would be there, then shift residents forward Robin Hood style.
  std::size_t slot = home_of_hash(hash_value);
  std::uint64_t carried_distance = 0;
  for (;;) {
    std::uint64_t value = load(slot);
    if (value == 0 || resident_distance(slot, value, nodes) < carried_distance) break;
    ++carried_distance;
    slot = next(slot);
  }
  ++entry_count_;
  NodeIndex carried = node;
  for (;;) {
    std::uint64_t value = load(slot);
    if (value == 0) {
      store(slot, pack(carried, carried_distance));
      return;
    }
    std::uint64_t resident = resident_distance(slot, value, nodes);
    if (resident < carried_distance) {
      store(slot, pack(carried, carried_distance));
      carried = node_of(value);
      carried_distance = resident;
    }
    slot = next(slot);
    ++carried_distance;
  }
}

}  // namespace rnncc::logic
