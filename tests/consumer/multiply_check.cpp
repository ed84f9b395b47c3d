// Uses the installed rnncc library: builds an AIG holding an 8-by-8-bit
// unsigned multiplier (lowered by word::multiply), writes it as binary
// AIGER, reads the file back, and checks by evaluating the circuit read
// back that it computes a·b for every pair of operands; then lowers a
// word-level product in mod:16 (arith::lower, values as GMP rationals) and
// checks 123 · -45. Exits 0 when all products are right, 1 otherwise.
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include <gmpxx.h>

#include "rnncc/arith/circuit.hpp"
#include "rnncc/arith/circuit_lowering.hpp"
#include "rnncc/arith/format.hpp"
#include "rnncc/eval/evaluator.hpp"
#include "rnncc/eval/pattern_set.hpp"
#include "rnncc/io/aiger.hpp"
#include "rnncc/logic/aig.hpp"
#include "rnncc/word/bit_vector.hpp"
#include "rnncc/word/multiplier.hpp"

namespace {

/// 123 · -45 in mod:16 through a lowered word-level circuit: -5535.
bool word_level_product_is_right() {
  using namespace rnncc;
  arith::Circuit circuit(arith::parse_format("mod:16"));
  const arith::NodeId x = circuit.create_input("x");
  const arith::NodeId y = circuit.create_input("y");
  circuit.create_output(circuit.create_multiply(x, y), "p");
  const arith::LoweredCircuit lowered = arith::lower(circuit, word::ArithmeticArchitecture{});
  const std::vector<mpz_class> patterns =
      arith::encode_inputs(circuit, lowered, {mpq_class(123), mpq_class(-45)});
  eval::PatternSet inputs(lowered.aig.input_count(), 1);
  std::uint32_t signal = 0;
  for (std::size_t word = 0; word < patterns.size(); ++word) {
    for (std::size_t bit = 0; bit < lowered.inputs[word].value.bits.size(); ++bit)
      inputs.set_bit(signal++, 0, mpz_tstbit(patterns[word].get_mpz_t(), bit) != 0);
  }
  const eval::PatternSet outputs =
      eval::evaluate(lowered.aig, inputs, eval::ParallelMode::patterns);
  mpz_class product_bits = 0;
  for (std::uint32_t bit = 0; bit < outputs.signal_count(); ++bit)
    if (outputs.bit(bit, 0)) mpz_setbit(product_bits.get_mpz_t(), bit);
  const mpq_class product = arith::decode_outputs(circuit, lowered, {product_bits}).front();
  std::printf("mod:16: 123 * -45 = %s\n", product.get_str().c_str());
  return product == -5535;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace rnncc;
  constexpr unsigned bits = 8;
  const std::filesystem::path path =
      argc > 1 ? std::filesystem::path(argv[1]) : std::filesystem::path("multiply.aig");

  logic::Aig aig;
  word::BitVector a;
  word::BitVector b;
  for (unsigned i = 0; i < bits; ++i)
    a.push_back(aig.create_input("a[" + std::to_string(i) + "]"));
  for (unsigned i = 0; i < bits; ++i)
    b.push_back(aig.create_input("b[" + std::to_string(i) + "]"));
  const word::BitVector product =
      word::multiply(aig, a, b, word::Signedness::unsigned_, 2 * bits,
                     {word::PrefixArchitecture::kogge_stone, word::MultiplierArchitecture::dadda});
  for (unsigned i = 0; i < 2 * bits; ++i)
    aig.create_output(product[i], "p[" + std::to_string(i) + "]");
  io::write_aiger_file(aig, path, io::AigerFormat::binary);

  const logic::Aig read_back = io::read_aiger_file(path);
  // Every pair of operands, one pattern each: pattern x·256 + y sets a = x, b = y.
  const std::uint64_t pattern_count = std::uint64_t{1} << (2 * bits);
  eval::PatternSet inputs(2 * bits, pattern_count);
  for (std::uint64_t pattern = 0; pattern < pattern_count; ++pattern) {
    for (unsigned i = 0; i < bits; ++i) {
      inputs.set_bit(i, pattern, ((pattern >> bits) >> i) & 1U);
      inputs.set_bit(bits + i, pattern, (pattern >> i) & 1U);
    }
  }
  const eval::PatternSet outputs = eval::evaluate(read_back, inputs, eval::ParallelMode::patterns);
  auto product_of = [&](std::uint64_t pattern) {
    std::uint64_t value = 0;
    for (unsigned i = 0; i < 2 * bits; ++i)
      value |= std::uint64_t{outputs.bit(i, pattern)} << i;
    return value;
  };
  std::uint64_t wrong = 0;
  for (std::uint64_t pattern = 0; pattern < pattern_count; ++pattern) {
    if (product_of(pattern) != (pattern >> bits) * (pattern & 0xffU)) ++wrong;
  }
  std::printf(
      "%s: %u inputs, %u outputs, %u ANDs, depth %u; 13 * 11 = %llu; wrong products: "
      "%llu of %llu\n",
      path.c_str(), read_back.input_count(), read_back.output_count(), read_back.and_count(),
      read_back.depth(), static_cast<unsigned long long>(product_of((13U << bits) | 11U)),
      static_cast<unsigned long long>(wrong), static_cast<unsigned long long>(pattern_count));
  const bool word_level_right = word_level_product_is_right();
  return wrong == 0 && word_level_right ? 0 : 1;
}
