#include "rnncc/word/resize.hpp"

#include <stdexcept>

namespace rnncc::word {

using logic::Aig;
using logic::Literal;

BitVector constant(std::size_t width, const mpz_class& value) {
  // mpz_tstbit reads negative numbers in two's complement.
  BitVector result(width);
  for (std::size_t i = 0; i < width; ++i) {
    result[i] = logic::constant_literal(mpz_tstbit(value.get_mpz_t(), i) != 0);
  }
  return result;
}

BitVector mux(Aig& aig, Literal select, const BitVector& if_true, const BitVector& if_false) {
  if (if_true.size() != if_false.size()) throw std::invalid_argument("mux: widths differ");
  BitVector result(if_true.size());
  for (std::size_t i = 0; i < if_true.size(); ++i) {
    result[i] = aig.create_mux(select, if_true[i], if_false[i]);
  }
  return result;
}

BitVector sign_extend(const BitVector& x, std::size_t width) {
  if (width < x.size()) throw std::invalid_argument("sign_extend: narrower than the operand");
  BitVector result = x;
  result.resize(width, x.empty() ? logic::false_literal : x.back());
  return result;
}

BitVector zero_extend(const BitVector& x, std::size_t width) {
  if (width < x.size()) throw std::invalid_argument("zero_extend: narrower than the operand");
  BitVector result = x;
  result.resize(width, logic::false_literal);
  return result;
}

BitVector extend(const BitVector& x, std::size_t width, Signedness signedness) {
  return signedness == Signedness::signed_ ? sign_extend(x, width) : zero_extend(x, width);
}

BitVector truncate(const BitVector& x, std::size_t width) {
  if (width > x.size()) throw std::invalid_argument("truncate: wider than the operand");
  return BitVector(x.begin(), x.begin() + static_cast<std::ptrdiff_t>(width));
}

BitVector shift_left(const BitVector& x, std::size_t amount) {
  BitVector result(x.size(), logic::false_literal);
  for (std::size_t i = amount; i < x.size(); ++i)
    result[i] = x[i - amount];
  return result;
}

BitVector shift_right(const BitVector& x, std::size_t amount, Signedness signedness) {
  const Literal fill =
      signedness == Signedness::signed_ && !x.empty() ? x.back() : logic::false_literal;
  BitVector result(x.size(), fill);
  for (std::size_t i = 0; amount < x.size() && i < x.size() - amount; ++i) {
    result[i] = x[i + amount];
  }
  return result;
}

}  // namespace rnncc::word
