// Private: the table that finds an existing AND node by its fan-ins.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "rnncc/logic/literal.hpp"

namespace rnncc::logic {

/// Open-addressing set of AND node indices keyed by their (fanin0, fanin1)
/// pair. Slots hold only node indices (0 = empty); keys are read back from
/// the node arrays, so the table costs 4 bytes per slot.
class StructuralHashTable {
 public:
  /// Returns the node with fan-ins (a, b), or 0 when there is none.
  /// `fanin0` and `fanin1` are the Aig's fan-in arrays.
  NodeIndex find(std::uint32_t a, std::uint32_t b, const std::uint32_t* fanin0,
                 const std::uint32_t* fanin1) const;
  /// Inserts `node` whose fan-ins are (a, b); the key must not be present.
  void insert(NodeIndex node, std::uint32_t a, std::uint32_t b, const std::uint32_t* fanin0,
              const std::uint32_t* fanin1);
  /// Ensures `entry_count` entries fit without growing.
  void reserve(std::size_t entry_count, const std::uint32_t* fanin0, const std::uint32_t* fanin1);
  std::size_t memory_bytes() const { return slots_.capacity() * sizeof(std::uint32_t); }

 private:
  static std::uint64_t hash(std::uint32_t a, std::uint32_t b) {
    std::uint64_t key = (std::uint64_t{a} << 32) | b;
    key ^= key >> 29;
    key *= 0xbf58476d1ce4e5b9ULL;
    key ^= key >> 32;
    return key;
  }
  std::size_t slot_of(std::uint64_t hash_value) const { return hash_value & (slots_.size() - 1); }
  void rehash(std::size_t slot_count, const std::uint32_t* fanin0, const std::uint32_t* fanin1);

  std::vector<NodeIndex> slots_;
  std::size_t entry_count_ = 0;
};

}  // namespace rnncc::logic
