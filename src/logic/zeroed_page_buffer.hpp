// Private: a zero-filled byte buffer for large random-access tables, backed
// by transparent huge pages where the system offers them.
#pragma once

#include <cstddef>
#include <cstdint>

namespace rnncc::logic {

/// A block of zeroed bytes. Buffers of at least one huge page (2 MiB) are
/// mapped directly from the system, aligned to 2 MiB and marked for
/// transparent huge pages, so that random probes into a table of hundreds of
/// MB do not miss the TLB on every access; smaller ones come from the heap.
/// Either way the memory is zero on return and only pages touched become
/// resident.
class ZeroedPageBuffer {
 public:
  ZeroedPageBuffer() = default;
  ~ZeroedPageBuffer() { release(); }
  ZeroedPageBuffer(ZeroedPageBuffer&& other) noexcept { swap(other); }
  ZeroedPageBuffer& operator=(ZeroedPageBuffer&& other) noexcept {
    if (this != &other) {
      release();
      swap(other);
    }
    return *this;
  }
  ZeroedPageBuffer(const ZeroedPageBuffer&) = delete;
  ZeroedPageBuffer& operator=(const ZeroedPageBuffer&) = delete;

  /// Frees the current block and allocates `size` zero bytes (throws
  /// std::bad_alloc when the system refuses).
  void assign_zeroed(std::size_t size);
  /// Frees the block.
  void release();

  std::uint8_t* data() { return data_; }
  const std::uint8_t* data() const { return data_; }
  std::size_t size() const { return size_; }
  /// Bytes held from the system (size rounded up to whole pages when mapped).
  std::size_t capacity() const { return mapped_bytes_ != 0 ? mapped_bytes_ : size_; }

 private:
  void swap(ZeroedPageBuffer& other) noexcept;

  std::uint8_t* data_ = nullptr;
  std::size_t size_ = 0;
  std::size_t mapped_bytes_ = 0;  // 0 when the block came from the heap
};

}  // namespace rnncc::logic
