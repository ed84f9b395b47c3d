// Lowering of a word-level arithmetic circuit onto an AIG through its
// format's lowering (format_lowering.hpp).
#pragma once

#include <gmpxx.h>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rnncc/arith/circuit.hpp"
#include "rnncc/arith/format_lowering.hpp"
#include "rnncc/logic/aig.hpp"
#include "rnncc/word/bit_vector.hpp"
#include "rnncc/word/residue_basis.hpp"

namespace rnncc::arith {

/// One word input or output of a lowered circuit: its name, whether it is
/// a Boolean (one bit, 0 or 1), and for numbers how its bits store a value
/// (the LoweredValue's width, interval and denominator).
struct LoweredWord {
  std::string name;
  bool is_boolean = false;
  LoweredValue value;
};

/// An arithmetic circuit as an AIG. The AIG's inputs are the bits of each
/// word input in circuit order, least significant first, named `name[bit]`;
/// its outputs likewise, a Boolean output as the single bit `name[0]`.
struct LoweredCircuit {
  logic::Aig aig;
  std::vector<LoweredWord> inputs;
  std::vector<LoweredWord> outputs;
  /// The most bits any lowered number takes (Booleans excluded): the
  /// format's width for finite formats, the precision the computation needs
  /// for exact ones (docs/design.md, "Measures": the paper's "precision").
  std::size_t widest_value_bits = 0;
  /// The moduli of a circuit lowered in residues (ExactLowering::residue).
  std::optional<word::ResidueBasis> residue_basis;
};

/// How the exact format carries numbers inside a circuit: `binary` in two's
/// complement at each value's width; `residue` as residues modulo k primes
/// of b bits (one basis per circuit), converted from the binary inputs and
/// back to binary only at the outputs, comparisons and sign tests.
enum class ExactLowering { binary, residue };

/// Whether the lowering of a finite format (mod, modp, fixed) carries each
/// word in the bits the value analysis (value_facts.hpp) proves it needs:
/// `on` narrows (constants fold, products with a word of two values become
/// multiplexers, small words take small adders and multipliers, and are
/// widened only for operations without a narrow circuit and for outputs);
/// `off` carries every word at the format's width. Both compute the same
/// function; exact circuits are lowered the same either way.
enum class Narrowing { off, on };

/// "binary" or "rns".
std::string_view name_of(ExactLowering lowering);
/// Parses "binary" or "rns"; InputError naming both otherwise.
ExactLowering parse_exact_lowering(std::string_view name);

/// Lowers the nodes that some output depends on with FormatLowering under
/// `architecture`, then removes every AND no output depends on (so
/// aig.and_count() is what ABC counts after `&r`); explicit tables become
/// word::lookup circuits over every pattern of their operand (at most
/// 2^max_table_input_width patterns, LimitError beyond). For every
/// admissible input, decoding the outputs gives evaluate()'s values.
/// With `output_shapes` (exact only: one entry per circuit output), every
/// number output with a shape is conformed to it (FormatLowering::conform),
/// the caller promising that the shape holds every value the output takes;
/// an output whose denominator does not relate to its shape's keeps its
/// own representation.
/// With ExactLowering::residue (exact circuits only; InputError for other
/// formats) the basis is chosen for the largest numerator the circuit
/// reconstructs (every output, comparison and sign test), numbers are
/// carried in residues, and every output is reconstructed: the inputs and
/// outputs are the binary lowering's words bit for bit. Explicit lookup
/// tables are refused there (InputError). widest_value_bits is then the
/// widest interval's signed width, as in binary.
/// `narrowing` as Narrowing says; the AIG's inputs and outputs are the same
/// words either way.
LoweredCircuit lower(const Circuit& circuit, word::ArithmeticArchitecture architecture,
                     const std::vector<std::optional<LoweredValue>>* output_shapes = nullptr,
                     ExactLowering exact_lowering = ExactLowering::binary,
                     Narrowing narrowing = Narrowing::on);

/// Drops the AND nodes no output depends on (operations may build gates they
/// end up not using), keeping inputs and outputs in order, and renumbers the
/// literals of the input and output words to match.
void remove_dangling_ands(LoweredCircuit& lowered);

/// The bit pattern of each AIG word input that stores `values` (one value
/// per circuit input, admissible as in check_input_values).
std::vector<mpz_class> encode_inputs(const Circuit& circuit, const LoweredCircuit& lowered,
                                     const std::vector<mpq_class>& values);

/// The value of each output whose bits hold `patterns` (one unsigned
/// pattern per output; Booleans give 0 or 1).
std::vector<mpq_class> decode_outputs(const Circuit& circuit, const LoweredCircuit& lowered,
                                      const std::vector<mpz_class>& patterns);

}  // namespace rnncc::arith
