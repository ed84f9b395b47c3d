// Bit patterns of a circuit's inputs or outputs, 64 patterns per word.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

namespace rnncc::eval {

/// The values of `signal_count` signals (the inputs or the outputs of a
/// circuit) under `pattern_count` patterns. Signal s in pattern p is bit
/// p % 64 of word p / 64 of words(s). Bits past pattern_count in the last
/// word are zero (every function that writes a PatternSet keeps them so).
class PatternSet {
 public:
  PatternSet() = default;
  /// All bits zero.
  PatternSet(std::uint32_t signal_count, std::uint64_t pattern_count);

  std::uint32_t signal_count() const { return signal_count_; }
  std::uint64_t pattern_count() const { return pattern_count_; }
  /// Words per signal: ⌈pattern_count / 64⌉.
  std::uint64_t word_count() const { return word_count_; }

  bool bit(std::uint32_t signal, std::uint64_t pattern) const {
    return (words_[signal * word_count_ + pattern / 64] >> (pattern % 64)) & 1U;
  }
  void set_bit(std::uint32_t signal, std::uint64_t pattern, bool value) {
    std::uint64_t& word = words_[signal * word_count_ + pattern / 64];
    const std::uint64_t mask = std::uint64_t{1} << (pattern % 64);
    word = value ? (word | mask) : (word & ~mask);
  }

  /// The word_count() words of one signal.
  std::span<std::uint64_t> words(std::uint32_t signal) {
    return {words_.data() + signal * word_count_, word_count_};
  }
  std::span<const std::uint64_t> words(std::uint32_t signal) const {
    return {words_.data() + signal * word_count_, word_count_};
  }

  /// Sets the bits past pattern_count in every signal's last word to zero.
  void clear_unused_bits();

  bool operator==(const PatternSet&) const = default;

 private:
  std::uint32_t signal_count_ = 0;
  std::uint64_t pattern_count_ = 0;
  std::uint64_t word_count_ = 0;
  std::vector<std::uint64_t> words_;
};

}  // namespace rnncc::eval
