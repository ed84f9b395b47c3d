#include "zeroed_page_buffer.hpp"

#include <cstdlib>
#include <cstring>
#include <new>
#include <utility>

#if defined(__linux__)
#include <sys/mman.h>
#include <unistd.h>
#define RNNCC_HAVE_MMAP 1
#endif

namespace rnncc::logic {

namespace {
constexpr std::size_t huge_page_bytes = std::size_t{1} << 21;
}

void ZeroedPageBuffer::assign_zeroed(std::size_t size) {
  release();
  if (size == 0) return;
#ifdef RNNCC_HAVE_MMAP
  if (size >= huge_page_bytes) {
    const std::size_t page_bytes = static_cast<std::size_t>(sysconf(_SC_PAGESIZE));
    const std::size_t length = (size + page_bytes - 1) / page_bytes * page_bytes;
    // Map one huge page more than needed and trim the ends, so that the
    // block starts on a 2 MiB boundary.
    void* mapping = mmap(nullptr, length + huge_page_bytes, PROT_READ | PROT_WRITE,
                         MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (mapping == MAP_FAILED) throw std::bad_alloc();
    auto* start = static_cast<std::uint8_t*>(mapping);
    const std::uintptr_t address = reinterpret_cast<std::uintptr_t>(start);
    const std::size_t head = (huge_page_bytes - address % huge_page_bytes) % huge_page_bytes;
    if (head != 0) munmap(start, head);
    const std::size_t tail = huge_page_bytes - head;
    if (tail != 0) munmap(start + head + length, tail);
    data_ = start + head;
#ifdef MADV_HUGEPAGE
    madvise(data_, length, MADV_HUGEPAGE);
#endif
    size_ = size;
    mapped_bytes_ = length;
    return;
  }
#endif
  data_ = static_cast<std::uint8_t*>(std::calloc(size, 1));
  if (data_ == nullptr) throw std::bad_alloc();
  size_ = size;
}

void ZeroedPageBuffer::release() {
  if (data_ == nullptr) return;
#ifdef RNNCC_HAVE_MMAP
  if (mapped_bytes_ != 0) {
    munmap(data_, mapped_bytes_);
  } else {
    std::free(data_);
  }
#else
  std::free(data_);
#endif
  data_ = nullptr;
  size_ = 0;
  mapped_bytes_ = 0;
}

void ZeroedPageBuffer::swap(ZeroedPageBuffer& other) noexcept {
  std::swap(data_, other.data_);
  std::swap(size_, other.size_);
  std::swap(mapped_bytes_, other.mapped_bytes_);
}

}  // namespace rnncc::logic
