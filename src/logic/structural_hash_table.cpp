#include "structural_hash_table.hpp"

#include <bit>

namespace rnncc::logic {

namespace {
// Grow when more than 3/4 of the slots are in use.
constexpr std::size_t max_load_numerator = 3;
constexpr std::size_t max_load_denominator = 4;

std::size_t slots_for(std::size_t entry_count) {
  std::size_t needed = entry_count * max_load_denominator / max_load_numerator + 1;
  return std::bit_ceil(std::max<std::size_t>(needed, 1024));
}
}  // namespace

NodeIndex StructuralHashTable::find(std::uint32_t a, std::uint32_t b, const std::uint32_t* fanin0,
                                    const std::uint32_t* fanin1) const {
  if (slots_.empty()) return 0;
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t slot = slot_of(hash(a, b));; slot = (slot + 1) & mask) {
    NodeIndex node = slots_[slot];
    if (node == 0) return 0;
    if (fanin0[node] == a && fanin1[node] == b) return node;
  }
}

void StructuralHashTable::insert(NodeIndex node, std::uint32_t a, std::uint32_t b,
                                 const std::uint32_t* fanin0, const std::uint32_t* fanin1) {
  if ((entry_count_ + 1) * max_load_denominator > slots_.size() * max_load_numerator) {
    rehash(slots_for(entry_count_ + 1), fanin0, fanin1);
  }
  const std::size_t mask = slots_.size() - 1;
  std::size_t slot = slot_of(hash(a, b));
  while (slots_[slot] != 0) slot = (slot + 1) & mask;
  slots_[slot] = node;
  ++entry_count_;
}

void StructuralHashTable::reserve(std::size_t entry_count, const std::uint32_t* fanin0,
                                  const std::uint32_t* fanin1) {
  std::size_t wanted = slots_for(entry_count);
  if (wanted > slots_.size()) rehash(wanted, fanin0, fanin1);
}

void StructuralHashTable::rehash(std::size_t slot_count, const std::uint32_t* fanin0,
                                 const std::uint32_t* fanin1) {
  std::vector<NodeIndex> old = std::move(slots_);
  slots_.assign(slot_count, 0);
  const std::size_t mask = slot_count - 1;
  for (NodeIndex node : old) {
    if (node == 0) continue;
    std::size_t slot = slot_of(hash(fanin0[node], fanin1[node]));
    while (slots_[slot] != 0) slot = (slot + 1) & mask;
    slots_[slot] = node;
  }
}

}  // namespace rnncc::logic
