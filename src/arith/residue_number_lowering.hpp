// The exact format lowered in a residue number system: every number is
// carried as its numerator's residues modulo the primes of one basis (over
// a constant denominator, as in the binary lowering), and goes back to two's
// complement only where it leaves the circuit or is compared.
#pragma once

#include <memory>

#include "format_lowering_unit.hpp"
#include "rnncc/word/residue_basis.hpp"

namespace rnncc::arith::detail {

/// The lowering unit of `exact` in residues modulo `basis`. A value's bits
/// are its residues, k words of b bits one after another (modulus order);
/// low, high and denominator are what the binary lowering gives the same
/// value. Inputs arrive in two's complement and are converted; as_binary
/// reconstructs. The caller promises |numerator| <= M/4 for every value
/// this unit reconstructs (reconstructed_magnitude_bound chooses such a
/// basis); a violated promise throws std::logic_error while building.
std::unique_ptr<FormatLoweringUnit> make_residue_number_lowering(
    logic::Aig& aig, const word::ResidueBasis& basis, word::ArithmeticArchitecture architecture);

}  // namespace rnncc::arith::detail
