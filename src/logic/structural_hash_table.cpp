#include "structural_hash_table.hpp"

#include <algorithm>
#include <utility>

namespace rnncc::logic {

namespace {
constexpr std::size_t minimum_slot_count = 1024;
// Node indices below this fit a 3-byte slot.
constexpr std::uint64_t three_byte_limit = std::uint64_t{1} << 24;
}  // namespace

StructuralHashTable::Probe StructuralHashTable::find(std::uint32_t a, std::uint32_t b,
                                                     const NodeStore& nodes) const {
  Probe probe;
  if (slot_count_ == 0) return probe;
  std::size_t slot = home(a, b);
  for (std::uint64_t distance_so_far = 0;; ++distance_so_far, slot = next(slot)) {
    NodeIndex node = load(slot);
    if (node == 0) return Probe{0, slot, distance_so_far};
    std::uint32_t stored_a = nodes[node].fanin0;
    std::uint32_t stored_b = nodes[node].fanin1;
    if (stored_a == a && stored_b == b) return Probe{node, slot, distance_so_far};
    // Robin Hood invariant: a key never sits farther from home than the
    // entries it passed, so a richer entry here means the key is absent.
    if (distance(slot, home(stored_a, stored_b)) < distance_so_far) {
      return Probe{0, slot, distance_so_far};
    }
  }
}

void StructuralHashTable::insert(const Probe& probe, NodeIndex node, const NodeStore& nodes) {
  std::size_t slot = probe.slot;
  std::uint64_t carried_distance = probe.distance;
  NodeIndex carried = node;
  for (;;) {
    NodeIndex resident = load(slot);
    if (resident == 0) {
      store(slot, carried);
      break;
    }
    std::uint64_t resident_distance =
        distance(slot, home(nodes[resident].fanin0, nodes[resident].fanin1));
    if (resident_distance < carried_distance) {
      store(slot, carried);
      carried = resident;
      carried_distance = resident_distance;
    }
    slot = next(slot);
    ++carried_distance;
  }
  ++entry_count_;
}

void StructuralHashTable::reserve(std::size_t entry_count, std::uint64_t node_index_limit,
                                  const NodeStore& nodes) {
  std::size_t wanted = std::max(minimum_slot_count, entry_count * 20 / 17 + 1);
  std::size_t wanted_width = node_index_limit > three_byte_limit ? 4 : 3;
  if (wanted > slot_count_ || wanted_width > slot_width_) {
    rebuild(std::max(wanted, slot_count_), node_index_limit, nodes);
  }
}

void StructuralHashTable::grow(std::uint64_t node_index_limit, const NodeStore& nodes) {
  rebuild(std::max(minimum_slot_count, slot_count_ + slot_count_ / 2), node_index_limit, nodes);
}

void StructuralHashTable::rebuild(std::size_t slot_count, std::uint64_t node_index_limit,
                                  const NodeStore& nodes) {
  // Reinsert from the node store in index order: node reads are sequential,
  // and the old table is freed first, so growing never holds both tables.
  bytes_.clear();
  bytes_.shrink_to_fit();
  slot_width_ = std::max(slot_width_, node_index_limit > three_byte_limit ? std::size_t{4} : 3);
  slot_count_ = slot_count;
  bytes_.assign(slot_count_ * slot_width_ + 1, 0);
  entry_count_ = 0;
  for (NodeIndex node = 1; node < nodes.size(); ++node) {
    const NodeRecord& record = nodes[node];
    if (record.is_input()) continue;
    insert(find(record.fanin0, record.fanin1, nodes), node, nodes);
  }
}

}  // namespace rnncc::logic
