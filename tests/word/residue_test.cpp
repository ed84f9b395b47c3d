// The residue number system pieces: the choice of moduli, modular add,
// subtract, negate and multiply, binary to residues and Chinese-remainder
// reconstruction, checked exhaustively at small widths and against GMP at
// large ones, and their AIG depth held to hand-derived bounds that depend
// on the modulus width b (modular operations) or grow with log W only.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "rnncc/word/modular.hpp"
#include "rnncc/word/residue_basis.hpp"
#include "rnncc/word/residue_conversion.hpp"
#include "word_harness.hpp"

using rnncc::logic::Aig;
using rnncc::word::ArithmeticArchitecture;
using rnncc::word::BitVector;
using rnncc::word::ResidueBasis;
using rnncc::word::Residues;
using rnncc::word::Signedness;
using namespace rnncc::test;

namespace {

using Values = std::vector<mpz_class>;

mpz_class remainder_of(const mpz_class& value, const mpz_class& modulus) {
  mpz_class result;
  mpz_fdiv_r(result.get_mpz_t(), value.get_mpz_t(), modulus.get_mpz_t());
  return result;
}

std::size_t bits_of(const mpz_class& value) {
  return value == 0 ? 0 : mpz_sizeinbase(value.get_mpz_t(), 2);
}

std::size_t ceil_log2(std::size_t n) {
  std::size_t k = 0;
  while ((std::size_t{1} << k) < n)
    ++k;
  return k;
}

std::size_t word_depth(const Aig& aig, const BitVector& bits) {
  std::size_t depth = 0;
  for (auto bit : bits)
    depth = std::max<std::size_t>(depth, aig.level(bit));
  return depth;
}

// --- hand-derived depth bounds (default architectures: Kogge–Stone, Wallace) --
//
// Adder (adder_test.cpp): a Kogge–Stone adder of W = 2^K bits is 2K + 2 deep;
// a narrower adder is a part of that network, so m bits cost at most
// A(m) = 2⌈log2 m⌉ + 2 (a carry out included).
std::size_t adder_bound(std::size_t bits) {
  return 2 * ceil_log2(std::max<std::size_t>(bits, 2)) + 2;
}
// Carry-save tree (multiplier_test.cpp): Wallace takes at most the Dadda
// stage count s(h) for the largest column height h, at most 4 levels each.
std::size_t stage_bound(std::size_t height) {
  std::size_t stages = 0;
  for (std::size_t d = 2; d < height; d = d * 3 / 2)
    ++stages;
  return stages;
}
// Conditional subtraction on m bits: the adder, then a multiplexer (2 levels).
std::size_t conditional_subtract_bound(std::size_t bits) {
  return adder_bound(bits) + 2;
}
// Barrett reduction of an m-bit x by a k-bit P: x's high part times the
// constant μ (k+1 bits: columns at most k+1 high, partial products are the
// bits themselves) through an adder of m+2 bits; the quotient times the
// constant P (k bits) to k+2 bits; one subtraction and two conditional
// subtractions on k+2 bits.
std::size_t barrett_bound(std::size_t x_bits, std::size_t k) {
  return 4 * stage_bound(k + 1) + adder_bound(x_bits + 2) + 4 * stage_bound(k) +
         adder_bound(k + 2) + adder_bound(k + 2) + 2 * conditional_subtract_bound(k + 2);
}
// Modular multiplication of b-bit residues: partial products (1 level), a
// tree of height b, an adder of 2b bits, Barrett on the 2b-bit product.
std::size_t modular_multiply_bound(std::size_t b) {
  return 1 + 4 * stage_bound(b) + adder_bound(2 * b) + barrett_bound(2 * b, b);
}
// Modular addition: an adder with carry out on b bits, a conditional
// subtraction on b+1 bits.
std::size_t modular_add_bound(std::size_t b) {
  return adder_bound(b) + conditional_subtract_bound(b + 1);
}
// Modular subtraction: the subtractor, an adder of P, a multiplexer.
std::size_t modular_subtract_bound(std::size_t b) {
  return 2 * adder_bound(b) + 2;
}
// Binary to residue for an n-bit x with n < P: a tree of column height at
// most n (each bit lands in a column at most once), an adder of
// m = b + ⌈log2 n⌉ bits (the sum is below n·P), Barrett on those m bits.
std::size_t residue_of_bound(std::size_t n, std::size_t b) {
  const std::size_t m = b + ceil_log2(n);
  return 4 * stage_bound(n) + adder_bound(m) + barrett_bound(m, b);
}
// Reconstruction of `width` bits from k residues of b bits: the y_j (a
// modular multiplication by a constant, no partial-product AND), the
// quotient's tree of height at most k·b + 1 and adder of
// t + bitlength(k) + 1 bits (t = b + ⌈log2 k⌉ + 3), then the final tree of
// height at most k·b + bitlength(k) + 1 and a width-bit adder.
std::size_t reconstruct_bound(std::size_t k, std::size_t b, std::size_t width) {
  const std::size_t t = b + ceil_log2(k) + 3;
  const std::size_t quotient_bits = bits_of(mpz_class(static_cast<unsigned long>(k))) + 1;
  return modular_multiply_bound(b) + 4 * stage_bound(k * b + 1) + adder_bound(t + quotient_bits) +
         4 * stage_bound(k * b + quotient_bits) + adder_bound(width);
}

const std::vector<unsigned long> small_primes{3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 61, 127, 251};

}  // namespace

TEST_CASE("residue basis: distinct b-bit primes, product above 4·bound, as few as suffice") {
  for (const char* text :
       {"0", "1", "7", "100", "65535", "1000000007", "123456789012345678901234567890",
        "340282366920938463463374607431768211455"}) {
    const mpz_class bound(text);
    CAPTURE(text);
    const ResidueBasis basis = rnncc::word::choose_residue_basis(bound);
    REQUIRE(!basis.moduli.empty());
    mpz_class product = 1;
    mpz_class without_last = 1;
    for (std::size_t j = 0; j < basis.moduli.size(); ++j) {
      const mpz_class& p = basis.moduli[j];
      CHECK(mpz_probab_prime_p(p.get_mpz_t(), 30) != 0);
      CHECK(bits_of(p) == basis.modulus_bits);
      if (j > 0) CHECK(p < basis.moduli[j - 1]);  // distinct, largest first
      product *= p;
      if (j + 1 < basis.moduli.size()) without_last *= p;
    }
    CHECK(product == basis.product);
    CHECK(product > 4 * bound);
    if (basis.moduli.size() > 1) CHECK(without_last <= 4 * bound);
    // b = bitlength(W) + 1 (at least 3) for W = bitlength(4·bound + 1), and
    // k ≈ W / (b - 1): each prime holds more than b - 1 bits.
    const std::size_t range_bits = bits_of(mpz_class(4 * bound + 1));
    CHECK(basis.modulus_bits >= std::max<std::size_t>(3, bits_of(mpz_class(range_bits)) + 1));
    CHECK(basis.moduli.size() <= range_bits / (basis.modulus_bits - 1) + 1);
  }
}

TEST_CASE("modular add, subtract, negate, multiply: every residue pair for small primes") {
  for (unsigned long p : small_primes) {
    CAPTURE(p);
    const mpz_class modulus(p);
    const std::size_t b = rnncc::word::residue_width(modulus);
    Aig aig;
    const BitVector a = input_word(aig, b);
    const BitVector c = input_word(aig, b);
    const ArithmeticArchitecture architecture{};
    std::vector<Probe> probes{
        {"add", rnncc::word::modular_add(aig, a, c, modulus, architecture.adder),
         [modulus](const Values& v) { return remainder_of(v[0] + v[1], modulus); }},
        {"subtract", rnncc::word::modular_subtract(aig, a, c, modulus, architecture.adder),
         [modulus](const Values& v) { return remainder_of(v[0] - v[1], modulus); }},
        {"negate", rnncc::word::modular_negate(aig, a, modulus, architecture.adder),
         [modulus](const Values& v) { return remainder_of(-v[0], modulus); }},
        {"multiply", rnncc::word::modular_multiply(aig, a, c, modulus, architecture),
         [modulus](const Values& v) { return remainder_of(v[0] * v[1], modulus); }},
    };
    OperandTuples tuples;
    for (unsigned long x = 0; x < p; ++x) {
      for (unsigned long y = 0; y < p; ++y)
        tuples.push_back({mpz_class(x), mpz_class(y)});
    }
    CHECK(check_probes(aig, {a, c}, tuples, probes) == "");
  }
}

TEST_CASE("modular operations: random residues of 20- and 31-bit primes against GMP") {
  for (const char* text : {"1048573", "2147483647"}) {
    const mpz_class modulus(text);
    CAPTURE(text);
    const std::size_t b = rnncc::word::residue_width(modulus);
    Aig aig;
    const BitVector a = input_word(aig, b);
    const BitVector c = input_word(aig, b);
    const ArithmeticArchitecture architecture{};
    std::vector<Probe> probes{
        {"add", rnncc::word::modular_add(aig, a, c, modulus, architecture.adder),
         [modulus](const Values& v) { return remainder_of(v[0] + v[1], modulus); }},
        {"subtract", rnncc::word::modular_subtract(aig, a, c, modulus, architecture.adder),
         [modulus](const Values& v) { return remainder_of(v[0] - v[1], modulus); }},
        {"multiply", rnncc::word::modular_multiply(aig, a, c, modulus, architecture),
         [modulus](const Values& v) { return remainder_of(v[0] * v[1], modulus); }},
    };
    gmp_randclass random(gmp_randinit_mt);
    random.seed(19);
    OperandTuples tuples{{0, 0},
                         {mpz_class(modulus - 1), mpz_class(modulus - 1)},
                         {mpz_class(modulus - 1), 1},
                         {1, mpz_class(modulus - 1)}};
    for (int i = 0; i < 4000; ++i)
      tuples.push_back({random.get_z_range(modulus), random.get_z_range(modulus)});
    CHECK(check_probes(aig, {a, c}, tuples, probes) == "");
  }
}

TEST_CASE("modular operations: depth within the hand-derived bounds, the same for every W") {
  // b = 5 .. 24: the largest b-bit prime; depths depend on b only.
  for (std::size_t b = 5; b <= 24; b += 3) {
    CAPTURE(b);
    const ResidueBasis basis = rnncc::word::choose_residue_basis(mpz_class(1) << (2 * b));
    mpz_class modulus;
    mpz_class top = mpz_class(1) << b;
    mpz_nextprime(modulus.get_mpz_t(), mpz_class(top - 64).get_mpz_t());
    while (true) {  // the largest prime below 2^b
      mpz_class next;
      mpz_nextprime(next.get_mpz_t(), modulus.get_mpz_t());
      if (next >= top) break;
      modulus = next;
    }
    REQUIRE(bits_of(modulus) == b);
    Aig aig;
    const BitVector a = input_word(aig, b);
    const BitVector c = input_word(aig, b);
    const ArithmeticArchitecture architecture{};
    const std::size_t add_depth =
        word_depth(aig, rnncc::word::modular_add(aig, a, c, modulus, architecture.adder));
    const std::size_t subtract_depth =
        word_depth(aig, rnncc::word::modular_subtract(aig, a, c, modulus, architecture.adder));
    const std::size_t multiply_depth =
        word_depth(aig, rnncc::word::modular_multiply(aig, a, c, modulus, architecture));
    CHECK(add_depth <= modular_add_bound(b));
    CHECK(subtract_depth <= modular_subtract_bound(b));
    CHECK(multiply_depth <= modular_multiply_bound(b));
    // Logarithmic in b: the bounds are c·⌈log2 b⌉ + d with small constants.
    CHECK(add_depth <= 4 * ceil_log2(b) + 8);
    CHECK(multiply_depth <= 40 * ceil_log2(b) + 40);
    (void)basis;
  }
}

TEST_CASE("binary to residue: every word of 1..10 bits, signed and unsigned, small primes") {
  for (std::size_t width = 1; width <= 10; ++width) {
    for (Signedness signedness : both_signednesses) {
      Aig aig;
      const BitVector x = input_word(aig, width);
      std::vector<Probe> probes;
      for (unsigned long p : small_primes) {
        const mpz_class modulus(p);
        probes.push_back({"residue mod " + std::to_string(p),
                          rnncc::word::residue_of(aig, x, signedness, modulus, {}),
                          [modulus](const Values& v) { return remainder_of(v[0], modulus); }});
      }
      CAPTURE(width);
      CHECK(check_probes(aig, {x}, all_singles(width, signedness), probes) == "");
    }
  }
}

TEST_CASE("binary to residue: random 64- and 300-bit words against GMP, basis moduli") {
  for (std::size_t width : {64, 300}) {
    const ResidueBasis basis = rnncc::word::choose_residue_basis(mpz_class(1) << width);
    Aig aig;
    const BitVector x = input_word(aig, width);
    const Residues residues = rnncc::word::residues_of(aig, x, Signedness::signed_, basis, {});
    std::vector<Probe> probes;
    for (std::size_t j = 0; j < basis.moduli.size(); ++j) {
      const mpz_class modulus = basis.moduli[j];
      probes.push_back({"residue " + std::to_string(j), residues[j],
                        [modulus](const Values& v) { return remainder_of(v[0], modulus); }});
    }
    CAPTURE(width);
    CHECK(check_probes(aig, {x}, sampled_singles(width, Signedness::signed_, 2000, width),
                       probes) == "");
  }
}

TEST_CASE("binary to residue: depth within the hand-derived bound, O(log W)") {
  for (std::size_t width : {16, 64, 256, 1024}) {
    const ResidueBasis basis = rnncc::word::choose_residue_basis(mpz_class(1) << width);
    Aig aig;
    const BitVector x = input_word(aig, width);
    const Residues residues = rnncc::word::residues_of(aig, x, Signedness::signed_, basis, {});
    std::size_t depth = 0;
    for (const BitVector& residue : residues)
      depth = std::max(depth, word_depth(aig, residue));
    CAPTURE(width);
    CAPTURE(basis.modulus_bits);
    CHECK(width < basis.moduli.back());  // the bound's premise n < P
    CHECK(depth <= residue_of_bound(width, basis.modulus_bits));
  }
}

namespace {

/// Reconstructs `width` bits from residue inputs under `basis` and checks
/// every value in `values` (each |x| <= M/4 and fitting `width` bits).
std::string check_reconstruction(const ResidueBasis& basis, std::size_t width,
                                 const std::vector<mpz_class>& values, std::size_t* depth) {
  Aig aig;
  std::vector<BitVector> inputs;
  for (const mpz_class& modulus : basis.moduli)
    inputs.push_back(input_word(aig, rnncc::word::residue_width(modulus)));
  const BitVector x = rnncc::word::reconstruct(aig, inputs, basis, width, {});
  const rnncc::logic::Literal zero = rnncc::word::is_zero(aig, inputs);
  if (depth != nullptr) *depth = word_depth(aig, x);
  OperandTuples tuples;
  for (const mpz_class& value : values) {
    std::vector<mpz_class> residues;
    for (const mpz_class& modulus : basis.moduli)
      residues.push_back(remainder_of(value, modulus));
    residues.push_back(value);  // read by the references only
    tuples.push_back(residues);
  }
  const std::size_t k = basis.moduli.size();
  std::vector<Probe> probes{
      {"reconstruction", x, [k](const Values& v) { return v[k]; }},
      {"is zero", BitVector{zero}, [k](const Values& v) { return mpz_class(v[k] == 0 ? 1 : 0); }},
  };
  inputs.push_back(BitVector{});  // the value itself has no circuit input
  return check_probes(aig, inputs, tuples, probes);
}

}  // namespace

TEST_CASE("reconstruction: every integer of small ranges, every residue basis they choose") {
  for (long bound : {1L, 2L, 5L, 31L, 100L, 1000L, 40000L}) {
    const ResidueBasis basis = rnncc::word::choose_residue_basis(mpz_class(bound));
    std::vector<mpz_class> values;
    for (long x = -bound; x <= bound; ++x)
      values.push_back(mpz_class(x));
    // The largest magnitude reconstruct() promises, M/4, fits this width.
    const std::size_t width = bits_of(mpz_class(basis.product / 4)) + 1;
    for (long x : {-1L, 1L})
      values.push_back(mpz_class(x * (basis.product / 4)));
    CAPTURE(bound);
    CHECK(check_reconstruction(basis, width, values, nullptr) == "");
  }
}

TEST_CASE("reconstruction: random integers of 64 ... 1024 bits against GMP; depth bound") {
  for (std::size_t width : {64, 256, 1024}) {
    const mpz_class bound = (mpz_class(1) << (width - 1));
    const ResidueBasis basis = rnncc::word::choose_residue_basis(bound);
    gmp_randclass random(gmp_randinit_mt);
    random.seed(width);
    std::vector<mpz_class> values{0, 1, -1, mpz_class(bound - 1), mpz_class(-bound)};
    for (int i = 0; i < 600; ++i)
      values.push_back(mpz_class(random.get_z_range(mpz_class(2 * bound)) - bound));
    std::size_t depth = 0;
    CAPTURE(width);
    CHECK(check_reconstruction(basis, width, values, &depth) == "");
    const std::size_t k = basis.moduli.size();
    CAPTURE(k);
    CAPTURE(basis.modulus_bits);
    CHECK(depth <= reconstruct_bound(k, basis.modulus_bits, width));
  }
}
