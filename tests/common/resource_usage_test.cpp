// The peak resident size, and its reset, against what the test allocates.
#include <doctest/doctest.h>

#include <sys/mman.h>

#include <cstdint>
#include <cstring>

#include "rnncc/common/resource_usage.hpp"

TEST_CASE("resetting the peak forgets memory that was touched and freed before") {
  constexpr std::size_t block = std::size_t{64} << 20;
  {
    // Mapped and unmapped directly: a malloc (AddressSanitizer's above all,
    // which quarantines freed memory) may keep freed pages resident.
    void* memory =
        ::mmap(nullptr, block, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    REQUIRE(memory != MAP_FAILED);
    std::memset(memory, 1, block);  // every page resident
    CHECK(rnncc::peak_resident_bytes() >= block);
    ::munmap(memory, block);
  }
  const std::uint64_t peak_before = rnncc::peak_resident_bytes();
  if (!rnncc::reset_peak_resident_bytes()) {
    MESSAGE("this system refuses to reset the peak resident size; nothing to check");
    return;
  }
  // The 64 MiB block was returned to the system before the reset: the new
  // peak is near the current size, at least half the block below the old one.
  CHECK(rnncc::peak_resident_bytes() + block / 2 < peak_before);
  CHECK(rnncc::peak_resident_bytes() >= rnncc::current_resident_bytes() / 2);
}
