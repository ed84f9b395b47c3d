#include "structural_hash_table.hpp"

#include <algorithm>
#include <bit>

namespace rnncc::logic {

namespace {
constexpr std::size_t minimum_slot_count = 1024;
}  // namespace

StructuralHashTable::Probe StructuralHashTable::find(std::uint32_t a, std::uint32_t b,
                                                     const NodeStore& nodes) const {
  if (slot_count_ == 0) return Probe{};
  std::size_t slot = home(a, b);
  for (std::uint64_t distance = 0;; ++distance, slot = next(slot)) {
    std::uint32_t value = load(slot);
    if (value == 0) return Probe{0, slot, distance};
    std::uint64_t resident = resident_distance(slot, value, nodes);
    // Robin Hood invariant: entries sit in the order of their home slots, so
    // a resident closer to its home than the probe means the key is absent.
    if (resident < distance) return Probe{0, slot, distance};
    if (resident == distance) {
      NodeIndex node = node_of(value);
      const NodeRecord& record = nodes[node];
      if (record.fanin0 == a && record.fanin1 == b) return Probe{node, slot, distance};
    }
  }
}

StructuralHashTable::Probe StructuralHashTable::place(std::uint32_t a, std::uint32_t b,
                                                      const NodeStore& nodes) const {
  std::size_t slot = home(a, b);
  std::uint64_t distance = 0;
  for (;;) {
    std::uint32_t value = load(slot);
    if (value == 0 || resident_distance(slot, value, nodes) < distance) break;
    ++distance;
    slot = next(slot);
  }
  return Probe{0, slot, distance};
}

void StructuralHashTable::insert(const Probe& probe, NodeIndex node, const NodeStore& nodes) {
  std::size_t slot = probe.slot;
  std::uint64_t carried_distance = probe.distance;
  NodeIndex carried = node;
  for (;;) {
    std::uint32_t value = load(slot);
    if (value == 0) {
      store(slot, pack(carried, carried_distance));
      break;
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
  ++entry_count_;
}

void StructuralHashTable::reserve(std::size_t entry_count, std::uint64_t node_index_limit,
                                  const NodeStore& nodes) {
  std::size_t wanted = std::max(minimum_slot_count, entry_count * 20 / 17 + 1);
  if (wanted > slot_count_ || !holds(static_cast<NodeIndex>(node_index_limit - 1))) {
    rebuild(std::max(wanted, slot_count_), node_index_limit, nodes);
  }
}

void StructuralHashTable::grow(std::uint64_t node_index_limit, const NodeStore& nodes) {
  std::size_t wanted = std::max(minimum_slot_count, slot_count_ + slot_count_ / 2);
  if (!full()) wanted = std::max(slot_count_, minimum_slot_count);  // only indices outgrew
  rebuild(wanted, node_index_limit, nodes);
}

void StructuralHashTable::rebuild(std::size_t slot_count, std::uint64_t node_index_limit,
                                  const NodeStore& nodes) {
  // Node indices get the bits the larger of the index limit and the slot
  // count needs (entries and nodes grow together); the rest of the slot
  // holds distances.
  index_bits_ =
      std::max({index_bits_, static_cast<unsigned>(std::bit_width(node_index_limit)),
                static_cast<unsigned>(std::bit_width(static_cast<std::uint64_t>(slot_count)))});
  slot_width_ = index_bits_ <= 24 ? 3 : 4;
  const unsigned distance_bits = static_cast<unsigned>(8 * slot_width_) - index_bits_;
  slot_mask_ = slot_width_ == 4 ? 0xffffffffU : 0xffffffU;
  index_mask_ = index_bits_ == 32 ? 0xffffffffU : (1U << index_bits_) - 1;
  max_distance_code_ = distance_bits == 0 ? 0 : (std::uint64_t{1} << distance_bits) - 1;
  // Reinsert from the node store in index order: node reads are sequential,
  // and the old table is freed first, so growing never holds both tables.
  bytes_.clear();
  bytes_.shrink_to_fit();
  slot_count_ = slot_count;
  bytes_.assign(slot_count_ * slot_width_ + 1, 0);
  entry_count_ = 0;
  // The keys to come are known, so their home slots are prefetched a few
  // nodes ahead: the reinsertion waits on memory far less often.
  constexpr NodeIndex prefetch_distance = 16;
  const auto node_count = static_cast<NodeIndex>(nodes.size());
  for (NodeIndex node = 1; node < node_count; ++node) {
    if (node + prefetch_distance < node_count) {
      const NodeRecord& ahead = nodes[node + prefetch_distance];
      if (!ahead.is_input()) {
        __builtin_prefetch(bytes_.data() + home(ahead.fanin0, ahead.fanin1) * slot_width_);
      }
    }
    const NodeRecord& record = nodes[node];
    if (record.is_input()) continue;
    insert(place(record.fanin0, record.fanin1, nodes), node, nodes);
  }
}

}  // namespace rnncc::logic
