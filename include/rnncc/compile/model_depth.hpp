// Exact AIG depth of a compiled model for sequence lengths far beyond what
// fits in memory (up to 2^62), from (max, +) matrices of one step or one
// scan combine (`rnncc growth --analytic`).
//
// Method. A window of the first steps (sequential) or tree levels (scan) is
// materialised with the compiler's own word-level operations
// (step_circuit.hpp), so the constants of the initial state and of the
// inputs simplify it exactly as in compile(). Step k's shape is which of the
// state's (or the composed map's) bits are constant and their values; its
// matrices are the longest paths from the previous state bits (and from its
// own input bits) to its state bits, and from its state bits to the readout.
// The first k whose shape equals the two before it and whose matrices equal
// the previous step's is taken as steady: from the levels of its state bits
// (the arrival times) later steps are applied as (max, +) matrix powers
// (sequential) or level by level (a scan tree: both children of a node
// arrive alike). The window is then checked: for every length it
// materialised beyond the steady point, the analytic value must equal the
// materialised one; otherwise a later steady point, or a longer window, is
// tried. The tests compare with compile() for every T up to 64 and powers of
// two up to 2^12.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "rnncc/analysis/max_plus_matrix.hpp"
#include "rnncc/compile/compiler.hpp"
#include "rnncc/model/model.hpp"

namespace rnncc::compile {

/// The analytic depth of one model under one schedule.
class ModelDepth {
 public:
  /// Prepares the matrices. Throws InputError for formats whose widths grow
  /// with T (exact), schedules other than sequential and scan, outputs after
  /// every step, and LimitError when no steady step appears within 512
  /// steps (or 2^10 scan leaves).
  ModelDepth(const model::Model& model, const CompileOptions& options);

  /// The depth compile() would give at T = `length` (>= 1; a power of two
  /// for scan, InputError otherwise; at most 2^62; LimitError when the depth
  /// exceeds 2^63). Keeps squares of the step matrix between calls: not for
  /// concurrent use.
  std::uint64_t depth(std::uint64_t length) const;

  /// Steps (sequential) or tree levels (scan) materialised before the steady one.
  std::size_t steady_point() const { return steady_; }

 private:
  std::uint64_t sequential_depth(std::uint64_t length) const;
  std::uint64_t scan_depth(std::uint32_t levels) const;

  bool scan_ = false;
  std::size_t steady_ = 0;
  /// Materialised depths: at T = k (sequential) or T = 2^k (scan).
  std::vector<std::uint64_t> materialised_;
  /// Arrival times of the steady point's variable bits (sequential: plus
  /// the source coordinate, 0).
  std::vector<analysis::MaxPlusMatrix::Entry> arrival_;
  /// Sequential: the chained step matrix [[state, no_path], [fresh, 0]].
  analysis::MaxPlusMatrix step_;
  /// step_^(2^i), computed as lengths need them.
  mutable std::vector<analysis::MaxPlusMatrix> squares_;
  /// Scan: the combine's matrices from each operand.
  analysis::MaxPlusMatrix earlier_, later_;
  /// From the steady point's variable bits to the readout bits.
  analysis::MaxPlusMatrix readout_;
};

}  // namespace rnncc::compile
