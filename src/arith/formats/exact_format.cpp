// The exact format: the rationals Q.
#include <optional>
#include <stdexcept>
#include <string>

#include "format_kind.hpp"

namespace rnncc::arith::detail {
namespace {

Format parse_exact(std::string_view, std::string_view) {
  return ExactFormat{};
}

std::string print_exact(const Format&) {
  return "exact";
}

/// Exact widths follow the computation: no width belongs to the format.
std::optional<std::size_t> exact_width(const Format&) {
  return std::nullopt;
}

[[noreturn]] void refuse_finite_question() {
  throw std::invalid_argument("the exact format has no finite range");
}

}  // namespace

constinit const FormatKind exact_format_kind{
    .keyword = "exact",
    .syntax = "exact",
    .takes_arguments = false,
    .is_ring = true,
    .is_finite = false,
    .parse = parse_exact,
    .print = print_exact,
    .width_in_bits = exact_width,
    .members = {
        .representable_range = [](const Format&) -> RepresentableRange {
          refuse_finite_question();
        },
        .resolution = [](const Format&) -> mpq_class { refuse_finite_question(); },
        .is_member = [](const Format&, const mpq_class&) { return true; },
        .encode = [](const Format&, const mpq_class&) -> mpz_class { refuse_finite_question(); },
        .decode = [](const Format&, const mpz_class&) -> mpq_class { refuse_finite_question(); },
    },
};

}  // namespace rnncc::arith::detail
