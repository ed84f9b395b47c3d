// Private: the index of a structural hash table's most recent AND nodes.
#pragma once

#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>

#include "rnncc/logic/node_store.hpp"

namespace rnncc::logic {

/// A hash index of up to `capacity` recent AND nodes, each held as its
/// offset (below `offset_limit`) from a base node index the caller keeps.
/// Entries sit in buckets of eight, each entry with a tag of seven hash
/// bits; a bucket's eight tags are one 64-bit word and are compared at
/// once, so a lookup of a key that is absent (the common case) reads one
/// word and takes no hard-to-predict branch, and an insertion takes the
/// bucket's first free entry. A full bucket overflows into the next one.
class RecentNodeIndex {
 public:
  static constexpr std::size_t capacity = 32768;
  /// Offsets are below this limit.
  static constexpr std::uint32_t offset_limit = 0xffff;
  /// Entries per bucket, and buckets: twice as many entries as the
  /// capacity, so buckets stay at most half full. A hash's low bits choose
  /// its bucket.
  static constexpr std::size_t lanes = 8;
  static constexpr std::size_t bucket_count = 2 * capacity / lanes;

  /// The node with fan-ins (a, b) and hash `hash_value` among the entries,
  /// or 0 when there is none.
  NodeIndex find(std::uint32_t a, std::uint32_t b, std::uint64_t hash_value, NodeIndex base,
                 const NodeStore& nodes) const {
    const std::uint64_t wanted = tag_of(hash_value) * lane_low_bits;
    for (std::size_t bucket = bucket_of(hash_value);; bucket = (bucket + 1) & (bucket_count - 1)) {
      const std::uint64_t tags = tags_[bucket];
      for (std::uint64_t matches = zero_lanes(tags ^ wanted); matches != 0;
           matches &= matches - 1) {
        const NodeIndex node = base + offsets_[bucket][std::countr_zero(matches) / 8];
        const NodeRecord& record = nodes[node];
        if (record.fanin0 == a && record.fanin1 == b) return node;
      }
      // Insertions fill a bucket before they overflow, so a bucket with a
      // free entry ends the search.
      if ((~tags & lane_high_bits) != 0) return 0;
    }
  }
  /// Adds the node at `offset` (< offset_limit, absent) whose fan-ins hash
  /// to `hash_value`; needs size() < capacity.
  void insert(std::uint32_t offset, std::uint64_t hash_value) {
    for (std::size_t bucket = bucket_of(hash_value);; bucket = (bucket + 1) & (bucket_count - 1)) {
      const std::uint64_t free_lanes = ~tags_[bucket] & lane_high_bits;
      if (free_lanes == 0) continue;
      const unsigned lane = static_cast<unsigned>(std::countr_zero(free_lanes)) / 8;
      tags_[bucket] |= tag_of(hash_value) << (8 * lane);
      offsets_[bucket][lane] = static_cast<std::uint16_t>(offset);
      ++size_;
      return;
    }
  }
  /// Forgets every entry.
  void clear() {
    tags_.fill(0);
    size_ = 0;
  }
  std::size_t size() const { return size_; }

 private:
  static constexpr std::uint64_t lane_low_bits = 0x0101010101010101;
  static constexpr std::uint64_t lane_high_bits = 0x8080808080808080;

  static std::size_t bucket_of(std::uint64_t hash_value) {
    return static_cast<std::size_t>(hash_value) & (bucket_count - 1);
  }
  /// A used entry's tag: seven high hash bits and the high bit set (a free
  /// entry's tag is 0).
  static std::uint64_t tag_of(std::uint64_t hash_value) { return (hash_value >> 57) | 0x80; }
  /// The high bit of every byte of `word` that is zero (exact: no carry
  /// crosses a byte).
  static std::uint64_t zero_lanes(std::uint64_t word) {
    const std::uint64_t low_seven = ~lane_high_bits;
    return ~(((word & low_seven) + low_seven) | word) & lane_high_bits;
  }

  std::array<std::uint64_t, bucket_count> tags_{};
  // Not zeroed (128 KiB a circuit): an entry's offset is written before
  // its tag marks it used, and read only then.
  std::array<std::array<std::uint16_t, lanes>, bucket_count> offsets_;
  std::size_t size_ = 0;
};

}  // namespace rnncc::logic
