// Bit-vectors of AIG literals and the architecture choices for arithmetic.
#pragma once

#include <string_view>
#include <vector>

#include "rnncc/logic/literal.hpp"

namespace rnncc::word {

/// A word of AIG literals, least significant bit first. Its width is size().
using BitVector = std::vector<logic::Literal>;

/// Parallel-prefix network shapes. `ripple` is the serial chain.
enum class PrefixArchitecture { ripple, sklansky, brent_kung, kogge_stone, ladner_fischer };

/// Partial-product reduction shapes for multipliers.
enum class MultiplierArchitecture { array, wallace, dadda };

enum class Signedness { unsigned_, signed_ };

/// Canonical lower-case names: "ripple", "sklansky", "brent-kung",
/// "kogge-stone", "ladner-fischer"; "array", "wallace", "dadda".
std::string_view name_of(PrefixArchitecture architecture);
std::string_view name_of(MultiplierArchitecture architecture);
/// Parses a canonical name; throws InputError naming the accepted names.
PrefixArchitecture parse_prefix_architecture(std::string_view name);
MultiplierArchitecture parse_multiplier_architecture(std::string_view name);

/// The architectures used when lowering word-level arithmetic.
struct ArithmeticArchitecture {
  PrefixArchitecture adder = PrefixArchitecture::kogge_stone;
  MultiplierArchitecture multiplier = MultiplierArchitecture::wallace;
};

}  // namespace rnncc::word
