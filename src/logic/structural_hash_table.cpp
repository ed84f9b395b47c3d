#include "structural_hash_table.hpp"

#include <algorithm>
#include <array>
#include <bit>

namespace rnncc::logic {

namespace {
constexpr std::size_t minimum_slot_count = 1024;
constexpr std::size_t quadrupling_slot_limit = std::size_t{1} << 20;
// Filter words: about one byte per slot, at most 512 KiB so that it stays
// in cache; beyond that size it simply passes more lookups through.
constexpr std::size_t maximum_filter_words = std::size_t{1} << 16;
// How many nodes a bulk insertion hashes and prefetches main-table slots
// for at a time, ahead of inserting them.
constexpr NodeIndex prefetch_block = 16;
// A growing circuit's table splits into regions of 2^20 node indices once
// it holds 2^21 nodes.
constexpr unsigned region_bits = 20;
constexpr std::uint64_t split_node_count = std::uint64_t{1} << (region_bits + 1);
}  // namespace

StructuralHashTable::StructuralHashTable() : tables_(1), filter_(1, 0) {}

void StructuralHashTable::clear_recent(NodeIndex first_recent) {
  recent_.clear();
  first_recent_ = first_recent;
}

void StructuralHashTable::make_recent_room(NodeIndex node, const NodeStore& nodes) {
  if (recent_.full() && recent_.capacity() < RecentNodeIndex::maximum_capacity &&
      node - first_recent_ < RecentNodeIndex::offset_limit) {
    recent_.grow(first_recent_, nodes);
  } else {
    flush_recent(node, nodes);
  }
}

void StructuralHashTable::reset_filter(std::size_t slot_count) {
  const std::size_t filter_words =
      std::min(maximum_filter_words, std::bit_ceil(std::max<std::size_t>(slot_count / 8, 1)));
  filter_.assign(filter_words, 0);
}

void StructuralHashTable::flush_recent(NodeIndex end, const NodeStore& nodes) {
  if (regioned()) {
    move_recent_to_main_tables<true>(end, nodes);
  } else {
    move_recent_to_main_tables<false>(end, nodes);
  }
  clear_recent(end);
}

template <bool into_regions>
void StructuralHashTable::move_recent_to_main_tables(NodeIndex end, const NodeStore& nodes) {
  // The recent nodes are the AND nodes from first_recent_ up to `end`; their
  // keys are known in advance. They go in blocks: each block's keys are
  // hashed once and their main-table slots and filter words prefetched
  // while the block before is inserted. A single table has room for them
  // (grow runs before each AND as needed); region tables are made and
  // resized here.
  struct Pending {
    NodeIndex node;
    std::uint64_t hash_value;
  };
  std::array<Pending, prefetch_block> blocks[2];
  std::size_t waiting = 0;  // entries of the block before, to insert
  auto insert_block = [&](const std::array<Pending, prefetch_block>& block) {
    for (std::size_t i = 0; i < waiting; ++i) {
      const auto [node, hash_value] = block[i];
      std::size_t table = 0;
      if constexpr (into_regions) {
        table = table_of(nodes[node].fanin1);
        if (table >= tables_.size() || tables_[table].full() || !tables_[table].holds(node)) {
          make_room(table, node, nodes);
        }
      }
      add_to_filter(hash_value);
      tables_[table].insert(node, hash_value, nodes);
    }
  };
  std::size_t current = 0;
  for (NodeIndex first = first_recent_; first < end; first += prefetch_block) {
    const NodeIndex last = end - first > prefetch_block ? first + prefetch_block : end;
    std::size_t count = 0;
    for (NodeIndex node = first; node < last; ++node) {
      const NodeRecord& record = nodes[node];
      if (record.is_input()) continue;
      const std::uint64_t hash_value = fanin_hash(record.fanin0, record.fanin1);
      const std::size_t table = into_regions ? table_of(record.fanin1) : 0;
      if (!into_regions || table < tables_.size()) tables_[table].prefetch(hash_value);
      __builtin_prefetch(&filter_[filter_word(hash_value)]);
      blocks[current][count++] = {node, hash_value};
    }
    insert_block(blocks[1 - current]);
    waiting = count;
    current = 1 - current;
  }
  insert_block(blocks[1 - current]);
}

void StructuralHashTable::grow(NodeIndex next_node, const NodeStore& nodes) {
  if (next_node >= split_node_count) {
    split_into_regions(next_node, nodes);
    return;
  }
  const NodeIndexTable& single = tables_[0];
  const std::size_t entry_count = single.entry_count() + recent_.size();
  // The table quadruples while small (up to 2^20 slots, 3-4 MB), where
  // rebuilding costs more than the memory; beyond that it doubles.
  const std::size_t factor = 4 * single.slot_count() <= quadrupling_slot_limit ? 4 : 2;
  std::size_t wanted = std::max(minimum_slot_count, factor * single.slot_count());
  if (entry_count + 1 <= single.capacity()) {
    wanted = std::max(single.slot_count(), minimum_slot_count);  // only indices outgrew
  }
  // Room for the node indices the new size takes before it must grow again
  // (and an eighth more for inputs), so that index bits rarely force a
  // rebuild of their own.
  const std::uint64_t capacity = single.slot_count() == 0
                                     ? wanted * 12 / 20
                                     : wanted * single.capacity() / single.slot_count();
  const std::uint64_t headroom = capacity - std::min<std::uint64_t>(capacity, entry_count);
  rebuild_single(wanted, std::uint64_t{next_node} + 1 + headroom + headroom / 8,
                 SlotLayout::standard, nodes);
}

void StructuralHashTable::make_room(std::size_t table, NodeIndex node, const NodeStore& nodes) {
  if (table >= tables_.size()) tables_.resize(table + 1);
  NodeIndexTable& region = tables_[table];
  // Node indices up to a quarter beyond the newest; a region's table grows
  // by half, since it stops growing once its nodes are old.
  const std::uint64_t index_limit = std::uint64_t{node} + 1 + node / 4;
  if (region.slot_count() == 0) {
    // A region of the newest nodes will take about as many entries as the
    // region two before it (nearly complete by now), plus an eighth; an
    // old one only the few ANDs still made from its nodes.
    std::size_t expected = 4096;
    if (table + 1 >= table_of(2 * node)) {
      expected = table >= 2 && tables_[table - 2].entry_count() > 0
                     ? tables_[table - 2].entry_count() + tables_[table - 2].entry_count() / 8
                     : std::size_t{1} << region_bits;
    }
    region.reset(NodeIndexTable::slots_for(expected, index_limit, SlotLayout::wide), index_limit,
                 SlotLayout::wide);
    return;
  }
  const std::size_t wanted =
      region.full() ? region.slot_count() + region.slot_count() / 2 : region.slot_count();
  region.resize(wanted, index_limit, SlotLayout::wide, nodes);
}

void StructuralHashTable::split_into_regions(NodeIndex node, const NodeStore& nodes) {
  NodeIndexTable single;
  std::swap(single, tables_[0]);
  region_bits_ = region_bits;
  const std::uint64_t index_limit = std::uint64_t{node} + 1 + node / 4;
  // Count each region's entries, then fill tables of that size (with room
  // for a region's worth more in the newest).
  std::vector<std::size_t> counts(table_of(2 * node) + 1, 0);
  single.for_each_entry(nodes, [&](NodeIndex, const NodeRecord& record, std::uint64_t) {
    ++counts[table_of(record.fanin1)];
  });
  counts.back() += std::size_t{1} << region_bits;
  tables_.clear();
  tables_.resize(counts.size());
  for (std::size_t table = 0; table < counts.size(); ++table) {
    if (counts[table] == 0) continue;
    tables_[table].reset(NodeIndexTable::slots_for(std::max<std::size_t>(counts[table], 1024),
                                                   index_limit, SlotLayout::wide),
                         index_limit, SlotLayout::wide);
  }
  filter_.assign(maximum_filter_words, 0);
  single.for_each_entry(nodes,
                        [&](NodeIndex entry, const NodeRecord& record, std::uint64_t hash_value) {
                          add_to_filter(hash_value);
                          tables_[table_of(record.fanin1)].insert(entry, hash_value, nodes);
                        });
}

void StructuralHashTable::reserve(std::size_t entry_count, std::uint64_t node_index_limit,
                                  const NodeStore& nodes) {
  if (regioned()) return;
  const NodeIndexTable& single = tables_[0];
  const std::size_t wanted =
      std::max(minimum_slot_count,
               NodeIndexTable::slots_for(entry_count, node_index_limit, SlotLayout::compact));
  if (wanted > single.slot_count() || !single.holds(static_cast<NodeIndex>(node_index_limit - 1))) {
    rebuild_single(std::max(wanted, single.slot_count()), node_index_limit, SlotLayout::compact,
                   nodes);
  }
}

void StructuralHashTable::release() {
  tables_.clear();
  tables_.resize(1);
  region_bits_ = 0;
  filter_.assign(1, 0);
  recent_.shrink();
  first_recent_ = 1;
}

void StructuralHashTable::rebuild_for(std::size_t entry_count, std::uint64_t node_index_limit,
                                      const NodeStore& nodes) {
  rebuild_single(
      std::max(minimum_slot_count,
               NodeIndexTable::slots_for(entry_count, node_index_limit, SlotLayout::standard)),
      node_index_limit, SlotLayout::standard, nodes);
}

void StructuralHashTable::rebuild_single(std::size_t slot_count, std::uint64_t node_index_limit,
                                         SlotLayout layout, const NodeStore& nodes) {
  // The old tables are freed first, so a rebuild never holds both; every
  // node, recent ones included, is reinserted from the node store into the
  // one table (a large circuit splits again at its next growth).
  release();
  tables_[0].reset(slot_count, node_index_limit, layout);
  reset_filter(slot_count);
  flush_recent(static_cast<NodeIndex>(nodes.size()), nodes);
}

std::size_t StructuralHashTable::memory_bytes() const {
  std::size_t bytes = filter_.capacity() * sizeof(std::uint64_t) + recent_.memory_bytes() +
                      tables_.capacity() * sizeof(NodeIndexTable);
  for (const NodeIndexTable& table : tables_)
    bytes += table.memory_bytes();
  return bytes;
}

}  // namespace rnncc::logic
