// Exact evaluation of an arithmetic circuit with its format's reference
// semantics (reference.hpp) on GMP values.
#pragma once

#include <gmpxx.h>
#include <vector>

#include "rnncc/arith/circuit.hpp"

namespace rnncc::arith {

/// Throws InputError unless `values` has one value per input of `circuit`
/// and each is admissible: a member of a finite format, or for exact inputs
/// a value k / denominator with an integer k in the input's [low, high].
/// The message names the input.
void check_input_values(const Circuit& circuit, const std::vector<mpq_class>& values);

/// The value of every node for the input values `values` (in input order,
/// checked by check_input_values). Number nodes hold members of the format,
/// Boolean nodes 0 or 1. Each node applies the reference:: operation of its
/// kind; explicit tables return their entry (or default). One pass in node
/// order, no recursion.
std::vector<mpq_class> evaluate_nodes(const Circuit& circuit, const std::vector<mpq_class>& values);

/// The value of every output (Booleans as 0 or 1), in output order. Only the
/// nodes some output depends on are computed, and each value is released
/// after its last use, so memory follows the circuit's width, not its size.
std::vector<mpq_class> evaluate(const Circuit& circuit, const std::vector<mpq_class>& values);

}  // namespace rnncc::arith
