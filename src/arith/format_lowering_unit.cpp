#include "format_lowering_unit.hpp"

#include <fmt/format.h>

#include <stdexcept>
#include <utility>

#include "rnncc/arith/reference.hpp"
#include "rnncc/word/resize.hpp"

namespace rnncc::arith::detail {

FormatLoweringUnit::FormatLoweringUnit(logic::Aig& aig, Format format,
                                       word::ArithmeticArchitecture architecture)
    : aig_(aig), format_(std::move(format)), architecture_(architecture) {}

FormatLoweringUnit::~FormatLoweringUnit() = default;

LoweredValue FormatLoweringUnit::hardtanh(const LoweredValue& a) {
  return clip(a, -1, 1);
}

LoweredValue FormatLoweringUnit::apply(Activation activation, const LoweredValue& a) {
  switch (activation) {
    case Activation::relu:
      return relu(a);
    case Activation::hardtanh:
      return hardtanh(a);
    case Activation::sign:
      return sign(a);
    default:
      return apply_transcendental(activation, a);
  }
}

std::optional<LoweredValue> FormatLoweringUnit::conform(const LoweredValue&, const LoweredValue&) {
  throw std::logic_error("conform applies to exact values only");
}

LoweredValue FormatLoweringUnit::apply_transcendental(Activation activation, const LoweredValue&) {
  // The reference gives the error that names a format to use instead.
  reference::apply(format_, activation, 0);
  throw std::logic_error("reference::apply accepted a transcendental activation");
}

void FormatLoweringUnit::check_input_width(const word::BitVector& bits,
                                           const std::optional<ExactDomain>& domain) const {
  if (bits.size() != input_width(domain)) {
    throw std::invalid_argument(fmt::format("an input of {} needs {} bits, got {}",
                                            to_string(format_), input_width(domain), bits.size()));
  }
}

word::BitVector resize_signed(const word::BitVector& x, std::size_t width) {
  return x.size() >= width ? word::truncate(x, width) : word::sign_extend(x, width);
}

}  // namespace rnncc::arith::detail
