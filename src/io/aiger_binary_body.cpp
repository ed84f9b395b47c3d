// Binary AIGER body: latch lines, output lines, then each AND k as two varints
// delta0 = lhs - rhs0 and delta1 = rhs0 - rhs1 with the implicit
// lhs = 2(I + L + k + 1). This is the reader's hot loop.
// Latch k is the implicit variable I + k + 1; its line holds its next-state
// literal and optionally its initial value.
#include <algorithm>
#include <vector>

#include <fmt/format.h>

#include "aiger_sections.hpp"

namespace rnncc::io {

namespace {

using logic::Aig;
using logic::Literal;

/// Decodes one varint at `cursor` (7 bits per byte, low bits first, high bit
/// = more bytes follow) into `value`; returns the position after it, or
/// nullptr when the bytes end first (truncated) or the value does not fit in
/// 32 bits (oversized), with `error` saying which.
inline const unsigned char* decode_varint(const unsigned char* cursor, const unsigned char* end,
                                          std::uint32_t& value, const char*& error) {
  if (cursor != end && *cursor < 0x80) {  // one byte: the common case
    value = *cursor;
    return cursor + 1;
  }
  std::uint32_t result = 0;
  for (unsigned shift = 0;; shift += 7) {
    if (cursor == end) {
      error = "truncated";
      return nullptr;
    }
    const unsigned byte = *cursor;
    if (shift == 28 && byte > 0x0f) {
      error = "oversized";
      return nullptr;
    }
    result |= (byte & 0x7fU) << shift;
    ++cursor;
    if (byte < 0x80) break;
  }
  value = result;
  return cursor;
}

}  // namespace

logic::SequentialAig parse_binary_body(AigerCursor& cursor, const AigerHeader& header) {
  Aig aig;
  const std::uint64_t max_literal = 2 * std::uint64_t{header.max_variable} + 1;
  // Latch lines take at least 2 bytes each: parse them before creating
  // inputs for them, so a header declaring more latches than fit is refused
  // before anything is allocated for them.
  std::vector<std::uint32_t> latch_next_literals;
  std::vector<logic::LatchInitial> latch_initial;
  for (std::uint32_t k = 0; k < header.latch_count; ++k) {
    const std::size_t start = cursor.offset();
    std::uint32_t literal = cursor.parse_unsigned_described(
        [k] { return fmt::format("the next-state literal of latch {}", k); });
    if (literal > max_literal) {
      cursor.fail_at_byte(start,
                          fmt::format("the next-state literal of latch {} at most 2M+1 = {}, "
                                      "found {}",
                                      k, max_literal, literal));
    }
    latch_next_literals.push_back(literal);
    latch_initial.push_back(parse_latch_initial(cursor, 2 * (header.input_count + k + 1), k));
    cursor.expect_newline("the end of line after a latch");
  }
  const std::uint32_t source_count = header.input_count + header.latch_count;
  // Each AND takes at least 2 bytes: do not reserve more than fit.
  aig.reserve(std::size_t{source_count} +
              std::min<std::size_t>(header.and_count, cursor.remaining() / 2 + 1));
  for (std::uint32_t i = 0; i < source_count; ++i)
    aig.create_input();

  std::vector<std::uint32_t> output_literals;
  output_literals.reserve(std::min<std::size_t>(header.output_count, cursor.remaining() / 2 + 1));
  for (std::uint32_t i = 0; i < header.output_count; ++i) {
    const std::size_t start = cursor.offset();
    std::uint32_t literal =
        cursor.parse_unsigned_described([i] { return fmt::format("the literal of output {}", i); });
    if (literal > max_literal) {
      cursor.fail_at_byte(start, fmt::format("the literal of output {} at most 2M+1 = {}, found {}",
                                             i, max_literal, literal));
    }
    output_literals.push_back(literal);
    cursor.expect_newline("the end of line after an output literal");
  }

  // Aig literal code of every AIGER variable defined so far (variable v at
  // index v); all variables below an AND's are defined before it, so no
  // check for undefined operands is needed. It grows with the ANDs decoded,
  // as a header may declare more ANDs than the file holds.
  std::vector<std::uint32_t> literal_of_variable;
  literal_of_variable.reserve(std::size_t{source_count} + 1 +
                              std::min<std::size_t>(header.and_count, cursor.remaining() / 2));
  literal_of_variable.push_back(logic::false_literal.code);
  for (std::uint32_t i = 0; i < source_count; ++i) {
    literal_of_variable.push_back(Literal::of(aig.input_node(i)).code);
  }

  const auto* const begin = reinterpret_cast<const unsigned char*>(cursor.data());
  const unsigned char* position = begin + cursor.offset();
  const unsigned char* const end = begin + cursor.offset() + cursor.remaining();
  std::uint32_t left = 2 * (header.input_count + header.latch_count);
  for (std::uint32_t k = 0; k < header.and_count; ++k) {
    left += 2;
    std::uint32_t delta0 = 0;
    std::uint32_t delta1 = 0;
    const char* error = nullptr;
    const unsigned char* delta0_start = position;
    position = decode_varint(position, end, delta0, error);
    if (position == nullptr) {
      cursor.fail_at_byte(
          static_cast<std::size_t>((error[0] == 't' ? end : delta0_start) - begin),
          fmt::format("the varint delta0 of AND {} (lhs {}), found it {}", k, left, error));
    }
    if (delta0 == 0 || delta0 > left) {
      cursor.fail_at_byte(
          static_cast<std::size_t>(delta0_start - begin),
          fmt::format("delta0 of AND {} (lhs {}) between 1 and {} so that 0 <= rhs0 < lhs, "
                      "found {}",
                      k, left, left, delta0));
    }
    const std::uint32_t right0 = left - delta0;
    const unsigned char* delta1_start = position;
    position = decode_varint(position, end, delta1, error);
    if (position == nullptr) {
      cursor.fail_at_byte(
          static_cast<std::size_t>((error[0] == 't' ? end : delta1_start) - begin),
          fmt::format("the varint delta1 of AND {} (lhs {}), found it {}", k, left, error));
    }
    if (delta1 > right0) {
      cursor.fail_at_byte(
          static_cast<std::size_t>(delta1_start - begin),
          fmt::format("delta1 of AND {} (lhs {}, rhs0 {}) at most {} so that 0 <= rhs1 <= rhs0, "
                      "found {}",
                      k, left, right0, right0, delta1));
    }
    const std::uint32_t right1 = right0 - delta1;
    const Literal a{literal_of_variable[right0 >> 1] ^ (right0 & 1U)};
    const Literal b{literal_of_variable[right1 >> 1] ^ (right1 & 1U)};
    literal_of_variable.push_back(aig.create_and(a, b).code);  // variable left / 2
  }
  cursor.skip(static_cast<std::size_t>(position - (begin + cursor.offset())));

  for (std::uint32_t literal : output_literals) {
    aig.create_output(Literal{literal_of_variable[literal >> 1] ^ (literal & 1U)});
  }
  for (std::uint32_t literal : latch_next_literals) {
    aig.create_output(Literal{literal_of_variable[literal >> 1] ^ (literal & 1U)});
  }
  return {std::move(aig), std::move(latch_initial)};
}

}  // namespace rnncc::io
