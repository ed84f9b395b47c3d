#include "node_index_table.hpp"

#include <algorithm>
#include <bit>
#include <utility>

namespace rnncc::logic {

unsigned NodeIndexTable::index_bits_for(std::uint64_t node_index_limit) {
  return static_cast<unsigned>(std::bit_width(std::max<std::uint64_t>(node_index_limit, 2) - 1));
}

std::size_t NodeIndexTable::slots_for(std::size_t entry_count, std::uint64_t node_index_limit,
                                      SlotLayout layout) {
  const std::size_t slot_bits = slot_bits_for(index_bits_for(node_index_limit), layout);
  return entry_count * 20 / max_load_twentieths_for(slot_bits) + 1;
}

void NodeIndexTable::reset(std::size_t slot_count, std::uint64_t node_index_limit,
                           SlotLayout layout) {
  // Node indices get the bits the index limit needs; the rest of the slot
  // holds distances.
  index_bits_ = std::max(index_bits_, index_bits_for(node_index_limit));
  slot_bits_ = slot_bits_for(index_bits_, layout);
  const unsigned distance_bits = static_cast<unsigned>(slot_bits_) - index_bits_;
  slot_mask_ = (std::uint64_t{1} << slot_bits_) - 1;
  index_mask_ = (std::uint64_t{1} << index_bits_) - 1;
  max_distance_code_ = distance_bits == 0 ? 0 : (std::uint64_t{1} << distance_bits) - 1;
  bytes_.release();
  slot_count_ = slot_count;
  capacity_ = slot_count_ * max_load_twentieths_for(slot_bits_) / 20;
  entry_count_ = 0;
  bytes_.assign_zeroed((slot_count_ * slot_bits_ + 7) / 8 + sizeof(std::uint64_t));
}

void NodeIndexTable::resize(std::size_t slot_count, std::uint64_t node_index_limit,
                            SlotLayout layout, const NodeStore& nodes) {
  NodeIndexTable old;
  std::swap(*this, old);
  index_bits_ = old.index_bits_;
  reset(slot_count, node_index_limit, layout);
  // The old entries come in hash order, so the new slots fill nearly
  // sequentially.
  old.for_each_entry(nodes, [&](NodeIndex node, const NodeRecord&, std::uint64_t hash_value) {
    insert(node, hash_value, nodes);
  });
}

void NodeIndexTable::release() {
  bytes_.release();
  slot_count_ = 0;
  capacity_ = 0;
  entry_count_ = 0;
}

NodeIndex NodeIndexTable::find(std::uint32_t a, std::uint32_t b, std::uint64_t hash_value,
                               const NodeStore& nodes) const {
  if (slot_count_ == 0) return 0;
  std::size_t slot = home_of_hash(hash_value);
  for (std::uint64_t distance = 0;; ++distance, slot = next(slot)) {
    std::uint64_t value = load(slot);
    if (value == 0) return 0;
    std::uint64_t resident = resident_distance(slot, value, nodes);
    // Robin Hood invariant: entries sit in the order of their home slots, so
    // a resident closer to its home than the probe means the key is absent.
    if (resident < distance) return 0;
    if (resident == distance) {
      NodeIndex node = node_of(value);
      const NodeRecord& record = nodes[node];
      if (record.fanin0 == a && record.fanin1 == b) return node;
    }
  }
}

}  // namespace rnncc::logic
