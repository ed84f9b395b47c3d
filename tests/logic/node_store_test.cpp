// The node store of an Aig against a std::vector of the same records: the
// first chunk grows (copying) from a few hundred records to a whole chunk,
// later chunks are added whole; reserve and truncate at and around every
// boundary keep every record.
#include <doctest/doctest.h>

#include <cstddef>
#include <cstdint>
#include <vector>

#include "rnncc/logic/node_store.hpp"

using rnncc::logic::NodeIndex;
using rnncc::logic::NodeRecord;
using rnncc::logic::NodeStore;

namespace {

NodeRecord record_for(std::size_t index) {
  const auto value = static_cast<std::uint32_t>(index);
  return NodeRecord{3 * value + 1, 5 * value + 2, value ^ 0x5a5a5a5aU};
}

void check_equal(const NodeStore& store, const std::vector<NodeRecord>& reference) {
  REQUIRE(store.size() == reference.size());
  for (std::size_t index = 0; index < reference.size(); ++index) {
    const NodeRecord& record = store[static_cast<NodeIndex>(index)];
    if (record.fanin0 != reference[index].fanin0 || record.fanin1 != reference[index].fanin1 ||
        record.level != reference[index].level) {
      FAIL("record " << index << " differs");
    }
  }
}

}  // namespace

TEST_CASE("node store: a small store stays small, a large one is whole chunks") {
  NodeStore store;
  CHECK(store.memory_bytes() == 0);
  store.push_back(record_for(0));
  // One record costs the initial first chunk, not a whole chunk.
  CHECK(store.memory_bytes() < 4 * 1024);
  std::vector<NodeRecord> reference{record_for(0)};
  // Past every growth of the first chunk (256, 1,024, 4,096, 16,384) and
  // into the third chunk.
  for (std::size_t index = 1; index < 2 * NodeStore::chunk_size + 100; ++index) {
    store.push_back(record_for(index));
    reference.push_back(record_for(index));
    if (index == 300) CHECK(store.memory_bytes() < 1024 * sizeof(NodeRecord) + 64);
  }
  check_equal(store, reference);
  CHECK(store.memory_bytes() >= 3 * NodeStore::chunk_size * sizeof(NodeRecord));
  CHECK(store.memory_bytes() < 3 * NodeStore::chunk_size * sizeof(NodeRecord) + 1024);
  // Overwriting goes to the record asked for.
  store.set(NodeStore::chunk_size + 7, record_for(99));
  reference[NodeStore::chunk_size + 7] = record_for(99);
  check_equal(store, reference);
}

TEST_CASE("node store: reserve and truncate around the chunk boundaries") {
  for (const std::size_t reserved :
       {std::size_t{1}, std::size_t{255}, std::size_t{256}, std::size_t{257}, std::size_t{5000},
        NodeStore::chunk_size, NodeStore::chunk_size + 1, 3 * NodeStore::chunk_size}) {
    CAPTURE(reserved);
    NodeStore store;
    store.reserve(reserved);
    const std::size_t reserved_bytes = store.memory_bytes();
    CHECK(reserved_bytes >= reserved * sizeof(NodeRecord));
    std::vector<NodeRecord> reference;
    for (std::size_t index = 0; index < reserved; ++index) {
      store.push_back(record_for(index));
      reference.push_back(record_for(index));
    }
    // Filling what was reserved allocates nothing more.
    CHECK(store.memory_bytes() == reserved_bytes);
    check_equal(store, reference);
    for (const std::size_t kept : {reserved, reserved / 2, std::size_t{1}, std::size_t{0}}) {
      if (kept > store.size()) continue;
      store.truncate(kept);
      reference.resize(kept);
      check_equal(store, reference);
    }
    // The store grows again after being emptied.
    for (std::size_t index = 0; index < 600; ++index) {
      store.push_back(record_for(index + 7));
      reference.push_back(record_for(index + 7));
    }
    check_equal(store, reference);
  }
}
