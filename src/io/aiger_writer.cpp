// AIGER writer: renumbers the Aig into AIGER variable order and encodes it
// into large blocks handed to a sink, without per-node stream formatting.
#include <algorithm>
#include <charconv>
#include <functional>
#include <memory>
#include <ostream>
#include <span>
#include <stdexcept>
#include <vector>

#include <fmt/format.h>

#include "rnncc/common/atomic_file.hpp"
#include "rnncc/common/error.hpp"
#include "rnncc/io/aiger.hpp"
#include "rnncc/logic/cleanup.hpp"

namespace rnncc::io {

namespace {

using logic::Aig;
using logic::Literal;
using logic::NodeIndex;

/// A block of bytes filled by the encoder and handed to `sink_` when full.
/// Every put_* call that writes a bounded number of bytes first makes sure
/// that many bytes are free. The block is 1 MiB for large circuits and no
/// larger than a small circuit's file needs (at least 4 KiB).
class BlockOutput {
 public:
  static constexpr std::size_t largest_block_bytes = std::size_t{1} << 20;
  static constexpr std::size_t smallest_block_bytes = std::size_t{1} << 12;
  /// Enough for the largest bounded record (three decimals or two varints).
  static constexpr std::size_t record_bytes = 64;

  BlockOutput(std::function<void(std::string_view)> sink, const Aig& aig)
      : sink_(std::move(sink)),
        block_bytes_(block_bytes_for(aig)),
        block_(new char[block_bytes_]),
        cursor_(block_.get()) {}

  /// Makes room for one bounded record.
  void make_room() {
    if (static_cast<std::size_t>(block_.get() + block_bytes_ - cursor_) < record_bytes) flush();
  }
  void put_char(char c) { *cursor_++ = c; }
  void put_decimal(std::uint64_t value) {
    cursor_ = std::to_chars(cursor_, cursor_ + 20, value).ptr;
  }
  /// 7 bits per byte, low bits first, high bit set on all but the last byte.
  void put_varint(std::uint32_t value) {
    while (value >= 0x80) {
      *cursor_++ = static_cast<char>((value & 0x7f) | 0x80);
      value >>= 7;
    }
    *cursor_++ = static_cast<char>(value);
  }
  /// Any number of bytes (names, comments).
  void put_text(std::string_view text) {
    while (!text.empty()) {
      std::size_t free = static_cast<std::size_t>(block_.get() + block_bytes_ - cursor_);
      if (free == 0) {
        flush();
        continue;
      }
      std::size_t count = std::min(free, text.size());
      std::copy_n(text.data(), count, cursor_);
      cursor_ += count;
      text.remove_prefix(count);
    }
  }
  void flush() {
    sink_(std::string_view(block_.get(), static_cast<std::size_t>(cursor_ - block_.get())));
    cursor_ = block_.get();
  }

 private:
  /// About the bytes of `aig`'s ASCII file without names (three decimals of
  /// up to ten digits a line), within the smallest and largest block.
  static std::size_t block_bytes_for(const Aig& aig) {
    const std::uint64_t estimate =
        32 * (std::uint64_t{aig.node_count()} + aig.output_count()) + smallest_block_bytes;
    return static_cast<std::size_t>(std::min<std::uint64_t>(largest_block_bytes, estimate));
  }

  std::function<void(std::string_view)> sink_;
  std::size_t block_bytes_;
  std::unique_ptr<char[]> block_;
  char* cursor_;
};

/// Throws InputError, naming `destination`, if a name cannot be a symbol.
void check_names(const Aig& aig, std::string_view destination) {
  auto check = [&](std::string_view kind, std::uint32_t position, const std::string& name) {
    if (name.find('\n') != std::string::npos) {
      throw InputError(
          fmt::format("{}: the name of {} {} contains a newline, which an AIGER symbol cannot hold",
                      destination, kind, position));
    }
  };
  for (std::uint32_t i = 0; i < aig.input_count(); ++i)
    check("input", i, aig.input_name(i));
  for (std::uint32_t i = 0; i < aig.output_count(); ++i)
    check("output", i, aig.output_name(i));
}

/// The AIGER literal of a latch's initial value: 0, 1, or the latch's own
/// literal for an uninitialised latch.
std::uint32_t initial_literal(logic::LatchInitial initial, std::uint32_t latch_literal) {
  switch (initial) {
    case logic::LatchInitial::zero:
      return 0;
    case logic::LatchInitial::one:
      return 1;
    case logic::LatchInitial::undefined:
      break;
  }
  return latch_literal;
}

/// Encodes `aig` (names already checked) into `output`; its last
/// latch_initial.size() inputs and outputs are latches (SequentialAig).
void encode(const Aig& aig, std::span<const logic::LatchInitial> latch_initial, AigerFormat format,
            BlockOutput& output) {
  const auto latch_count = static_cast<std::uint32_t>(latch_initial.size());
  const std::uint32_t input_count = aig.input_count() - latch_count;
  const std::uint32_t output_count = aig.output_count() - latch_count;

  // An AND is written only when an output (or a latch's next value)
  // depends on it. AIGER variable of every written node: inputs 1..I and
  // latches I+1..I+L by input position, live ANDs I+L+1..I+L+A in creation
  // order (topological, since fan-ins are created first); 0 marks a dead AND.
  const std::vector<bool> live = logic::output_cone(aig);
  std::vector<std::uint32_t> variable_of_node(aig.node_count(), 0);
  const std::uint32_t first_and_variable = aig.input_count() + 1;
  std::uint32_t next_and_variable = first_and_variable;
  for (NodeIndex node = 1; node < aig.node_count(); ++node) {
    if (aig.is_input(node)) {
      variable_of_node[node] = aig.input_position(node) + 1;
    } else if (live[node]) {
      variable_of_node[node] = next_and_variable++;
    }
  }
  variable_of_node[0] = 0;
  const std::uint32_t and_count = next_and_variable - first_and_variable;
  auto map = [&](Literal literal) {
    return (variable_of_node[literal.node()] << 1) | (literal.code & 1U);
  };

  output.make_room();
  output.put_text(format == AigerFormat::binary ? "aig " : "aag ");
  output.put_decimal(std::uint64_t{input_count} + latch_count + and_count);
  output.put_char(' ');
  output.put_decimal(input_count);
  output.put_char(' ');
  output.put_decimal(latch_count);
  output.put_char(' ');
  output.put_decimal(output_count);
  output.put_char(' ');
  output.put_decimal(and_count);
  output.put_char('\n');
  if (format == AigerFormat::ascii) {
    for (std::uint32_t i = 1; i <= input_count; ++i) {
      output.make_room();
      output.put_decimal(std::uint64_t{i} << 1);
      output.put_char('\n');
    }
  }
  for (std::uint32_t k = 0; k < latch_count; ++k) {
    const std::uint32_t latch_literal = (input_count + k + 1) << 1;
    output.make_room();
    if (format == AigerFormat::ascii) {
      output.put_decimal(latch_literal);
      output.put_char(' ');
    }
    output.put_decimal(map(aig.output(output_count + k)));
    const std::uint32_t initial = initial_literal(latch_initial[k], latch_literal);
    if (initial != 0) {
      output.put_char(' ');
      output.put_decimal(initial);
    }
    output.put_char('\n');
  }
  for (std::uint32_t i = 0; i < output_count; ++i) {
    output.make_room();
    output.put_decimal(map(aig.output(i)));
    output.put_char('\n');
  }
  std::uint32_t left_hand_side = first_and_variable << 1;
  for (NodeIndex node = 1; node < aig.node_count(); ++node) {
    if (aig.is_input(node) || variable_of_node[node] == 0) continue;
    std::uint32_t a = map(aig.fanin0(node));
    std::uint32_t b = map(aig.fanin1(node));
    std::uint32_t right0 = std::max(a, b);
    std::uint32_t right1 = std::min(a, b);
    output.make_room();
    if (format == AigerFormat::binary) {
      output.put_varint(left_hand_side - right0);
      output.put_varint(right0 - right1);
    } else {
      output.put_decimal(left_hand_side);
      output.put_char(' ');
      output.put_decimal(right0);
      output.put_char(' ');
      output.put_decimal(right1);
      output.put_char('\n');
    }
    left_hand_side += 2;
  }
  auto put_symbol = [&](char kind, std::uint32_t position, const std::string& name) {
    if (name.empty()) return;
    output.make_room();
    output.put_char(kind);
    output.put_decimal(position);
    output.put_char(' ');
    output.put_text(name);
    output.put_text("\n");
  };
  for (std::uint32_t i = 0; i < input_count; ++i)
    put_symbol('i', i, aig.input_name(i));
  for (std::uint32_t k = 0; k < latch_count; ++k)
    put_symbol('l', k, aig.input_name(input_count + k));
  for (std::uint32_t i = 0; i < output_count; ++i)
    put_symbol('o', i, aig.output_name(i));
  if (!aig.comments().empty()) {
    output.put_text("c\n");
    for (const std::string& line : aig.comments()) {
      output.put_text(line);
      output.put_text("\n");
    }
  }
  output.flush();
}

/// Throws std::invalid_argument unless `circuit` has as many inputs and
/// outputs as its latches need.
void check_latches(const logic::SequentialAig& circuit) {
  if (circuit.aig.input_count() < circuit.latch_count() ||
      circuit.aig.output_count() < circuit.latch_count()) {
    throw std::invalid_argument(
        "a sequential AIG needs an input and an output for each of its latches");
  }
}

}  // namespace

std::string write_aiger(const Aig& aig, AigerFormat format) {
  check_names(aig, "AIGER output");
  std::string bytes;
  BlockOutput output([&](std::string_view block) { bytes.append(block); }, aig);
  encode(aig, {}, format, output);
  return bytes;
}

std::string write_aiger(const logic::SequentialAig& circuit, AigerFormat format) {
  check_latches(circuit);
  check_names(circuit.aig, "AIGER output");
  std::string bytes;
  BlockOutput output([&](std::string_view block) { bytes.append(block); }, circuit.aig);
  encode(circuit.aig, circuit.latch_initial, format, output);
  return bytes;
}

void write_aiger_file(const logic::SequentialAig& circuit, const std::filesystem::path& path,
                      AigerFormat format) {
  check_latches(circuit);
  check_names(circuit.aig, path.string());
  AtomicFile file(path);
  BlockOutput output([&](std::string_view block) { file.write(block); }, circuit.aig);
  encode(circuit.aig, circuit.latch_initial, format, output);
  file.commit();
}

void write_aiger(const Aig& aig, AigerFormat format, std::ostream& out) {
  check_names(aig, "AIGER output");
  BlockOutput output(
      [&](std::string_view block) {
        out.write(block.data(), static_cast<std::streamsize>(block.size()));
      },
      aig);
  encode(aig, {}, format, output);
}

void write_aiger_file(const Aig& aig, const std::filesystem::path& path, AigerFormat format) {
  check_names(aig, path.string());
  AtomicFile file(path);
  BlockOutput output([&](std::string_view block) { file.write(block); }, aig);
  encode(aig, {}, format, output);
  file.commit();
}

}  // namespace rnncc::io
