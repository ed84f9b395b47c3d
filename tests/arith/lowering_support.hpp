// Test harness for format lowering: builds the circuit of every operation
// under every architecture on shared inputs, simulates it on operand tuples,
// and compares every result with the reference semantics.
#pragma once

#include <gmpxx.h>
#include <cstddef>
#include <functional>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "rnncc/arith/format.hpp"
#include "rnncc/arith/format_lowering.hpp"
#include "rnncc/word/bit_vector.hpp"

namespace rnncc::test {

/// A lowered result: a value, or a predicate (one literal, read as 0/1).
struct LoweredResult {
  arith::LoweredValue value;
  bool is_predicate = false;
};

/// One operation under test: its circuit and its reference on 1 or 2 operands.
struct OperationUnderTest {
  std::string name;
  std::function<LoweredResult(arith::FormatLowering&, const std::vector<arith::LoweredValue>&)>
      lower;
  std::function<mpq_class(const arith::Format&, const std::vector<mpq_class>&)> reference;
};

/// Adder × multiplier combinations covering every adder architecture and
/// every multiplier architecture.
std::vector<word::ArithmeticArchitecture> architectures_under_test();

/// Checks every operation (all of the same arity = operand_tuples[i].size())
/// on every operand tuple under every architecture of `architectures`
/// (architectures_under_test() when empty); `domains` gives each operand's
/// domain for exact formats (empty otherwise). Reports the first few
/// mismatches and returns the number of comparisons made.
std::size_t check_operations(const arith::Format& format,
                             const std::vector<OperationUnderTest>& operations,
                             const std::vector<std::vector<mpq_class>>& operand_tuples,
                             const std::vector<arith::ExactDomain>& domains = {},
                             std::vector<word::ArithmeticArchitecture> architectures = {});

/// Every member of a finite format, lowest first.
std::vector<mpq_class> all_members(const arith::Format& format);

/// Members that exercise edges: 0, ±one step, ±1, ±1/2, ±3/2, the extremes
/// and their neighbours, the square-root overflow boundary of ×, P-1, ....
std::vector<mpq_class> edge_members(const arith::Format& format);

/// A member drawn uniformly (3 in 4) or from edge_members (1 in 4).
mpq_class draw_member(const arith::Format& format, const std::vector<mpq_class>& edges,
                      gmp_randclass& random, std::mt19937_64& generator);

}  // namespace rnncc::test
