#include "structural_hash_table.hpp"

#include <algorithm>
#include <bit>

namespace rnncc::logic {

namespace {
constexpr std::size_t minimum_slot_count = 1024;
// Filter words: about one byte per entry, at most 512 KiB so that it stays
// in cache; beyond that size it simply passes more lookups through.
constexpr std::size_t maximum_filter_words = std::size_t{1} << 16;
// How many nodes ahead a bulk insertion prefetches main-table slots.
constexpr NodeIndex prefetch_distance = 16;
}  // namespace

StructuralHashTable::StructuralHashTable() : filter_(1, 0) {}

NodeIndex StructuralHashTable::find(std::uint32_t a, std::uint32_t b,
                                    const NodeStore& nodes) const {
  const std::uint64_t hash_value = hash(a, b);
  for (std::size_t slot = hash_value & (recent_slot_count - 1);;
       slot = (slot + 1) & (recent_slot_count - 1)) {
    std::uint16_t offset = recent_slots_[slot];
    if (offset == 0) break;
    NodeIndex node = first_recent_ + offset - 1;
    const NodeRecord& record = nodes[node];
    if (record.fanin0 == a && record.fanin1 == b) return node;
  }
  // An AND is created after its fan-ins: with a fan-in among the recent
  // nodes (b >= a, so b's node is the newer), the AND can only be recent.
  if ((b >> 1) >= first_recent_ && recent_count_ > 0) return 0;
  if (slot_count_ == 0 || !may_be_in_main_table(hash_value)) return 0;
  return find_in_main_table(a, b, hash_value, nodes);
}

NodeIndex StructuralHashTable::find_in_main_table(std::uint32_t a, std::uint32_t b,
                                                  std::uint64_t hash_value,
                                                  const NodeStore& nodes) const {
  std::size_t slot = home_of_hash(hash_value);
  for (std::uint64_t distance = 0;; ++distance, slot = next(slot)) {
    std::uint32_t value = load(slot);
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

void StructuralHashTable::insert(NodeIndex node, std::uint32_t a, std::uint32_t b,
                                 const NodeStore& nodes) {
  if (recent_count_ == 0) {
    clear_recent(node);
  } else if (recent_count_ == recent_capacity || node - first_recent_ >= 0xffff) {
    flush_recent(node, nodes);
    clear_recent(node);
  }
  const std::uint64_t hash_value = hash(a, b);
  std::size_t slot = hash_value & (recent_slot_count - 1);
  while (recent_slots_[slot] != 0)
    slot = (slot + 1) & (recent_slot_count - 1);
  recent_slots_[slot] = static_cast<std::uint16_t>(node - first_recent_ + 1);
  ++recent_count_;
  ++entry_count_;
}

void StructuralHashTable::insert_in_main_table(NodeIndex node, std::uint64_t hash_value,
                                               const NodeStore& nodes) {
  // Find the first slot whose resident is closer to home than the new key
  // would be there, then shift residents forward Robin Hood style.
  std::size_t slot = home_of_hash(hash_value);
  std::uint64_t carried_distance = 0;
  for (;;) {
    std::uint32_t value = load(slot);
    if (value == 0 || resident_distance(slot, value, nodes) < carried_distance) break;
    ++carried_distance;
    slot = next(slot);
  }
  NodeIndex carried = node;
  for (;;) {
    std::uint32_t value = load(slot);
    if (value == 0) {
      store(slot, pack(carried, carried_distance));
      return;
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
}

void StructuralHashTable::clear_recent(NodeIndex first_recent) {
  recent_slots_.fill(0);
  recent_count_ = 0;
  first_recent_ = first_recent;
}

std::size_t StructuralHashTable::flush_recent(NodeIndex end, const NodeStore& nodes) {
  // The recent nodes are the AND nodes from first_recent_ up to `end`; their
  // keys are known in advance, so main-table slots and filter words are
  // prefetched ahead.
  std::size_t and_count = 0;
  for (NodeIndex node = first_recent_; node < end; ++node) {
    if (node + prefetch_distance < end) {
      const NodeRecord& ahead = nodes[node + prefetch_distance];
      if (!ahead.is_input()) {
        const std::uint64_t ahead_hash = hash(ahead.fanin0, ahead.fanin1);
        __builtin_prefetch(slot_address(home_of_hash(ahead_hash)));
        __builtin_prefetch(&filter_[filter_word(ahead_hash)]);
      }
    }
    const NodeRecord& record = nodes[node];
    if (record.is_input()) continue;
    const std::uint64_t hash_value = hash(record.fanin0, record.fanin1);
    filter_[filter_word(hash_value)] |= filter_mask(hash_value);
    insert_in_main_table(node, hash_value, nodes);
    ++and_count;
  }
  clear_recent(end);
  return and_count;
}

std::size_t StructuralHashTable::slots_for(std::size_t entry_count, std::uint64_t node_index_limit,
                                           bool compact) const {
  const unsigned index_bits =
      std::max(index_bits_, static_cast<unsigned>(std::bit_width(node_index_limit - 1)));
  return entry_count * 20 / max_load_twentieths_for(slot_bits_for(index_bits, compact)) + 1;
}

void StructuralHashTable::reserve(std::size_t entry_count, std::uint64_t node_index_limit,
                                  const NodeStore& nodes) {
  std::size_t wanted = std::max(minimum_slot_count, slots_for(entry_count, node_index_limit, true));
  if (wanted > slot_count_ || !holds(static_cast<NodeIndex>(node_index_limit - 1))) {
    rebuild(std::max(wanted, slot_count_), node_index_limit, true, nodes);
  }
}

void StructuralHashTable::release() {
  bytes_.release();
  slot_count_ = 0;
  entry_count_ = 0;
  filter_.assign(1, 0);
  clear_recent(1);
}

void StructuralHashTable::rebuild_for(std::size_t entry_count, std::uint64_t node_index_limit,
                                      const NodeStore& nodes) {
  rebuild(std::max(minimum_slot_count, slots_for(entry_count, node_index_limit, false)),
          node_index_limit, false, nodes);
}

void StructuralHashTable::grow(std::uint64_t node_index_limit, const NodeStore& nodes) {
  std::size_t wanted = std::max(minimum_slot_count, 2 * slot_count_);
  if (!full()) wanted = std::max(slot_count_, minimum_slot_count);  // only indices outgrew
  // Room for the node indices the new size takes before it must grow again
  // (and an eighth more for inputs), so that index bits rarely force a
  // rebuild of their own.
  const std::uint64_t capacity = wanted * max_load_twentieths_for(slot_bits_) / 20;
  const std::uint64_t headroom = capacity - std::min<std::uint64_t>(capacity, entry_count_);
  rebuild(wanted, node_index_limit + headroom + headroom / 8, false, nodes);
}

void StructuralHashTable::rebuild(std::size_t slot_count, std::uint64_t node_index_limit,
                                  bool compact, const NodeStore& nodes) {
  // Node indices get the bits the index limit needs; the rest of the slot
  // holds distances.
  index_bits_ = std::max(index_bits_, static_cast<unsigned>(std::bit_width(node_index_limit - 1)));
  slot_bits_ = slot_bits_for(index_bits_, compact);
  max_load_twentieths_ = max_load_twentieths_for(slot_bits_);
  const unsigned distance_bits = static_cast<unsigned>(slot_bits_) - index_bits_;
  slot_mask_ = slot_bits_ == 32 ? 0xffffffffU : (1U << slot_bits_) - 1;
  index_mask_ = index_bits_ == 32 ? 0xffffffffU : (1U << index_bits_) - 1;
  max_distance_code_ = distance_bits == 0 ? 0 : (std::uint64_t{1} << distance_bits) - 1;
  // The old table is freed first, so growing never holds both tables; every
  // node, recent ones included, is reinserted from the node store.
  bytes_.release();
  slot_count_ = slot_count;
  bytes_.assign_zeroed((slot_count_ * slot_bits_ + 7) / 8 + sizeof(std::uint64_t));
  const std::size_t filter_words =
      std::min(maximum_filter_words, std::bit_ceil(std::max<std::size_t>(slot_count / 8, 1)));
  filter_.assign(filter_words, 0);
  first_recent_ = 1;
  entry_count_ = flush_recent(static_cast<NodeIndex>(nodes.size()), nodes);
}

}  // namespace rnncc::logic
