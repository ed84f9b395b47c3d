// AIGER 1.9 latches: the writer's bytes against files written by hand from
// the AIGER description, reading them back, the toggle flip-flop of the
// description, and one-line errors for malformed latch lines.
#include <doctest/doctest.h>

#include <string>

#include "rnncc/common/error.hpp"
#include "rnncc/io/aiger.hpp"
#include "rnncc/logic/sequential_aig.hpp"

namespace {

using namespace rnncc;
using logic::LatchInitial;
using logic::Literal;

/// Input x, latches q0 (initially 1) and q1 (uninitialised); output q0 ∧ x;
/// next q0 = x, next q1 = q0 ∧ x.
logic::SequentialAig enable_chain() {
  logic::SequentialAig circuit;
  logic::Aig& aig = circuit.aig;
  const Literal x = aig.create_input("x");
  const Literal q0 = aig.create_input("q0");
  aig.create_input("q1");
  const Literal both = aig.create_and(q0, x);
  aig.create_output(both, "out");
  aig.create_output(x, "next_q0_not_written");
  aig.create_output(both);
  circuit.latch_initial = {LatchInitial::one, LatchInitial::undefined};
  return circuit;
}

// Variables: x 1, q0 2, q1 3, the AND 4 (literal 8 = 4 ∧ 2).
const std::string enable_chain_ascii =
    "aag 4 1 2 1 1\n2\n4 2 1\n6 8 6\n8\n8 4 2\ni0 x\nl0 q0\nl1 q1\no0 out\n";
// Binary: latch lines without the latch literal; the AND as deltas 8-4, 4-2.
const std::string enable_chain_binary =
    std::string("aig 4 1 2 1 1\n2 1\n8 6\n8\n\x04\x02", 26) + "i0 x\nl0 q0\nl1 q1\no0 out\n";

/// The message of reading `contents` with latches allowed, or "<no error>".
std::string sequential_error_of(const std::string& contents, const std::string& name) {
  try {
    (void)io::read_sequential_aiger(contents, name);
  } catch (const InputError& error) {
    return error.what();
  }
  return "<no error>";
}

void check_error(const std::string& contents, const std::string& name, const std::string& place,
                 const std::string& topic) {
  const std::string message = sequential_error_of(contents, name);
  INFO("message: ", message);
  CHECK(message.rfind(place, 0) == 0);
  CHECK(message.find(topic) != std::string::npos);
  CHECK(message.find('\n') == std::string::npos);
}

}  // namespace

TEST_CASE("latches are written as the AIGER description's latch lines") {
  const logic::SequentialAig circuit = enable_chain();
  CHECK(io::write_aiger(circuit, io::AigerFormat::ascii) == enable_chain_ascii);
  CHECK(io::write_aiger(circuit, io::AigerFormat::binary) == enable_chain_binary);
}

TEST_CASE("without latches the sequential writer writes the combinational bytes") {
  logic::SequentialAig circuit = enable_chain();
  circuit.latch_initial.clear();
  for (io::AigerFormat format : {io::AigerFormat::ascii, io::AigerFormat::binary})
    CHECK(io::write_aiger(circuit, format) == io::write_aiger(circuit.aig, format));
}

TEST_CASE("latch files read back to the same circuit") {
  for (const std::string& text : {enable_chain_ascii, enable_chain_binary}) {
    const logic::SequentialAig read = io::read_sequential_aiger(text, "f");
    CHECK(read.latch_count() == 2);
    CHECK(read.primary_input_count() == 1);
    CHECK(read.primary_output_count() == 1);
    CHECK(read.latch_initial == std::vector{LatchInitial::one, LatchInitial::undefined});
    CHECK(read.aig.input_name(0) == "x");
    CHECK(read.aig.input_name(1) == "q0");
    CHECK(read.aig.input_name(2) == "q1");
    CHECK(read.aig.output_name(0) == "out");
    // Next q0 is input x itself; next q1 is the output's AND.
    CHECK(read.aig.output(1) == Literal::of(read.aig.input_node(0)));
    CHECK(read.aig.output(2) == read.aig.output(0));
    CHECK(io::write_aiger(read, io::AigerFormat::ascii) == enable_chain_ascii);
  }
}

TEST_CASE("the toggle flip-flop of the AIGER description") {
  // One latch, initially 0, whose next value is its complement; outputs the
  // latch and its complement.
  const logic::SequentialAig toggle = io::read_sequential_aiger("aag 1 0 1 2 0\n2 3\n2\n3\n", "t");
  REQUIRE(toggle.latch_count() == 1);
  CHECK(toggle.primary_input_count() == 0);
  CHECK(toggle.latch_initial.front() == LatchInitial::zero);
  const Literal latch = Literal::of(toggle.aig.input_node(0));
  CHECK(toggle.aig.output(0) == latch);
  CHECK(toggle.aig.output(1) == !latch);
  CHECK(toggle.aig.output(2) == !latch);
}

TEST_CASE("malformed latch lines are refused with one line naming the place") {
  check_error("aag 2 0 1 0 0\n2\n", "f.aag", "f.aag:2: expected", "next-state literal");
  check_error("aag 1 0 1 0 0\n3 2\n", "f.aag", "f.aag:2: expected", "latch 0 to be even");
  check_error("aag 1 0 1 0 0\n2 3 4\n", "f.aag", "f.aag:2: expected", "initial value of latch 0");
  check_error("aag 1 0 1 0 0\n2 5\n", "f.aag", "f.aag:2: expected", "at most 2M+1");
  check_error("aag 2 1 1 0 0\n2\n2 2\n", "f.aag", "f.aag:3: expected", "already defined on line 2");
  check_error("aag 2 0 1 0 0\n2 4\n", "f.aag", "f.aag:2: expected",
              "a defined literal in the latch");
  check_error("aag 1 0 1 0 0\n2 3 0 0\n", "f.aag", "f.aag:2: expected",
              "end of line after a latch");
  check_error("aag 1 0 1 0 0\n2 3\nl1 q\n", "f.aag", "f.aag:3: expected",
              "a latch position below 1");
  // "aig 1 0 1 0 0\n" is 14 bytes: the initial value 3 starts at byte 16.
  check_error("aig 1 0 1 0 0\n2 3\n", "f.aig", "f.aig: byte 16: expected",
              "initial value of latch 0");
  check_error("aig 1 0 1 0 0\n", "f.aig", "f.aig: byte 14: expected",
              "next-state literal of latch 0");
}

TEST_CASE("the combinational reader still refuses latches") {
  try {
    (void)io::read_aiger("aag 1 0 1 0 0\n2 3\n", "f.aag");
    FAIL("no error");
  } catch (const InputError& error) {
    CHECK(std::string(error.what()).find("latches are not supported") != std::string::npos);
  }
}
