// Private: the index of a structural hash table's most recent AND nodes.
#pragma once

#include <algorithm>
#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "node_index_table.hpp"
#include "rnncc/logic/node_store.hpp"

namespace rnncc::logic {

/// A hash index of up to `maximum_capacity` recent AND nodes, each held as
/// its offset (below `offset_limit`) from a base node index the caller
/// keeps. Entries sit in buckets of eight, each entry with a tag of seven
/// hash bits; a bucket's eight tags are one 64-bit word and are compared at
/// once, so a lookup of a key that is absent (the common case) reads one
/// word and takes no hard-to-predict branch, and an insertion takes the
/// bucket's first free entry. A full bucket overflows into the next one.
/// The index starts small (a circuit of a few gates costs a few hundred
/// bytes, not the 192 KiB of the largest index) and grows fourfold, up to
/// `maximum_capacity`, when its owner asks (grow); clear keeps its size.
class RecentNodeIndex {
 public:
  static constexpr std::size_t maximum_capacity = 32768;
  static constexpr std::size_t initial_capacity = 128;
  /// Offsets are below this limit.
  static constexpr std::uint32_t offset_limit = 0xffff;
  /// Entries per bucket. There are twice as many entries as the capacity,
  /// so buckets stay at most half full; a hash's low bits choose its bucket.
  static constexpr std::size_t lanes = 8;

  RecentNodeIndex() { resize(initial_capacity); }

  /// The node with fan-ins (a, b) and hash `hash_value` among the entries,
  /// or 0 when there is none.
  NodeIndex find(std::uint32_t a, std::uint32_t b, std::uint64_t hash_value, NodeIndex base,
                 const NodeStore& nodes) const {
    const std::uint64_t wanted = tag_of(hash_value) * lane_low_bits;
    for (std::size_t bucket = bucket_of(hash_value);; bucket = (bucket + 1) & bucket_mask_) {
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
  /// to `hash_value`; needs size() < capacity().
  void insert(std::uint32_t offset, std::uint64_t hash_value) {
    for (std::size_t bucket = bucket_of(hash_value);; bucket = (bucket + 1) & bucket_mask_) {
      const std::uint64_t free_lanes = ~tags_[bucket] & lane_high_bits;
      if (free_lanes == 0) continue;
      const unsigned lane = static_cast<unsigned>(std::countr_zero(free_lanes)) / 8;
      tags_[bucket] |= tag_of(hash_value) << (8 * lane);
      offsets_[bucket][lane] = static_cast<std::uint16_t>(offset);
      ++size_;
      return;
    }
  }
  /// Quadruples the capacity (up to maximum_capacity), keeping every entry:
  /// each is rehashed from its node record (node `base + offset` in
  /// `nodes`). Needs capacity() < maximum_capacity.
  void grow(NodeIndex base, const NodeStore& nodes) {
    std::vector<std::uint64_t> old_tags = std::move(tags_);
    std::vector<std::array<std::uint16_t, lanes>> old_offsets = std::move(offsets_);
    resize(std::min(maximum_capacity, 4 * capacity_));
    for (std::size_t bucket = 0; bucket < old_tags.size(); ++bucket) {
      for (std::size_t lane = 0; lane < lanes; ++lane) {
        if (((old_tags[bucket] >> (8 * lane)) & 0x80) == 0) continue;
        const std::uint16_t offset = old_offsets[bucket][lane];
        const NodeRecord& record = nodes[base + offset];
        insert(offset, fanin_hash(record.fanin0, record.fanin1));
      }
    }
  }
  /// Forgets every entry (the capacity stays).
  void clear() {
    std::fill(tags_.begin(), tags_.end(), 0);
    size_ = 0;
  }
  /// Forgets every entry and returns to the initial capacity.
  void shrink() { resize(initial_capacity); }

  std::size_t size() const { return size_; }
  std::size_t capacity() const { return capacity_; }
  bool full() const { return size_ == capacity_; }
  /// Bucket count - 1 (the bucket count is a power of two).
  std::size_t bucket_mask() const { return bucket_mask_; }
  std::size_t memory_bytes() const {
    return tags_.capacity() * sizeof(std::uint64_t) +
           offsets_.capacity() * sizeof(std::array<std::uint16_t, lanes>);
  }

 private:
  static constexpr std::uint64_t lane_low_bits = 0x0101010101010101;
  static constexpr std::uint64_t lane_high_bits = 0x8080808080808080;

  /// Empties the index and sizes it for `capacity` entries.
  void resize(std::size_t capacity) {
    const std::size_t bucket_count = 2 * capacity / lanes;
    tags_.assign(bucket_count, 0);
    offsets_.resize(bucket_count);
    bucket_mask_ = bucket_count - 1;
    capacity_ = capacity;
    size_ = 0;
  }
  std::size_t bucket_of(std::uint64_t hash_value) const {
    return static_cast<std::size_t>(hash_value) & bucket_mask_;
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

  std::vector<std::uint64_t> tags_;
  // An entry's offset is written before its tag marks it used, and read
  // only then.
  std::vector<std::array<std::uint16_t, lanes>> offsets_;
  std::size_t bucket_mask_ = 0;
  std::size_t capacity_ = 0;
  std::size_t size_ = 0;
};

}  // namespace rnncc::logic
