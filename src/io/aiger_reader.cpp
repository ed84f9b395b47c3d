// AIGER reader: file loading, the header, the symbol table and comments.
// The ASCII and binary bodies are in aiger_ascii_body.cpp and
// aiger_binary_body.cpp.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <memory>
#include <vector>

#include <fmt/format.h>

#include "aiger_sections.hpp"
#include "rnncc/common/error.hpp"
#include "rnncc/common/size_limits.hpp"
#include "rnncc/io/aiger.hpp"

namespace rnncc::io {

namespace {

/// Parses the next header count after a single space.
std::uint32_t parse_count(AigerCursor& cursor, std::string_view name) {
  cursor.expect(' ', fmt::format("a space before {}", name));
  return cursor.parse_unsigned(fmt::format("the count {}", name));
}

}  // namespace

AigerHeader parse_aiger_header(AigerCursor& cursor, bool allow_latches) {
  AigerHeader header;
  std::string_view start(cursor.data(), std::min<std::size_t>(cursor.remaining(), 3));
  if (start == "aig") {
    header.binary = true;
    cursor.set_place(AigerCursor::Place::byte);
  } else if (start != "aag") {
    cursor.fail("the header 'aag M I L O A' or 'aig M I L O A'");
  }
  cursor.skip(3);
  const std::size_t counts_offset = cursor.offset() + 1;  // after the space
  header.max_variable = parse_count(cursor, "M");
  const std::size_t input_offset = cursor.offset() + 1;
  header.input_count = parse_count(cursor, "I");
  const std::size_t latch_offset = cursor.offset() + 1;
  header.latch_count = parse_count(cursor, "L");
  header.output_count = parse_count(cursor, "O");
  header.and_count = parse_count(cursor, "A");
  for (std::string_view extra : {"B", "C", "J", "F"}) {
    if (cursor.at_end() || *(cursor.data() + cursor.offset()) != ' ') break;
    if (parse_count(cursor, extra) != 0) {
      cursor.fail(
          fmt::format("{} = 0 (only combinational AIGER without properties is supported)", extra));
    }
  }
  cursor.expect_newline("the end of the header line after A");

  // Errors about the counts point at M or L on the first line.
  auto located = [&](std::size_t offset, const std::string& expected) {
    return header.binary ? cursor.message_at_byte(offset, expected)
                         : cursor.message_at_line(1, expected);
  };
  if (header.latch_count != 0 && !allow_latches) {
    throw InputError(located(
        latch_offset, fmt::format("L = 0 (latches are not supported here: this command reads "
                                  "combinational AIGER; rnncc stats and rnncc eval --length T "
                                  "read latches), found L = {}",
                                  header.latch_count)));
  }
  const std::uint64_t defined =
      std::uint64_t{header.input_count} + header.latch_count + header.and_count;
  if (header.max_variable < defined) {
    throw InputError(located(counts_offset, fmt::format("M >= I + L + A, found M = {} < {}",
                                                        header.max_variable, defined)));
  }
  if (header.binary && header.max_variable != defined) {
    throw InputError(
        located(counts_offset, fmt::format("M = I + L + A in a binary file, found M = {} != {}",
                                           header.max_variable, defined)));
  }
  if (header.max_variable >= logic::Aig::max_node_count) {
    throw LimitError(
        located(counts_offset, fmt::format("M below {} (the largest circuit rnncc holds), found "
                                           "M = {}",
                                           logic::Aig::max_node_count, header.max_variable)));
  }
  // A binary file's inputs take no bytes, so a short header could declare a
  // billion of them. An AND (at least 2 bytes) uses at most 2 inputs and an
  // output (at least 2 bytes) 1, so the bytes after the header can use at
  // most one input per byte: beyond max_unused_binary_inputs more, the
  // inputs are refused before anything is allocated for them.
  const std::uint64_t usable_inputs = std::uint64_t{cursor.remaining()} + max_unused_binary_inputs;
  if (header.binary && header.input_count > usable_inputs) {
    throw LimitError(located(
        input_offset,
        fmt::format("I at most {} in a binary file of this length (its {} bytes after the header "
                    "can use at most {} inputs, and rnncc reads at most {} inputs that nothing "
                    "uses), found I = {}",
                    usable_inputs, cursor.remaining(), cursor.remaining(), max_unused_binary_inputs,
                    header.input_count)));
  }
  return header;
}

logic::LatchInitial parse_latch_initial(AigerCursor& cursor, std::uint32_t latch_literal,
                                        std::uint32_t index) {
  if (cursor.at_end() || *(cursor.data() + cursor.offset()) != ' ') {
    return logic::LatchInitial::zero;
  }
  cursor.skip(1);
  const std::size_t start = cursor.offset();
  const std::uint32_t initial = cursor.parse_unsigned_described(
      [index] { return fmt::format("the initial value of latch {}", index); });
  if (initial == 0) return logic::LatchInitial::zero;
  if (initial == 1) return logic::LatchInitial::one;
  if (initial == latch_literal) return logic::LatchInitial::undefined;
  cursor.fail_at_token(start,
                       fmt::format("the initial value of latch {}: 0, 1 or the latch's literal {} "
                                   "(uninitialised), found {}",
                                   index, latch_literal, initial));
}

void parse_symbols_and_comments(AigerCursor& cursor, logic::SequentialAig& circuit) {
  logic::Aig& aig = circuit.aig;
  const std::uint32_t primary_inputs = circuit.primary_input_count();
  std::vector<bool> input_named(primary_inputs, false);
  std::vector<bool> latch_named(circuit.latch_count(), false);
  std::vector<bool> output_named(circuit.primary_output_count(), false);
  while (!cursor.at_end()) {
    const char kind = *(cursor.data() + cursor.offset());
    if (kind == 'c') {
      // The AIGER description puts a newline after 'c'; ABC's &w writes its
      // binary extensions right after it. Both start the comment section.
      cursor.skip(1);
      if (!cursor.at_end() && *(cursor.data() + cursor.offset()) == '\n') cursor.skip(1);
      std::string_view text = cursor.rest_of_file();
      while (!text.empty()) {
        std::size_t end = text.find('\n');
        if (end == std::string_view::npos) end = text.size();
        aig.comments().emplace_back(text.substr(0, end));
        text.remove_prefix(std::min(text.size(), end + 1));
      }
      return;
    }
    if (kind != 'i' && kind != 'l' && kind != 'o') {
      cursor.fail_found(
          "a symbol line ('i<position> <name>', 'l<position> <name>' or 'o<position> <name>'), "
          "the comment section ('c') or the end of the file");
    }
    const std::string_view kind_name = kind == 'i' ? "input" : (kind == 'l' ? "latch" : "output");
    std::vector<bool>& named =
        kind == 'i' ? input_named : (kind == 'l' ? latch_named : output_named);
    const auto count = static_cast<std::uint32_t>(named.size());
    cursor.skip(1);
    const std::size_t position_offset = cursor.offset();
    const std::uint32_t position = cursor.parse_unsigned("a position after 'i', 'l' or 'o'");
    if (position >= count) {
      cursor.fail_at_token(position_offset,
                           fmt::format("{} {} position below {}, found {}",
                                       kind == 'i' ? "an" : "a", kind_name, count, position));
    }
    if (named[position]) {
      cursor.fail_at_token(position_offset,
                           fmt::format("one symbol per {}, found a second one for {} {}", kind_name,
                                       kind_name, position));
    }
    named[position] = true;
    cursor.expect(' ', "a space between the symbol position and its name");
    std::string_view name = cursor.rest_of_line();
    if (name.empty()) cursor.fail(fmt::format("a non-empty name for {} {}", kind_name, position));
    cursor.expect_newline("the end of line after a symbol name");
    if (kind == 'o') {
      aig.set_output_name(position, std::string(name));
    } else {
      aig.set_input_name(kind == 'i' ? position : primary_inputs + position, std::string(name));
    }
  }
}

namespace {

logic::SequentialAig read_any_aiger(std::string_view contents, std::string_view source_name,
                                    bool allow_latches) {
  AigerCursor cursor(contents, source_name, AigerCursor::Place::line);
  AigerHeader header = parse_aiger_header(cursor, allow_latches);
  logic::SequentialAig circuit =
      header.binary ? parse_binary_body(cursor, header) : parse_ascii_body(cursor, header);
  parse_symbols_and_comments(cursor, circuit);
  return circuit;
}

/// parse(bytes, name) on the bytes of the file at `path` (InputError naming
/// it if it cannot be read).
template <class Parse>
auto parse_file(const std::filesystem::path& path, Parse parse) {
  const std::string name = path.string();
  if (path == "-") {
    // Standard input is no regular file: read whole, within the file limit.
    return parse(read_input_file_text(path, "an AIGER file"), name);
  }
  auto fail = [&](std::string_view what) {
    throw InputError(fmt::format("{}: cannot read the file: {}", name, what));
  };
  int descriptor = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (descriptor < 0) {
    throw InputError(fmt::format("{}: cannot open: {}", name, std::strerror(errno)));
  }
  struct Closer {
    int descriptor;
    ~Closer() { ::close(descriptor); }
  } closer{descriptor};
  struct stat status {};
  if (::fstat(descriptor, &status) != 0) fail(std::strerror(errno));
  if (!S_ISREG(status.st_mode)) fail("not a regular file");
  const auto size = static_cast<std::size_t>(status.st_size);
  std::unique_ptr<char[]> bytes(new char[size == 0 ? 1 : size]);
  std::size_t done = 0;
  while (done < size) {
    ssize_t count = ::read(descriptor, bytes.get() + done, size - done);
    if (count < 0 && errno == EINTR) continue;
    if (count < 0) fail(std::strerror(errno));
    if (count == 0) fail("the file shrank while being read");
    done += static_cast<std::size_t>(count);
  }
  return parse(std::string_view(bytes.get(), size), name);
}

}  // namespace

logic::Aig read_aiger(std::string_view contents, std::string_view source_name) {
  return std::move(read_any_aiger(contents, source_name, false).aig);
}

logic::SequentialAig read_sequential_aiger(std::string_view contents,
                                           std::string_view source_name) {
  return read_any_aiger(contents, source_name, true);
}

logic::Aig read_aiger_file(const std::filesystem::path& path) {
  return parse_file(path, read_aiger);
}

logic::SequentialAig read_sequential_aiger_file(const std::filesystem::path& path) {
  return parse_file(path, read_sequential_aiger);
}

}  // namespace rnncc::io
