// Private: a position in an AIGER file being parsed, and the one-line errors
// that name it (`SOURCE:LINE: expected ...` or `SOURCE: byte N: expected ...`).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace rnncc::io {

class AigerCursor {
 public:
  /// Errors name lines (ASCII files) or zero-based byte offsets (binary).
  enum class Place { line, byte };

  AigerCursor(std::string_view contents, std::string_view source, Place place)
      : contents_(contents), source_(source), place_(place) {}

  bool at_end() const { return offset_ == contents_.size(); }
  std::size_t offset() const { return offset_; }
  std::size_t remaining() const { return contents_.size() - offset_; }
  /// One-based number of the current line.
  std::uint64_t line() const { return line_; }
  const char* data() const { return contents_.data(); }
  void set_place(Place place) { place_ = place; }
  void skip(std::size_t count) { offset_ += count; }

  /// Throws InputError: "SOURCE:LINE: expected WHAT" at the current place.
  [[noreturn]] void fail(std::string_view expected) const;
  /// As fail(), naming what is at the current place ("found 'x'").
  [[noreturn]] void fail_found(std::string_view expected) const;
  /// The one-line message "SOURCE:LINE: expected WHAT" or
  /// "SOURCE: byte N: expected WHAT".
  std::string message_at_line(std::uint64_t line, std::string_view expected) const;
  std::string message_at_byte(std::size_t offset, std::string_view expected) const;
  /// As fail() at a given line or byte offset.
  [[noreturn]] void fail_at_line(std::uint64_t line, std::string_view expected) const;
  [[noreturn]] void fail_at_byte(std::size_t offset, std::string_view expected) const;
  /// As fail() at a token that starts at `offset` on the current line.
  [[noreturn]] void fail_at_token(std::size_t offset, std::string_view expected) const;

  /// Consumes `c` or fails with "expected WHAT, found ...".
  void expect(char c, std::string_view what) {
    if (at_end() || contents_[offset_] != c) fail_found(what);
    ++offset_;
  }
  /// Consumes a line end, counting lines.
  void expect_newline(std::string_view what) {
    expect('\n', what);
    ++line_;
  }
  /// A decimal number below 2^32 ("expected WHAT" when there is no digit).
  std::uint32_t parse_unsigned(std::string_view what) {
    return parse_unsigned_described([what] { return std::string(what); });
  }
  /// As parse_unsigned; `describe()` gives WHAT, called only on failure.
  template <class Describe>
  std::uint32_t parse_unsigned_described(Describe describe) {
    const std::size_t start = offset_;
    std::uint64_t value = 0;
    while (offset_ < contents_.size() && contents_[offset_] >= '0' && contents_[offset_] <= '9') {
      value = value * 10 + static_cast<std::uint64_t>(contents_[offset_] - '0');
      if (value > 0xffffffffULL) fail_at_token(start, describe() + " below 2^32");
      ++offset_;
    }
    if (offset_ == start) fail_found(describe() + " (a decimal number)");
    return static_cast<std::uint32_t>(value);
  }
  /// The bytes up to (not including) the next newline or the end.
  std::string_view rest_of_line();
  /// The bytes from here to the end, consumed.
  std::string_view rest_of_file();

 private:
  std::string_view contents_;
  std::string_view source_;
  Place place_;
  std::size_t offset_ = 0;
  std::uint64_t line_ = 1;
};

}  // namespace rnncc::io
