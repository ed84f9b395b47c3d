// Node storage of an Aig: fixed-size chunks, so that growing never copies
// more than the first chunk and never holds more than one chunk unused.
#pragma once

#include <algorithm>
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
/// costs one shift, one mask and one load of a (cached) chunk pointer. The
/// first chunk starts small (256 records) and grows fourfold, copying, up to
/// the chunk size, so a circuit of a few gates does not cost 192 KiB; later
/// chunks are allocated whole and never move.
class NodeStore {
 public:
  static constexpr unsigned chunk_bits = 14;
  static constexpr std::size_t chunk_size = std::size_t{1} << chunk_bits;
  static constexpr std::size_t initial_capacity = 256;

  const NodeRecord& operator[](NodeIndex index) const {
    return chunks_[index >> chunk_bits][index & (chunk_size - 1)];
  }
  std::size_t size() const { return size_; }
  void push_back(const NodeRecord& record) {
    if (size_ == capacity_) grow_to(size_ + 1);
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
    const std::size_t kept_chunks = (count + chunk_size - 1) >> chunk_bits;
    if (kept_chunks < chunks_.size()) {
      chunks_.resize(kept_chunks);
      chunks_.shrink_to_fit();
      capacity_ = kept_chunks * chunk_size;
    }
  }
  /// Allocates room for `count` records up front.
  void reserve(std::size_t count) {
    if (count > capacity_) grow_to(count);
  }
  /// Bytes allocated for records and chunk pointers.
  std::size_t memory_bytes() const {
    return capacity_ * sizeof(NodeRecord) +
           chunks_.capacity() * sizeof(std::unique_ptr<NodeRecord[]>);
  }

 private:
  /// Makes room for at least `count` records: grows the first chunk
  /// (fourfold, at least to `count`, at most to the chunk size), then adds
  /// whole chunks. While the first chunk is the only one and not yet whole,
  /// capacity_ is its length.
  void grow_to(std::size_t count) {
    if (capacity_ < chunk_size) {
      std::size_t wanted = capacity_ == 0 ? initial_capacity : 4 * capacity_;
      while (wanted < count && wanted < chunk_size)
        wanted *= 4;
      wanted = wanted < chunk_size ? wanted : chunk_size;
      auto chunk = std::make_unique_for_overwrite<NodeRecord[]>(wanted);
      if (!chunks_.empty()) std::copy_n(chunks_[0].get(), size_, chunk.get());
      if (chunks_.empty()) {
        chunks_.push_back(std::move(chunk));
      } else {
        chunks_[0] = std::move(chunk);
      }
      capacity_ = wanted;
    }
    const std::size_t wanted_chunks = (count + chunk_size - 1) >> chunk_bits;
    if (wanted_chunks > chunks_.size()) chunks_.reserve(wanted_chunks);
    while (chunks_.size() < wanted_chunks) {
      chunks_.push_back(std::make_unique_for_overwrite<NodeRecord[]>(chunk_size));
      capacity_ = chunks_.size() * chunk_size;
    }
  }

  std::vector<std::unique_ptr<NodeRecord[]>> chunks_;
  std::size_t size_ = 0;
  std::size_t capacity_ = 0;  // records allocated
};

}  // namespace rnncc::logic
