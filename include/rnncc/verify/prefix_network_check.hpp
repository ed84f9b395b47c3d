// Structural check of the prefix networks a scan is built with: run the
// compiler's own prefix engine (word/prefix.hpp) on ranges of step indices
// instead of maps, and check that every combine joins two adjacent ranges
// in the right order and that output i covers exactly the steps 0 .. i.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "rnncc/word/bit_vector.hpp"

namespace rnncc::verify {

/// The steps first .. last (0-based) whose maps a prefix-network value
/// composes, in order; `contiguous` turns false once a combine joined two
/// ranges that were not adjacent (or put the lower one first).
struct StepRange {
  std::size_t first = 0;
  std::size_t last = 0;
  bool contiguous = true;
};

/// combine(later, earlier) on ranges, as the scan's compose(later, earlier)
/// on maps: the union when `later` starts just after `earlier` ends, else a
/// range marked not contiguous.
StepRange combine_ranges(const StepRange& later, const StepRange& earlier);

/// The leaves of a network on n steps: range {t, t} for every t < n.
std::vector<StepRange> step_leaves(std::size_t n);

/// The first defect of `outputs` as an inclusive prefix of n = outputs.size()
/// leaves (output i must be the contiguous range 0 .. i), in one line;
/// std::nullopt when there is none.
std::optional<std::string> inclusive_prefix_defect(const std::vector<StepRange>& outputs);

/// What checking one network for a range of lengths found.
struct PrefixNetworkCheck {
  std::string network;  ///< e.g. "sklansky (every output)", "balanced tree (last output)"
  std::size_t largest_length = 0;     ///< every n in 1 .. largest_length was checked
  std::uint64_t combines = 0;         ///< combines made over all those n
  std::optional<std::string> defect;  ///< the first defect found, naming n
  double seconds = 0;
};

/// Runs word::inclusive_prefix with `architecture` on step_leaves(n) for
/// every n in 1 .. largest_length and checks each result.
PrefixNetworkCheck check_inclusive_prefix(word::PrefixArchitecture architecture,
                                          std::size_t largest_length);

/// Runs word::balanced_reduce (the scan of the last output alone) on
/// step_leaves(n) for every n in 1 .. largest_length and checks that the
/// result is the contiguous range 0 .. n-1.
PrefixNetworkCheck check_balanced_reduce(std::size_t largest_length);

}  // namespace rnncc::verify
