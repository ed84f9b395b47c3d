// Private: the table that finds an existing AND node by its fan-ins.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <vector>

#include "rnncc/logic/node_store.hpp"

namespace rnncc::logic {

/// Robin Hood open-addressing set of AND node indices keyed by their
/// (fanin0, fanin1) pair; keys are read back from the node records. A slot
/// is 3 bytes (4 once node indices need more than 24 bits) holding the node
/// index in its low `index_bits_` bits and, in the bits left over, the
/// entry's distance from its home slot (saturating). A known distance
/// spares the probe a read of the resident's node record; only residents
/// with the probe's own distance (same home) are compared by key. At most
/// 85% of the slots are used: about 3.5 bytes per node when sized by reserve.
class StructuralHashTable {
 public:
  /// Where a key was found, or where it would be inserted.
  struct Probe {
    NodeIndex found = 0;         ///< the existing node, 0 when absent
    std::size_t slot = 0;        ///< insertion slot when absent
    std::uint64_t distance = 0;  ///< its distance from the key's home slot
  };

  /// Looks up the key (a, b) given the Aig's node records.
  Probe find(std::uint32_t a, std::uint32_t b, const NodeStore& nodes) const;
  /// Inserts `node` at the place `probe` (from find, with no change in
  /// between) reported for it.
  void insert(const Probe& probe, NodeIndex node, const NodeStore& nodes);
  /// True when one more entry would exceed the load limit: call grow first.
  bool full() const { return (entry_count_ + 1) * 20 > slot_count_ * 17; }
  /// True when a slot can hold `node`; otherwise grow first.
  bool holds(NodeIndex node) const { return (std::uint64_t{node} >> index_bits_) == 0; }
  /// Makes room for `entry_count` entries over node indices below
  /// `node_index_limit` without further growth.
  void reserve(std::size_t entry_count, std::uint64_t node_index_limit, const NodeStore& nodes);
  /// Grows by half (or to a minimum size) so that node indices below
  /// `node_index_limit` fit, and reinserts every entry.
  void grow(std::uint64_t node_index_limit, const NodeStore& nodes);
  std::size_t memory_bytes() const { return bytes_.capacity(); }

 private:
  static std::uint64_t hash(std::uint32_t a, std::uint32_t b) {
    std::uint64_t key = (std::uint64_t{a} << 32) | b;
    key ^= key >> 31;
    key *= 0x9e3779b97f4a7c15ULL;
    key ^= key >> 29;
    key *= 0xbf58476d1ce4e5b9ULL;
    key ^= key >> 32;
    return key;
  }
  /// The key's home slot: the hash scaled onto [0, slot_count).
  std::size_t home(std::uint32_t a, std::uint32_t b) const {
    __extension__ using Wide = unsigned __int128;
    return static_cast<std::size_t>((static_cast<Wide>(hash(a, b)) * slot_count_) >> 64);
  }
  std::uint32_t load(std::size_t slot) const {
    std::uint32_t value;
    std::memcpy(&value, bytes_.data() + slot * slot_width_, sizeof value);
    return value & slot_mask_;
  }
  void store(std::size_t slot, std::uint32_t value) {
    std::memcpy(bytes_.data() + slot * slot_width_, &value, slot_width_);
  }
  NodeIndex node_of(std::uint32_t value) const { return value & index_mask_; }
  std::uint32_t pack(NodeIndex node, std::uint64_t distance) const {
    std::uint64_t code = distance < max_distance_code_ ? distance : max_distance_code_;
    return node | static_cast<std::uint32_t>(code << index_bits_);
  }
  /// Distance of the resident `value` in `slot`, from its code when it is
  /// exact, else from its key.
  std::uint64_t resident_distance(std::size_t slot, std::uint32_t value,
                                  const NodeStore& nodes) const {
    std::uint64_t code = value >> index_bits_;
    if (code < max_distance_code_) return code;
    const NodeRecord& record = nodes[node_of(value)];
    std::size_t home_slot = home(record.fanin0, record.fanin1);
    return slot >= home_slot ? slot - home_slot : slot + slot_count_ - home_slot;
  }
  std::size_t next(std::size_t slot) const { return slot + 1 == slot_count_ ? 0 : slot + 1; }
  /// Where a key known to be absent goes (no key comparisons).
  Probe place(std::uint32_t a, std::uint32_t b, const NodeStore& nodes) const;
  void rebuild(std::size_t slot_count, std::uint64_t node_index_limit, const NodeStore& nodes);

  std::vector<std::uint8_t> bytes_;  // slot_count_ * slot_width_ bytes + 1 of padding
  std::size_t slot_count_ = 0;
  std::size_t slot_width_ = 3;
  unsigned index_bits_ = 0;
  std::uint32_t slot_mask_ = 0;
  std::uint32_t index_mask_ = 0;
  std::uint64_t max_distance_code_ = 0;
  std::size_t entry_count_ = 0;
};

}  // namespace rnncc::logic
