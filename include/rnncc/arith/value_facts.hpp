// What is known about the value of each word of an arithmetic circuit in a
// finite format (mod:W, modp:P, fixed:W.F), found by one forward pass over
// its nodes: an interval, the finite set of values when it is small, and
// low bits known to be zero. The lowering uses it to carry each word in the
// bits it needs (narrowed_lowering.hpp).
#pragma once

#include <gmpxx.h>
#include <cstddef>
#include <vector>

#include "rnncc/arith/circuit.hpp"
#include "rnncc/arith/format.hpp"

namespace rnncc::arith {

/// Largest number of values a ValueFacts lists; beyond it only the interval
/// and the known low bits are kept.
inline constexpr std::size_t max_listed_values = 16;

/// Facts about one word, on its stored integer (the member times the
/// format's denominator: the signed representative for mod:W, the residue
/// 0 .. P-1 for modp:P, k for the fixed value k · 2^-F). A Boolean word's
/// stored integer is 0 or 1. Every value the word takes at any input has
///   low <= stored integer <= high,
///   stored integer in `values` when `values` is not empty (sorted, distinct,
///   at most max_listed_values),
///   its lowest `trailing_zero_bits` bits zero (two's complement).
struct ValueFacts {
  mpz_class low;
  mpz_class high;
  std::vector<mpz_class> values;
  std::size_t trailing_zero_bits = 0;

  /// True when the word takes a single value (low == high).
  bool is_constant() const { return low == high; }
};

/// Facts that hold for every member of `format` (a finite format).
ValueFacts facts_of_any_member(const Format& format);
/// Facts of a Boolean word that may be 0 or 1.
ValueFacts facts_of_any_boolean();
/// Facts of the single stored integer `stored` of `format`.
ValueFacts facts_of_constant(const Format& format, const mpz_class& stored);
/// Facts of the Boolean constant `value`.
ValueFacts facts_of_boolean_constant(bool value);

/// Facts of each operation's result given its operands' facts, in `format`
/// (a finite format); each holds for every operand values the operand facts
/// allow, under the semantics of reference.hpp.
ValueFacts add_facts(const Format& format, const ValueFacts& a, const ValueFacts& b);
ValueFacts subtract_facts(const Format& format, const ValueFacts& a, const ValueFacts& b);
ValueFacts negate_facts(const Format& format, const ValueFacts& a);
ValueFacts multiply_facts(const Format& format, const ValueFacts& a, const ValueFacts& b);
/// a · 2^-shift.
ValueFacts rescale_facts(const Format& format, const ValueFacts& a, long shift);
ValueFacts less_than_facts(const Format& format, const ValueFacts& a, const ValueFacts& b);
ValueFacts equal_facts(const Format& format, const ValueFacts& a, const ValueFacts& b);
/// The condition's facts decide which of the two values are possible.
ValueFacts select_facts(const ValueFacts& condition, const ValueFacts& if_true,
                        const ValueFacts& if_false);
ValueFacts relu_facts(const Format& format, const ValueFacts& a);
ValueFacts clip_facts(const Format& format, const ValueFacts& a, const mpq_class& low,
                      const mpq_class& high);
ValueFacts lookup_facts(const Format& format, const LookupTable& table, const ValueFacts& a);

/// The facts of every node of `circuit` (a finite format), indexed by node;
/// inputs may take any member (Boolean inputs 0 or 1).
std::vector<ValueFacts> analyse_values(const Circuit& circuit);

/// The bits a word with `facts` needs in `format`: for mod and fixed the
/// two's-complement width of [low, high] (at most the format's width), for
/// modp the binary width of high (at least 1).
std::size_t needed_width(const Format& format, const ValueFacts& facts);

}  // namespace rnncc::arith
