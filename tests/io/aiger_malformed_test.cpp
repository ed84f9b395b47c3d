// Malformed AIGER input: each case must throw InputError with one line
// naming the place (line for ASCII, zero-based byte offset for binary).
// Expected places are counted by hand from the file texts.
#include <doctest/doctest.h>

#include <cstdint>
#include <string>

#include "rnncc/common/error.hpp"
#include "rnncc/common/resource_usage.hpp"
#include "rnncc/io/aiger.hpp"

using rnncc::io::read_aiger;

namespace {

/// The InputError message of reading `contents`, or "<no error>".
std::string error_of(const std::string& contents, const std::string& name) {
  try {
    (void)read_aiger(contents, name);
  } catch (const rnncc::LimitError& error) {
    return std::string("LimitError: ") + error.what();
  } catch (const rnncc::InputError& error) {
    return error.what();
  }
  return "<no error>";
}

/// `count` NUL bytes (which a string literal cannot carry through std::string).
std::string zero_bytes(std::size_t count) {
  return std::string(count, '\0');
}

/// Checks that the message starts with `place` ("f.aag:3: expected" or
/// "f.aig: byte 17: expected"), mentions `topic`, and is one line.
void check_error(const std::string& contents, const std::string& name, const std::string& place,
                 const std::string& topic) {
  std::string message = error_of(contents, name);
  INFO("message: ", message);
  CHECK(message.rfind(place, 0) == 0);
  CHECK(message.find(topic) != std::string::npos);
  CHECK(message.find('\n') == std::string::npos);
}

}  // namespace

TEST_CASE("bad headers") {
  check_error("", "f.aag", "f.aag:1: expected", "header");
  check_error("aog 1 0 0 0 0\n", "f.aag", "f.aag:1: expected", "header");
  check_error("aag 1 0 0 0\n", "f.aag", "f.aag:1: expected", "before A");
  check_error("aag 1 0 0 0 x\n", "f.aag", "f.aag:1: expected", "count A");
  check_error("aag  1 0 0 0 0\n", "f.aag", "f.aag:1: expected", "count M");
  check_error("aag 1 0 0 0 0 junk\n", "f.aag", "f.aag:1: expected", "count B");
  check_error("aag 1 0 0 0 0", "f.aag", "f.aag:1: expected", "end of the header");
  check_error("aag 99999999999 0 0 0 0\n", "f.aag", "f.aag:1: expected", "below 2^32");
  check_error("aag 1 0 0 0 0 1 0 0 0\n", "f.aag", "f.aag:1: expected", "B = 0");
  // "aig " is 4 bytes, so M starts at byte 4.
  check_error("aig x 0 0 0 0\n", "f.aig", "f.aig: byte 4: expected", "count M");
}

TEST_CASE("counts that do not fit together") {
  check_error("aag 1 1 0 0 1\n2\n2 2 2\n", "f.aag", "f.aag:1: expected", "M >= I + L + A");
  check_error("aig 5 1 0 0 1\n\x02\x02", "f.aig", "f.aig: byte 4: expected", "M = I + L + A");
  check_error("aag 4294967295 0 0 0 0\n", "f.aag", "LimitError: f.aag:1: expected", "M below");
}

TEST_CASE("latches are refused with a clear message") {
  check_error("aag 1 0 1 0 0\n2 3\n", "f.aag", "f.aag:1: expected", "latches are not supported");
  // "aig 1 0 " is 8 bytes: L starts at byte 8.
  check_error("aig 1 0 1 0 0\n\x02", "f.aig", "f.aig: byte 8: expected",
              "latches are not supported");
}

TEST_CASE("literals out of range") {
  check_error("aag 1 1 0 1 0\n2\n4\n", "f.aag", "f.aag:3: expected", "2M+1 = 3, found 4");
  check_error("aag 2 1 0 0 1\n2\n4 2 6\n", "f.aag", "f.aag:3: expected", "found 6");
  check_error("aag 1 1 0 0 0\n4\n", "f.aag", "f.aag:2: expected", "found 4");
  // "aig 1 1 0 1 0\n" is 14 bytes: the output literal starts at byte 14.
  check_error("aig 1 1 0 1 0\n4\n", "f.aig", "f.aig: byte 14: expected", "2M+1 = 3, found 4");
}

TEST_CASE("undefined literals") {
  // Variable 2 is within M but not an input, a latch or an AND.
  check_error("aag 2 1 0 1 0\n2\n4\n", "f.aag", "f.aag:3: expected",
              "is not an input, latch or AND");
  check_error("aag 3 1 0 1 1\n2\n6\n6 2 4\n", "f.aag", "f.aag:4: expected",
              "found 4 whose variable 2");
}

TEST_CASE("doubly defined variables") {
  check_error("aag 2 2 0 0 0\n2\n2\n", "f.aag", "f.aag:3: expected", "already defined on line 2");
  check_error("aag 2 1 0 0 1\n2\n2 2 2\n", "f.aag", "f.aag:3: expected",
              "already defined on line 2");
  check_error("aag 3 1 0 0 2\n2\n4 2 3\n4 2 2\n", "f.aag", "f.aag:4: expected",
              "already defined on line 3");
}

TEST_CASE("input literals must be even and not constant") {
  check_error("aag 1 1 0 0 0\n3\n", "f.aag", "f.aag:2: expected", "even and not constant, found 3");
  check_error("aag 1 1 0 0 0\n0\n", "f.aag", "f.aag:2: expected", "even and not constant, found 0");
  check_error("aag 2 1 0 0 1\n2\n1 2 2\n", "f.aag", "f.aag:3: expected", "even and not constant");
}

TEST_CASE("cycles in ASCII files, found without recursion") {
  // 4 = 2 & 6 (line 4), 6 = 2 & 4 (line 5): the search starts at line 4,
  // reaches line 5, which depends on line 4 still on the path.
  check_error("aag 3 1 0 1 2\n2\n4\n4 2 6\n6 2 4\n", "f.aag", "f.aag:5: expected",
              "cycle: this AND depends on the AND on line 4");
  check_error("aag 2 1 0 0 1\n2\n4 4 2\n", "f.aag", "f.aag:3: expected", "cycle");
}

TEST_CASE("malformed ASCII lines") {
  check_error("aag 1 1 0 0 0\n2", "f.aag", "f.aag:2: expected", "end of line");
  check_error("aag 1 1 0 0 0\n2 \n", "f.aag", "f.aag:2: expected", "end of line");
  check_error("aag 2 1 0 0 1\n2\n4 2\n", "f.aag", "f.aag:3: expected", "a space after the first");
  check_error("aag 2 1 0 0 1\n2\n4  2 2\n", "f.aag", "f.aag:3: expected", "first operand");
  check_error("aag 1 1 0 1 0\n2\n", "f.aag", "f.aag:3: expected", "literal of output 0");
}

TEST_CASE("bad symbol lines and trailing garbage") {
  const std::string body = "aag 1 1 0 1 0\n2\n2\n";  // symbols start on line 4
  check_error(body + "i1 x\n", "f.aag", "f.aag:4: expected", "input position below 1, found 1");
  check_error(body + "o3 x\n", "f.aag", "f.aag:4: expected", "output position below 1");
  check_error(body + "ix\n", "f.aag", "f.aag:4: expected", "position");
  check_error(body + "i0\n", "f.aag", "f.aag:4: expected", "space between");
  check_error(body + "i0 \n", "f.aag", "f.aag:4: expected", "non-empty name");
  check_error(body + "i0 x", "f.aag", "f.aag:4: expected", "end of line");
  check_error(body + "i0 x\ni0 y\n", "f.aag", "f.aag:5: expected", "one symbol per input");
  check_error(body + "l0 x\n", "f.aag", "f.aag:4: expected", "a latch position below 0");
  check_error(body + "o0 x\ngarbage\n", "f.aag", "f.aag:5: expected", "found 'g'");
  // Binary: "aig 1 1 0 1 0\n" (14 bytes) "2\n" (2): garbage at byte 16.
  check_error("aig 1 1 0 1 0\n2\n\x05", "f.aig", "f.aig: byte 16: expected", "found byte 0x05");
  check_error("aig 1 1 0 1 0\n2\ni0 x\ni7 y\n", "f.aig", "f.aig: byte 22: expected",
              "input position below 1, found 7");
}

TEST_CASE("binary deltas: truncated, oversized and non-canonical") {
  // Header "aig 3 2 0 1 1\n" is 14 bytes, the output "6\n" 2: deltas at 16.
  const std::string start = "aig 3 2 0 1 1\n6\n";
  check_error(start, "f.aig", "f.aig: byte 16: expected",
              "delta0 of AND 0 (lhs 6), found it truncated");
  check_error(start + "\x82", "f.aig", "f.aig: byte 17: expected", "found it truncated");
  check_error(start + "\x02", "f.aig", "f.aig: byte 17: expected", "delta1 of AND 0");
  check_error(start + "\x02\x81", "f.aig", "f.aig: byte 18: expected", "delta1");
  // A varint beyond 32 bits: the fifth byte may hold only 4 more bits.
  check_error(start + "\xff\xff\xff\xff\x1f", "f.aig", "f.aig: byte 16: expected",
              "found it oversized");
  check_error(start + "\x80\x80\x80\x80\x80\x01", "f.aig", "f.aig: byte 16: expected", "oversized");
  // delta0 = 0 would make rhs0 = lhs.
  check_error(start + zero_bytes(2), "f.aig", "f.aig: byte 16: expected", "between 1 and 6");
  // delta0 = 7 > lhs = 6 would make rhs0 negative.
  check_error(start + "\x07" + zero_bytes(1), "f.aig", "f.aig: byte 16: expected", "found 7");
  // rhs0 = 6 - 2 = 4; delta1 = 5 > 4 would make rhs1 negative.
  check_error(start + "\x02\x05", "f.aig", "f.aig: byte 17: expected", "at most 4");
  // A second AND cut short: "aig 4 2 0 1 2\n" 14 bytes, "8\n" 2, first AND 2 bytes.
  check_error(std::string("aig 4 2 0 1 2\n8\n\x02\x02"), "f.aig", "f.aig: byte 18: expected",
              "delta0 of AND 1 (lhs 8)");
}

TEST_CASE("a valid binary file with large varints is accepted") {
  // Two inputs, one AND 6 = 4 & 2 with delta0 = 2 written in two bytes
  // (0x82 0x00, not the shortest form) is still the value 2.
  std::string contents = std::string("aig 3 2 0 1 1\n6\n") + "\x82" + std::string(1, '\0') + "\x02";
  CHECK(error_of(contents, "f.aig") == "<no error>");
}

TEST_CASE("an AIGER header whose counts exceed the file's length is refused before allocating") {
  const std::uint64_t peak_before = rnncc::peak_resident_bytes();
  // ASCII: 10^9 inputs declared, none given: the first missing line is named.
  check_error("aag 2000000000 1000000000 0 0 0\n", "f.aag", "f.aag:2: expected",
              "literal of input 0");
  // Binary: 10^9 ANDs declared in no bytes. "aig 1000000000 0 0 0 1000000000\n"
  // is 32 bytes: the first delta is missing at byte 32.
  check_error("aig 1000000000 0 0 0 1000000000\n", "f.aig", "f.aig: byte 32: expected",
              "delta0 of AND 0 (lhs 2), found it truncated");
  // Binary inputs take no bytes: 2*10^9 of them with nothing after the
  // header is a limit. I starts after "aig 2000000000 ", at byte 15.
  check_error("aig 2000000000 2000000000 0 0 0\n", "f.aig", "LimitError: f.aig: byte 15: expected",
              "I at most 1048576");
  // Each of these would have needed gigabytes; none may raise the peak much.
  if (peak_before != 0) {
    CHECK(rnncc::peak_resident_bytes() - peak_before < (std::uint64_t{256} << 20));
  }
}

TEST_CASE("a binary AIGER file may declare one input per byte after its header plus 2^20") {
  // No bytes after the header: 2^20 inputs are accepted, 2^20 + 1 refused.
  CHECK(error_of("aig 1048576 1048576 0 0 0\n", "f.aig") == "<no error>");
  check_error("aig 1048577 1048577 0 0 0\n", "f.aig", "LimitError: f.aig: byte 12: expected",
              "found I = 1048577");
  // One output line "2\n" (2 bytes) allows 2 more.
  CHECK(error_of("aig 1048578 1048578 0 1 0\n2\n", "f.aig") == "<no error>");
  check_error("aig 1048579 1048579 0 1 0\n2\n", "f.aig", "LimitError: f.aig: byte 12: expected",
              "I at most 1048578");
}
