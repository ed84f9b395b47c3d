// Private: the table that finds an existing AND node by its fan-ins.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <vector>

#include "rnncc/logic/node_store.hpp"

namespace rnncc::logic {

/// Robin Hood open-addressing set of AND node indices keyed by their
/// (nodes) pair. Slots hold only node indices (0 = empty), packed
/// into 3 bytes while node indices stay below 2^24 and 4 bytes beyond; keys
/// are read back from the Aig's node records. At most 85% of the slots are
/// used, so the table costs about 3.5 bytes per node when sized by reserve.
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
  bool holds(NodeIndex node) const { return slot_width_ == 4 || node < (NodeIndex{1} << 24); }
  /// Makes room for `entry_count` entries over node indices below
  /// `node_index_limit` without further growth.
  void reserve(std::size_t entry_count, std::uint64_t node_index_limit, const NodeStore& nodes);
  /// Grows by half (or to a minimum size) and reinserts every entry.
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
  NodeIndex load(std::size_t slot) const {
    std::uint32_t value;
    std::memcpy(&value, bytes_.data() + slot * slot_width_, sizeof value);
    return slot_width_ == 4 ? value : value & 0xffffffU;
  }
  void store(std::size_t slot, NodeIndex node) {
    std::memcpy(bytes_.data() + slot * slot_width_, &node, slot_width_);
  }
  std::size_t next(std::size_t slot) const { return slot + 1 == slot_count_ ? 0 : slot + 1; }
  std::uint64_t distance(std::size_t slot, std::size_t home_slot) const {
    return slot >= home_slot ? slot - home_slot : slot + slot_count_ - home_slot;
  }
  void rebuild(std::size_t slot_count, std::uint64_t node_index_limit, const NodeStore& nodes);

  std::vector<std::uint8_t> bytes_;  // slot_count_ * slot_width_ bytes + 1 of padding
  std::size_t slot_count_ = 0;
  std::size_t slot_width_ = 3;
  std::size_t entry_count_ = 0;
};

}  // namespace rnncc::logic
