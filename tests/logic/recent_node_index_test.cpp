// The recent-node index of the structural hash table (a private part of
// the library), against a std::map reference, with hash values chosen to
// force what random ones rarely do: many entries in one bucket (overflow
// into the following buckets, and past the last bucket to the first), and
// many entries with the same tag (where only the node record tells them
// apart).
#include <doctest/doctest.h>

#include <algorithm>
#include <bit>
#include <cstdint>
#include <map>
#include <random>
#include <utility>
#include <vector>

#include "recent_node_index.hpp"

using rnncc::logic::NodeIndex;
using rnncc::logic::NodeRecord;
using rnncc::logic::NodeStore;
using rnncc::logic::RecentNodeIndex;

namespace {

/// A node store whose node k (k >= 1) has the fan-ins (2k, 2k + 1).
NodeStore numbered_nodes(NodeIndex count) {
  NodeStore nodes;
  nodes.push_back(NodeRecord{0, 0, 0});
  for (NodeIndex node = 1; node < count; ++node)
    nodes.push_back(NodeRecord{2 * node, 2 * node + 1, 1});
  return nodes;
}

/// Checks every node in `hashes` (node -> hash) is found, and that keys
/// absent from the index (the same hashes with other fan-ins, and nodes
/// not inserted) are not.
void check_against(const RecentNodeIndex& index, const std::map<NodeIndex, std::uint64_t>& hashes,
                   NodeIndex base, const NodeStore& nodes) {
  for (const auto& [node, hash_value] : hashes) {
    const NodeRecord& record = nodes[node];
    CHECK(index.find(record.fanin0, record.fanin1, hash_value, base, nodes) == node);
    // Same hash, same tag, different key: must not match.
    CHECK(index.find(record.fanin0, record.fanin1 + 2, hash_value, base, nodes) == 0);
  }
}

}  // namespace

TEST_CASE("recent node index: one bucket's overflow runs through the following buckets") {
  const NodeIndex base = 100;
  const NodeStore nodes = numbered_nodes(base + 200);
  RecentNodeIndex index;
  const std::uint64_t bucket_mask = index.bucket_mask();
  std::map<NodeIndex, std::uint64_t> hashes;
  // 60 entries hashed to bucket 5 and 60 to the last bucket (which wraps
  // to bucket 0), with only four distinct tags among each 60.
  for (std::uint32_t offset = 0; offset < 120; ++offset) {
    const std::uint64_t bucket = offset < 60 ? 5 : bucket_mask;
    const std::uint64_t hash_value = (std::uint64_t{offset % 4} << 57) |
                                     (std::uint64_t{offset} << std::bit_width(bucket_mask)) |
                                     bucket;
    index.insert(offset, hash_value);
    hashes[base + offset] = hash_value;
  }
  CHECK(index.size() == 120);
  check_against(index, hashes, base, nodes);
  // A node that was never inserted, hashed into the crowded buckets.
  const NodeRecord& absent = nodes[base + 150];
  CHECK(index.find(absent.fanin0, absent.fanin1, 5, base, nodes) == 0);
  CHECK(index.find(absent.fanin0, absent.fanin1, bucket_mask, base, nodes) == 0);
  CHECK(index.find(absent.fanin0, absent.fanin1, 0, base, nodes) == 0);

  index.clear();
  CHECK(index.size() == 0);
  for (const auto& [node, hash_value] : hashes) {
    const NodeRecord& record = nodes[node];
    CHECK(index.find(record.fanin0, record.fanin1, hash_value, base, nodes) == 0);
  }
}

TEST_CASE("recent node index: filled to capacity with random hashes, every entry is found") {
  const NodeIndex base = 1;
  const NodeStore nodes = numbered_nodes(base + RecentNodeIndex::offset_limit);
  std::mt19937_64 random(7);
  for (int round = 0; round < 3; ++round) {
    RecentNodeIndex index;
    while (index.capacity() < RecentNodeIndex::maximum_capacity)
      index.grow(base, nodes);  // empty: nothing to rehash
    const std::uint64_t bucket_mask = index.bucket_mask();
    std::map<NodeIndex, std::uint64_t> hashes;
    // Offsets spread over the whole offset range; a third of the hashes
    // share their bucket and tag bits with the entry before.
    std::uint64_t previous_hash = random();
    for (std::size_t entry = 0; entry < RecentNodeIndex::maximum_capacity; ++entry) {
      const bool odd = entry + 1 < RecentNodeIndex::maximum_capacity && (random() & 1) != 0;
      const auto offset = static_cast<std::uint32_t>(2 * entry + (odd ? 1 : 0));
      std::uint64_t hash_value = random();
      if (random() % 3 == 0) {
        hash_value = (previous_hash & (~std::uint64_t{0} << 57 | bucket_mask)) |
                     (hash_value & ~(~std::uint64_t{0} << 57 | bucket_mask));
      }
      previous_hash = hash_value;
      index.insert(offset, hash_value);
      hashes[base + offset] = hash_value;
    }
    REQUIRE(index.size() == RecentNodeIndex::maximum_capacity);
    check_against(index, hashes, base, nodes);
    // Every node left out (odd and even offsets alternate) is absent.
    std::size_t absent_checked = 0;
    for (NodeIndex node = base; node < base + RecentNodeIndex::offset_limit - 1; ++node) {
      if (hashes.count(node) != 0) continue;
      const NodeRecord& record = nodes[node];
      CHECK(index.find(record.fanin0, record.fanin1, random(), base, nodes) == 0);
      ++absent_checked;
    }
    CHECK(absent_checked > 30000);
  }
}

TEST_CASE("recent node index: growing keeps every entry, rehashed from its node record") {
  // Entries hashed as the structural hash table hashes them (fanin_hash of
  // the record's fan-ins), since growth recomputes each hash from the node.
  const NodeIndex base = 40;
  const NodeStore nodes = numbered_nodes(base + RecentNodeIndex::offset_limit);
  std::mt19937_64 random(11);
  RecentNodeIndex index;
  CHECK(index.capacity() == RecentNodeIndex::initial_capacity);
  CHECK(index.memory_bytes() < 1024);
  std::map<NodeIndex, std::uint64_t> hashes;
  std::uint32_t offset = 0;
  std::size_t growths = 0;
  while (true) {
    while (!index.full()) {
      offset += 1 + static_cast<std::uint32_t>(random() % 2);
      const NodeRecord& record = nodes[base + offset];
      const std::uint64_t hash_value = rnncc::logic::fanin_hash(record.fanin0, record.fanin1);
      index.insert(offset, hash_value);
      hashes[base + offset] = hash_value;
    }
    check_against(index, hashes, base, nodes);
    CHECK(index.size() == hashes.size());
    if (index.capacity() == RecentNodeIndex::maximum_capacity) break;
    const std::size_t before = index.capacity();
    index.grow(base, nodes);
    ++growths;
    CHECK(index.capacity() == std::min(RecentNodeIndex::maximum_capacity, 4 * before));
    CHECK(index.size() == hashes.size());
    CHECK(!index.full());
    check_against(index, hashes, base, nodes);
  }
  CHECK(growths == 4);  // 128 -> 512 -> 2,048 -> 8,192 -> 32,768
  // Shrinking forgets every entry and frees the large arrays.
  index.shrink();
  CHECK(index.size() == 0);
  CHECK(index.capacity() == RecentNodeIndex::initial_capacity);
  const NodeRecord& record = nodes[hashes.begin()->first];
  CHECK(index.find(record.fanin0, record.fanin1, hashes.begin()->second, base, nodes) == 0);
}
