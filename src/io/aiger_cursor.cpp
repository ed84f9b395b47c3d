#include "aiger_cursor.hpp"

#include <fmt/format.h>

#include "rnncc/common/error.hpp"

namespace rnncc::io {

void AigerCursor::fail(std::string_view expected) const {
  if (place_ == Place::line) fail_at_line(line_, expected);
  fail_at_byte(offset_, expected);
}

void AigerCursor::fail_found(std::string_view expected) const {
  std::string found;
  if (at_end()) {
    found = "end of file";
  } else {
    auto byte = static_cast<unsigned char>(contents_[offset_]);
    if (byte == '\n') {
      found = "end of line";
    } else if (byte >= 0x20 && byte < 0x7f) {
      found = fmt::format("'{}'", static_cast<char>(byte));
    } else {
      found = fmt::format("byte 0x{:02x}", byte);
    }
  }
  fail(fmt::format("{}, found {}", expected, found));
}

std::string AigerCursor::message_at_line(std::uint64_t line, std::string_view expected) const {
  return fmt::format("{}:{}: expected {}", source_, line, expected);
}

std::string AigerCursor::message_at_byte(std::size_t offset, std::string_view expected) const {
  return fmt::format("{}: byte {}: expected {}", source_, offset, expected);
}

void AigerCursor::fail_at_line(std::uint64_t line, std::string_view expected) const {
  throw InputError(message_at_line(line, expected));
}

void AigerCursor::fail_at_byte(std::size_t offset, std::string_view expected) const {
  throw InputError(message_at_byte(offset, expected));
}

void AigerCursor::fail_at_token(std::size_t offset, std::string_view expected) const {
  if (place_ == Place::line) fail_at_line(line_, expected);
  fail_at_byte(offset, expected);
}

std::string_view AigerCursor::rest_of_line() {
  std::size_t end = contents_.find('\n', offset_);
  if (end == std::string_view::npos) end = contents_.size();
  std::string_view line = contents_.substr(offset_, end - offset_);
  offset_ = end;
  return line;
}

std::string_view AigerCursor::rest_of_file() {
  std::string_view rest = contents_.substr(offset_);
  offset_ = contents_.size();
  return rest;
}

}  // namespace rnncc::io
