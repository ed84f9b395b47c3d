// Shared pieces of the libFuzzer harnesses: the input size bound, the
// expected outcome of a refused input, and how a finding is reported.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace rnncc::fuzz {

/// Largest input a harness passes on: a few tens of KiB reach every branch
/// of the readers, and no legitimate run can then allocate gigabytes.
inline constexpr std::size_t max_input_bytes = 64 * 1024;

/// The fuzzer's bytes as text.
inline std::string_view text_of(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

/// Reports a broken promise (a wrong answer, a malformed message, a round
/// trip that changed the circuit) on stderr and aborts, so that libFuzzer
/// records the input as a crash.
[[noreturn]] void report_finding(std::string_view what);

/// Checks what a reader promises of a refusal: a non-empty message of one
/// line that starts with `source` (the file it names). Reports a finding
/// otherwise.
void check_refusal_message(std::string_view message, std::string_view source);

}  // namespace rnncc::fuzz
