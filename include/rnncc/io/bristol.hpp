// Bristol fashion circuits (the gate lists of secure multi-party
// computation): AND, XOR and INV gates in topological order, with the
// input and output wires grouped into values.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "rnncc/logic/aig.hpp"

namespace rnncc::io {

/// The gate counts of the Bristol fashion form of a circuit.
struct BristolGateCounts {
  std::uint64_t and_gates = 0;
  std::uint64_t xor_gates = 0;
  std::uint64_t inv_gates = 0;
  /// XORs (and XNORs) found as three ANDs. Each saves its own AND gate and
  /// those of its two inner ANDs that nothing else reads: three when both
  /// inner ANDs feed only the XOR.
  std::uint64_t recognised_xors = 0;
};

/// How the inputs (outputs) are grouped into values: the number of bits of
/// each, in order. Taken from the circuit's `rnncc-input` / `rnncc-output`
/// description lines (one value per word) when their widths add up to the
/// input (output) count; otherwise consecutive ports named `BASE[k]` with
/// the same BASE and k counting up from 0 form one value, and any other
/// port is a value of one bit.
std::vector<std::uint64_t> bristol_input_groups(const logic::Aig& aig);
std::vector<std::uint64_t> bristol_output_groups(const logic::Aig& aig);

/// The Bristol fashion text of `aig`:
///   GATES WIRES
///   NIV N1 ... (bits per input value)
///   NOV M1 ... (bits per output value)
///   (empty line)
///   2 1 A B C AND | 2 1 A B C XOR | 1 1 A C INV   (one gate per line)
/// Wires 0..I-1 are the inputs in the circuit's order, the last O wires the
/// outputs in order, each written by exactly one gate. An AND whose two
/// fan-ins are inverted ANDs of complementary pairs, x&!y and !x&y (or x&y
/// and !x&!y), becomes one XOR gate of x and y (an XNOR: XOR and INV), and
/// the two inner ANDs are written only when something else reads them; so
/// the AND gate count is the AIG's live ANDs minus, per recognised XOR,
/// one and the inner ANDs it alone read (three when it read both alone).
/// Only gates some output needs are written. Constants are XOR of input
/// wire 0 with itself (and its
/// INV): a circuit with a constant output or fan-in but no input cannot be
/// written, and throws InputError naming `destination`. Comments are not
/// written (the format has none). `counts`, when given, receives the gate
/// counts.
std::string write_bristol(const logic::Aig& aig, std::string_view destination,
                          BristolGateCounts* counts = nullptr);

/// Writes write_bristol's text to `path` atomically.
void write_bristol_file(const logic::Aig& aig, const std::filesystem::path& path);

}  // namespace rnncc::io
