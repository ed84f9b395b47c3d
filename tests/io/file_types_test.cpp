// The table of circuit file types: every type rnncc both reads and writes
// gives back the written circuit, structurally; lookups refuse unknown
// extensions, unsupported directions and the wrong kind of circuit with one
// line listing what is accepted.
#include <doctest/doctest.h>

#include <array>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "random_aig.hpp"
#include "rnncc/arith/circuit.hpp"
#include "rnncc/common/error.hpp"
#include "rnncc/io/file_types.hpp"
#include "same_structure.hpp"
#include "support/abc.hpp"

using rnncc::InputError;
using rnncc::arith::Activation;
using rnncc::arith::Circuit;
using rnncc::arith::ExactDomain;
using rnncc::arith::ExplicitTable;
using rnncc::arith::NodeId;
using rnncc::io::CircuitFileType;
using rnncc::io::CircuitFileUse;
using rnncc::io::CircuitKind;
using rnncc::io::FileEncoding;

namespace {

/// A word-level circuit with every operation, Boolean values, an explicit
/// table, activations and a node no output depends on.
Circuit every_operation(const std::string& format) {
  Circuit circuit(rnncc::arith::parse_format(format));
  const bool exact = format == "exact";
  auto domain = [exact](long low, long high, long denominator) {
    return exact ? std::optional<ExactDomain>(ExactDomain{low, high, denominator}) : std::nullopt;
  };
  const NodeId a = circuit.create_input("a", domain(-12, 12, 4));
  const NodeId b = circuit.create_input("b[1]", domain(-3, 5, 1));
  const NodeId flag = circuit.create_boolean_input("go");
  ExplicitTable steps{"steps", {}, 1};
  steps.entries.emplace(0, 2);
  steps.entries.emplace(1, -1);
  const auto steps_id = circuit.add_table(steps);
  const NodeId sum = circuit.create_add(b, a);
  const NodeId product = circuit.create_multiply(sum, circuit.create_negate(b));
  // A residue format cannot halve: it doubles instead.
  const bool residues = format.rfind("mod", 0) == 0;
  const NodeId rescaled = circuit.create_rescale(product, residues ? -1 : 1);
  const NodeId below = circuit.create_less_than(rescaled, a);
  const NodeId same = circuit.create_equal(b, a);
  const NodeId either = circuit.create_select(flag, below, same);
  const NodeId chosen = circuit.create_select(either, rescaled, circuit.create_subtract(a, b));
  const NodeId clipped = circuit.create_clip(circuit.create_relu(chosen), -1, 2);
  circuit.create_multiply(a, a);  // dangling
  circuit.create_output(circuit.create_add(clipped, circuit.create_constant(3)), "y");
  circuit.create_output(circuit.create_lookup(steps_id, b), "stepped");
  circuit.create_output(circuit.create_lookup(Activation::hardtanh, product), "hard");
  circuit.create_output(either, "either");
  circuit.create_output(circuit.create_boolean_constant(true), "always");
  if (format.rfind("fixed", 0) == 0) {
    circuit.create_output(circuit.create_lookup(Activation::tanh, a), "tanh");
  }
  return circuit;
}

std::string file_bytes(const std::filesystem::path& path) {
  std::ifstream file(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>()};
}

/// Text files hold printable ASCII, tabs and line ends only.
bool is_text(std::string_view bytes) {
  for (char c : bytes) {
    const auto byte = static_cast<unsigned char>(c);
    if ((byte < 0x20 || byte > 0x7e) && c != '\n' && c != '\r' && c != '\t') return false;
  }
  return true;
}

// Types rnncc reads or writes in one direction only cannot round-trip
// through rnncc alone: each needs its own round-trip test through an outside
// tool (ABC reads BLIF and Verilog, for example), and is listed here once it
// has one.
// Verilog: verilog_test.cpp (Yosys, Icarus); Bristol fashion:
// bristol_test.cpp (an independent evaluator); DOT: dot_test.cpp (Graphviz).
const std::set<std::string_view> one_way_types_tested_elsewhere = {".v", ".bristol", ".dot"};

rnncc::logic::Aig read_nothing(const std::filesystem::path&) {
  return {};
}
void write_nothing(const rnncc::logic::Aig&, const std::filesystem::path&) {}
void write_no_word_level(const Circuit&, const std::filesystem::path&) {}

/// A table with types rnncc could support one way only: a write-only
/// drawing, a read-only netlist, and a write-only word-level type.
const std::array<CircuitFileType, 4> one_way_table{{
    {.extension = ".dot", .description = "drawing", .write_boolean = write_nothing},
    {.extension = ".blif", .description = "netlist", .read_boolean = read_nothing},
    {.extension = ".aag",
     .description = "ASCII AIGER",
     .read_boolean = read_nothing,
     .write_boolean = write_nothing},
    {.extension = ".arith",
     .description = "word-level",
     .kind = CircuitKind::word_level,
     .write_word_level = write_no_word_level},
}};

}  // namespace

TEST_CASE("every type rnncc reads and writes gives back the circuit it wrote") {
  rnncc::test::TemporaryDirectory directory;
  for (const CircuitFileType& type : rnncc::io::circuit_file_types()) {
    CAPTURE(type.extension);
    if (!type.can_read() || !type.can_write()) {
      CHECK_MESSAGE(one_way_types_tested_elsewhere.count(type.extension) == 1,
                    "a one-way type needs a round-trip test through an outside tool");
      continue;
    }
    const std::filesystem::path path = directory / ("circuit" + std::string(type.extension));
    if (type.kind == CircuitKind::boolean) {
      for (std::uint64_t seed = 1; seed <= 4; ++seed) {
        CAPTURE(seed);
        const rnncc::logic::Aig original =
            rnncc::test::random_aig(2 + seed, 200 * seed, seed, seed % 2 == 1);
        type.write_boolean(original, path);
        const std::string bytes = file_bytes(path);
        CHECK(is_text(bytes) == (type.encoding == FileEncoding::text));
        rnncc::test::check_same_boolean_structure(original, type.read_boolean(path));
      }
    } else {
      for (const std::string format : {"exact", "mod:8", "fixed:10.4:floor:wrap"}) {
        CAPTURE(format);
        const Circuit original = every_operation(format);
        type.write_word_level(original, path);
        CHECK(is_text(file_bytes(path)) == (type.encoding == FileEncoding::text));
        rnncc::test::check_same_word_level_structure(original, type.read_word_level(path));
      }
    }
  }
}

TEST_CASE("the table's rows and lists, as documented for the commands") {
  using rnncc::io::accepted_extensions;
  CHECK(accepted_extensions(CircuitFileUse::reading()) == ".aag, .aig, .blif or .arith");
  CHECK(accepted_extensions(CircuitFileUse::writing()) ==
        ".aag, .aig, .blif, .v, .bristol, .dot or .arith");
  CHECK(accepted_extensions(CircuitFileUse::reading(CircuitKind::boolean)) ==
        ".aag, .aig or .blif");
  CHECK(accepted_extensions(CircuitFileUse::writing(CircuitKind::word_level)) == ".arith");
  CHECK(rnncc::io::accepted_extensions_help(CircuitFileUse::writing(CircuitKind::boolean)) ==
        ".aag (ASCII AIGER), .aig (binary AIGER), .blif (BLIF netlist), .v (structural Verilog), "
        ".bristol (Bristol fashion) or .dot (Graphviz drawing)");
  const CircuitFileType& binary =
      rnncc::io::circuit_file_type("some/dir/c.v1.aig", CircuitFileUse::reading());
  CHECK(binary.extension == ".aig");
  CHECK(binary.encoding == FileEncoding::binary);
  CHECK(binary.kind == CircuitKind::boolean);
  CHECK(rnncc::io::circuit_file_type("c.aag", CircuitFileUse::writing()).encoding ==
        FileEncoding::text);
  CHECK(rnncc::io::circuit_file_type("c.arith", CircuitFileUse::writing()).kind ==
        CircuitKind::word_level);
}

TEST_CASE(
    "every row of the table has its own extension, a description and functions of its kind, and a "
    "content test when readable") {
  // The same rules as the table's static_assert, which GCC cannot evaluate
  // under AddressSanitizer.
  const auto types = rnncc::io::circuit_file_types();
  REQUIRE(!types.empty());
  for (std::size_t row = 0; row < types.size(); ++row) {
    const CircuitFileType& type = types[row];
    CAPTURE(type.extension);
    CHECK(type.extension.size() >= 2);
    CHECK(type.extension.front() == '.');
    CHECK(!type.description.empty());
    CHECK((type.can_read() || type.can_write()));
    CHECK(type.can_read() == (type.looks_like != nullptr));
    // Compared in parentheses, as bools: doctest cannot print a function.
    if (type.kind == CircuitKind::boolean) {
      CHECK((type.read_word_level == nullptr));
      CHECK((type.write_word_level == nullptr));
    } else {
      CHECK((type.read_boolean == nullptr));
      CHECK((type.write_boolean == nullptr));
    }
    for (std::size_t earlier = 0; earlier < row; ++earlier)
      CHECK(types[earlier].extension != type.extension);
  }
}

TEST_CASE("unknown extensions and word-level files where Boolean ones are needed are refused") {
  using rnncc::io::circuit_file_type;
  CHECK_THROWS_WITH_AS(circuit_file_type("dir/x.txt", CircuitFileUse::reading()),
                       "dir/x.txt: expected a circuit file ending in .aag, .aig, .blif or .arith",
                       InputError);
  CHECK_THROWS_WITH_AS(
      circuit_file_type("x", CircuitFileUse::writing()),
      "x: expected a circuit file ending in .aag, .aig, .blif, .v, .bristol, .dot or .arith",
      InputError);
  CHECK_THROWS_WITH_AS(
      circuit_file_type("X.AAG", CircuitFileUse::writing()),
      "X.AAG: expected a circuit file ending in .aag, .aig, .blif, .v, .bristol, .dot or .arith",
      InputError);
  CHECK_THROWS_WITH_AS(circuit_file_type("x.aig.gz", CircuitFileUse::reading()),
                       "x.aig.gz: expected a circuit file ending in .aag, .aig, .blif or .arith",
                       InputError);
  CHECK_THROWS_WITH_AS(
      circuit_file_type("x.arith", CircuitFileUse::reading(CircuitKind::boolean)),
      "x.arith: expected a Boolean circuit file ending in .aag, .aig or .blif (.arith holds a "
      "word-level circuit)",
      InputError);
  CHECK_THROWS_WITH_AS(circuit_file_type("x.v", CircuitFileUse::reading(CircuitKind::boolean)),
                       "x.v: expected a Boolean circuit file ending in .aag, .aig or .blif "
                       "(rnncc cannot read .v files)",
                       InputError);
  CHECK_THROWS_WITH_AS(
      circuit_file_type("x.aag", CircuitFileUse::writing(CircuitKind::word_level)),
      "x.aag: expected a word-level circuit file ending in .arith (.aag holds a Boolean circuit)",
      InputError);

  // The Boolean shortcuts refuse before touching the file system.
  rnncc::test::TemporaryDirectory directory;
  const rnncc::logic::Aig aig = rnncc::test::random_aig(3, 40, 5, false);
  CHECK_THROWS_AS(rnncc::io::write_boolean_circuit_file(aig, directory / "x.arith"), InputError);
  CHECK_THROWS_AS(rnncc::io::write_boolean_circuit_file(aig, directory / "x.txt"), InputError);
  CHECK(std::filesystem::is_empty(directory.path()));
  std::ofstream(directory / "x.arith") << "rnncc-arith 1 mod:8\nn0 = input x\noutput y n0\n";
  CHECK_THROWS_WITH_AS(rnncc::io::read_boolean_circuit_file(directory / "x.arith"),
                       doctest::Contains("(.arith holds a word-level circuit)"), InputError);
}

TEST_CASE("a type rnncc reads or writes one way only is refused the other way") {
  using rnncc::io::circuit_file_type;
  const auto& table = one_way_table;
  CHECK(circuit_file_type("g.dot", CircuitFileUse::writing(), table).extension == ".dot");
  CHECK(circuit_file_type("n.blif", CircuitFileUse::reading(), table).extension == ".blif");
  CHECK_THROWS_WITH_AS(circuit_file_type("g.dot", CircuitFileUse::reading(), table),
                       "g.dot: expected a circuit file ending in .blif or .aag (rnncc cannot "
                       "read .dot files)",
                       InputError);
  CHECK_THROWS_WITH_AS(circuit_file_type("n.blif", CircuitFileUse::writing(), table),
                       "n.blif: expected a circuit file ending in .dot, .aag or .arith (rnncc "
                       "cannot write .blif files)",
                       InputError);
  CHECK_THROWS_WITH_AS(
      circuit_file_type("w.arith", CircuitFileUse::reading(CircuitKind::word_level), table),
      "w.arith: rnncc cannot read any word-level circuit file", InputError);
  CHECK(rnncc::io::accepted_extensions_help(CircuitFileUse::writing(CircuitKind::boolean), table) ==
        ".dot (drawing) or .aag (ASCII AIGER)");
  CHECK(rnncc::io::accepted_extensions(CircuitFileUse::reading(), table) == ".blif or .aag");
}

TEST_CASE("the content tests tell each readable type's files from every other type's") {
  // Each type rnncc reads, written by its own writer, must pass its own
  // test and no other readable type's: standard input is read as the first
  // type whose test passes.
  rnncc::test::TemporaryDirectory directory;
  const rnncc::logic::Aig aig = rnncc::test::random_aig(3, 30, 2, false);
  for (const CircuitFileType& written : rnncc::io::circuit_file_types()) {
    if (!written.can_write()) continue;
    CAPTURE(written.extension);
    std::string name = "c";
    name += written.extension;
    const std::filesystem::path path = directory / name;
    if (written.kind == CircuitKind::boolean) {
      written.write_boolean(aig, path);
    } else {
      written.write_word_level(every_operation("mod:8"), path);
    }
    const std::string bytes = file_bytes(path);
    for (const CircuitFileType& tested : rnncc::io::circuit_file_types()) {
      if (tested.looks_like == nullptr) continue;
      CAPTURE(tested.extension);
      CHECK(tested.looks_like(bytes) == (&tested == &written));
    }
  }
}

TEST_CASE("a type named by a flag is found with or without its dot, else the names are listed") {
  using rnncc::io::circuit_file_type_named;
  CHECK(circuit_file_type_named("aig", CircuitFileUse::writing(), "--output-format").extension ==
        ".aig");
  CHECK(circuit_file_type_named(".blif", CircuitFileUse::reading(), "--output-format").extension ==
        ".blif");
  CHECK_THROWS_WITH_AS(circuit_file_type_named("dot", CircuitFileUse::reading(), "--input-format"),
                       "--input-format dot: expected aag, aig, blif or arith", InputError);
  CHECK_THROWS_WITH_AS(
      circuit_file_type_named("arith", CircuitFileUse::writing(CircuitKind::boolean),
                              "--output-format"),
      "--output-format arith: expected aag, aig, blif, v, bristol or dot", InputError);
}
