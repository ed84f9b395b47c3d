// The built-in default set of `rnncc growth`: one example model per column
// of the paper's table, each in the format and schedule that demonstrates
// it, and where the example models are found.
#pragma once

#include <cstdint>
#include <filesystem>
#include <span>
#include <string_view>

#include "rnncc/compile/schedule.hpp"

namespace rnncc::experiment {

/// The column of the paper's table (its Figure 1) a series demonstrates.
/// The nonlinear column splits by precision: L for logarithmic, P for
/// polynomial.
enum class PaperColumn { tc0, nc1, pnc1, log_precision, polynomial_precision };

/// "TC0", "NC1", "PNC1", "L" or "P".
std::string_view to_string(PaperColumn column);

/// One series of the default set.
struct DefaultSeries {
  std::string_view model;      ///< a model file of circuits/models/
  std::string_view format;     ///< the format it is compiled in, as --format spells it
  compile::Schedule schedule;  ///< the schedule it is compiled under
  /// Its longest length: the default lengths are the powers of two from
  /// default_shortest_length (lengths.hpp) up to it, chosen so that the
  /// whole set runs in about a minute on two cores.
  std::uint64_t longest = 0;
  PaperColumn column = PaperColumn::tc0;
  std::string_view reason;  ///< one sentence: what the series shows, and why so
};

/// The default set, in the order the report lists it: TC0 diagonal, NC1
/// permutation-diagonal, PNC1 DeltaNet and RWKV-7 (all in fixed-width rings
/// under scan), L and P (a ReLU RNN and an LSTM under sequential and
/// table; the LSTM's table is refused, which is part of the
/// demonstration), then the paper's multi-layer network.
std::span<const DefaultSeries> default_set();

/// circuits/models/ of the source tree: under the working directory, or in
/// a directory above the running executable (build/NAME/rnncc). Throws
/// InputError saying so when neither has it.
std::filesystem::path default_model_directory();

}  // namespace rnncc::experiment
