// A literal of an and-inverter graph: a node with an optional complement.
#pragma once

#include <compare>
#include <cstdint>

namespace rnncc::logic {

/// Index of a node in an Aig. Node 0 is the constant false.
using NodeIndex = std::uint32_t;

/// 2 * node + complement bit, exactly as in the AIGER format.
struct Literal {
  std::uint32_t code = 0;

  /// The literal of `node`, complemented when `complemented` is true.
  static constexpr Literal of(NodeIndex node, bool complemented = false) {
    return Literal{(node << 1) | static_cast<std::uint32_t>(complemented)};
  }
  constexpr NodeIndex node() const { return code >> 1; }
  constexpr bool is_complemented() const { return (code & 1U) != 0; }
  /// The same node without complement.
  constexpr Literal regular() const { return Literal{code & ~1U}; }
  constexpr bool is_constant() const { return code <= 1; }
  constexpr Literal operator!() const { return Literal{code ^ 1U}; }
  /// Complements the literal when `condition` is true.
  constexpr Literal operator^(bool condition) const {
    return Literal{code ^ static_cast<std::uint32_t>(condition)};
  }
  constexpr auto operator<=>(const Literal&) const = default;
};

inline constexpr Literal false_literal{0};
inline constexpr Literal true_literal{1};

/// The constant literal holding `value`.
constexpr Literal constant_literal(bool value) {
  return value ? true_literal : false_literal;
}

}  // namespace rnncc::logic
