// Activations lowered as lookup tables over every input pattern, each
// table's circuit built once per lowering and copied at every use.
#pragma once

#include <gmpxx.h>
#include <functional>
#include <map>
#include <memory>
#include <vector>

#include "rnncc/arith/activation.hpp"
#include "rnncc/logic/aig.hpp"
#include "rnncc/word/bit_vector.hpp"

namespace rnncc::arith::detail {

/// The lookup circuits of tabulated activations on operands of one width.
/// Building a table's circuit costs a structural-hash lookup per entry and
/// output bit (2^W · W); copying the built circuit costs one per gate, so
/// each is built once, on inputs of its own, and copied for every use.
class TabulatedActivations {
 public:
  /// The table of `activation` looked up at `operand`, built into `aig`:
  /// output pattern `table[p]` when `operand` holds the pattern p. The
  /// first use of `activation` calls build_table(), which gives one entry
  /// per pattern of operand.size() bits, each of that many bits.
  word::BitVector lookup(logic::Aig& aig, Activation activation, const word::BitVector& operand,
                         const std::function<std::vector<mpz_class>()>& build_table);

 private:
  std::map<Activation, std::unique_ptr<logic::Aig>> circuits_;
};

}  // namespace rnncc::arith::detail
