// The model compiler: a model unrolled over T steps under a schedule, as an
// arithmetic circuit and as an AIG.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "rnncc/arith/circuit.hpp"
#include "rnncc/arith/circuit_lowering.hpp"
#include "rnncc/compile/schedule.hpp"
#include "rnncc/model/model.hpp"
#include "rnncc/word/bit_vector.hpp"

namespace rnncc::compile {

/// What to build.
struct CompileOptions {
  std::size_t length = 1;  ///< T
  Schedule schedule;
  /// The prefix network of a scan when every step's output is wanted (a
  /// balanced tree is used when only the last one is).
  word::PrefixArchitecture prefix = word::PrefixArchitecture::sklansky;
  word::ArithmeticArchitecture arithmetic;  ///< adders and multipliers of the lowering
  bool all_outputs = false;                 ///< outputs after every step, or after the last
  bool reassociate = false;                 ///< allow a scan in a rounding (fixed) format
  /// How exact numbers are carried: two's complement or residues (exact only).
  arith::ExactLowering exact_lowering = arith::ExactLowering::binary;
  /// Whether finite-format words are lowered at the widths their values
  /// need (the circuit computes the same function either way).
  arith::Narrowing narrowing = arith::Narrowing::on;
};

/// The compiled circuits.
struct CompiledModel {
  /// The word-level circuit (absent for the table schedule, which is built
  /// on bits directly).
  std::optional<arith::Circuit> arithmetic;
  /// The Boolean circuit, with the words of its inputs and outputs.
  arith::LoweredCircuit lowered;
  /// The representation a scan composed in ("diagonal", "dense", ...), empty otherwise.
  std::string composition;
  /// Statements the user must see (e.g. that a reassociated scan differs
  /// from the sequential recurrence).
  std::vector<std::string> notes;
};

/// Largest T accepted.
inline constexpr std::size_t max_length = std::size_t{1} << 24;

/// Throws InputError when `options` cannot apply to `model`: T outside
/// [1, max_length]; scan or chunked for a nonlinear family (no associative
/// composition; points at table); scan or chunked in a fixed format without
/// `reassociate`; table in exact, or with more than 16 state bits (naming
/// the table size it would need); the residue lowering outside exact or
/// with the table schedule.
void check_options(const model::Model& model, const CompileOptions& options);

/// The arithmetic circuit of the sequential, scan or chunked schedule.
/// Inputs in step order, named as docs/model-spec.md says (token bits
/// `token@t[k]`, vector values `x@t[i]`); outputs `y@t[i]` or `accept@t`
/// after step t = T, or after every step with all_outputs. Every schedule
/// creates the same inputs and outputs in the same order.
arith::Circuit build_arithmetic_circuit(const model::Model& model, const CompileOptions& options,
                                        std::string* composition = nullptr);

/// check_options, then the arithmetic circuit lowered to an AIG (or, for
/// the table schedule, the AIG of composed transition tables).
CompiledModel compile(const model::Model& model, const CompileOptions& options);

/// What compile() does after building the arithmetic circuit, for a
/// circuit `arithmetic` that build_arithmetic_circuit(model, options) built
/// (and the `composition` it reported): lowered to an AIG (exact scans in
/// the sequential schedule's output representation) and described in the
/// AIG's comments.
CompiledModel lower_arithmetic_circuit(const model::Model& model, const CompileOptions& options,
                                       arith::Circuit arithmetic, std::string composition);

}  // namespace rnncc::compile
