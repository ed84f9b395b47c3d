// Node storage of an Aig: fixed-size chunks, so that growing never copies
// the nodes already made and never holds more than one chunk unused.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

#include "rnncc/logic/literal.hpp"

namespace rnncc::logic {

/// Storage of one node (12 bytes): the fan-in literal codes and the level.
/// Inputs have fanin0 = input_marker and fanin1 = their input position.
struct NodeRecord {
  static constexpr std::uint32_t input_marker = 0xffffffffU;

  std::uint32_t fanin0;
  std::uint32_t fanin1;
  std::uint32_t level;

  bool is_input() const { return fanin0 == input_marker; }
};

/// An append-only array of NodeRecords in chunks of 2^14 records. Indexing
/// costs one shift, one mask and one load of a (cached) chunk pointer.
class NodeStore {
 public:
  static constexpr unsigned chunk_bits = 14;
  static constexpr std::size_t chunk_size = std::size_t{1} << chunk_bits;

  const NodeRecord& operator[](NodeIndex index) const {
    return chunks_[index >> chunk_bits][index & (chunk_size - 1)];
  }
  std::size_t size() const { return size_; }
  void push_back(const NodeRecord& record) {
    if ((size_ & (chunk_size - 1)) == 0 && (size_ >> chunk_bits) == chunks_.size()) {
      chunks_.push_back(std::make_unique_for_overwrite<NodeRecord[]>(chunk_size));
    }
    chunks_[size_ >> chunk_bits][size_ & (chunk_size - 1)] = record;
    ++size_;
  }
  /// Overwrites record `index` (< size()).
  void set(NodeIndex index, const NodeRecord& record) {
    chunks_[index >> chunk_bits][index & (chunk_size - 1)] = record;
  }
  /// Keeps the first `count` records (count <= size()) and frees the
  /// chunks no longer needed.
  void truncate(std::size_t count) {
    size_ = count;
    chunks_.resize((count + chunk_size - 1) >> chunk_bits);
    chunks_.shrink_to_fit();
  }
  /// Allocates the chunks for `count` records up front.
  void reserve(std::size_t count) {
    const std::size_t wanted_chunks = (count + chunk_size - 1) >> chunk_bits;
    chunks_.reserve(wanted_chunks);
    while (chunks_.size() < wanted_chunks) {
      chunks_.push_back(std::make_unique_for_overwrite<NodeRecord[]>(chunk_size));
    }
  }
  /// Bytes allocated for records and chunk pointers.
  std::size_t memory_bytes() const {
    return chunks_.size() * chunk_size * sizeof(NodeRecord) +
           chunks_.capacity() * sizeof(std::unique_ptr<NodeRecord[]>);
  }

 private:
  std::vector<std::unique_ptr<NodeRecord[]>> chunks_;
  std::size_t size_ = 0;
};

}  // namespace rnncc::logic
