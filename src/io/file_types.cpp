// The table of circuit file types and the lookups that commands use.
#include "rnncc/io/file_types.hpp"

#include <array>
#include <vector>

#include <fmt/format.h>

#include "rnncc/common/error.hpp"
#include "rnncc/common/size_limits.hpp"
#include "rnncc/io/aiger.hpp"
#include "rnncc/io/arith_file.hpp"
#include "rnncc/io/blif.hpp"
#include "rnncc/io/bristol.hpp"
#include "rnncc/io/dot.hpp"
#include "rnncc/io/verilog.hpp"

namespace rnncc::io {

namespace {

void write_ascii_aiger_file(const logic::Aig& aig, const std::filesystem::path& path) {
  write_aiger_file(aig, path, AigerFormat::ascii);
}

void write_binary_aiger_file(const logic::Aig& aig, const std::filesystem::path& path) {
  write_aiger_file(aig, path, AigerFormat::binary);
}

void write_default_dot_file(const logic::Aig& aig, const std::filesystem::path& path) {
  write_dot_file(aig, path);
}

/// The first line of `contents` that is neither blank nor a `#` comment,
/// without its leading white space.
std::string_view first_statement(std::string_view contents) {
  while (!contents.empty()) {
    const std::size_t end = contents.find('\n');
    std::string_view line = contents.substr(0, end);
    const std::size_t first = line.find_first_not_of(" \t\r");
    if (first != std::string_view::npos && line[first] != '#') return line.substr(first);
    if (end == std::string_view::npos) break;
    contents.remove_prefix(end + 1);
  }
  return {};
}

// The headers that tell the readable types apart (AIGER has no comment
// before its header; BLIF and .arith may start with `#` lines).
bool looks_like_ascii_aiger(std::string_view contents) {
  return contents.starts_with("aag ");
}
bool looks_like_binary_aiger(std::string_view contents) {
  return contents.starts_with("aig ");
}
bool looks_like_blif(std::string_view contents) {
  return first_statement(contents).starts_with('.');
}
bool looks_like_arith(std::string_view contents) {
  return first_statement(contents).starts_with("rnncc-arith");
}

// One row per file type. The AIGER reader follows the file's header, not
// its extension, so either AIGER row reads either encoding.
constexpr std::array circuit_file_type_table{
    CircuitFileType{.extension = ".aag",
                    .description = "ASCII AIGER",
                    .kind = CircuitKind::boolean,
                    .encoding = FileEncoding::text,
                    .read_boolean = read_aiger_file,
                    .write_boolean = write_ascii_aiger_file,
                    .looks_like = looks_like_ascii_aiger},
    CircuitFileType{.extension = ".aig",
                    .description = "binary AIGER",
                    .kind = CircuitKind::boolean,
                    .encoding = FileEncoding::binary,
                    .read_boolean = read_aiger_file,
                    .write_boolean = write_binary_aiger_file,
                    .looks_like = looks_like_binary_aiger},
    CircuitFileType{.extension = ".blif",
                    .description = "BLIF netlist",
                    .kind = CircuitKind::boolean,
                    .encoding = FileEncoding::text,
                    .read_boolean = read_blif_file,
                    .write_boolean = write_blif_file,
                    .looks_like = looks_like_blif},
    CircuitFileType{.extension = ".v",
                    .description = "structural Verilog",
                    .kind = CircuitKind::boolean,
                    .encoding = FileEncoding::text,
                    .write_boolean = write_verilog_file},
    CircuitFileType{.extension = ".bristol",
                    .description = "Bristol fashion",
                    .kind = CircuitKind::boolean,
                    .encoding = FileEncoding::text,
                    .write_boolean = write_bristol_file},
    CircuitFileType{.extension = ".dot",
                    .description = "Graphviz drawing",
                    .kind = CircuitKind::boolean,
                    .encoding = FileEncoding::text,
                    .write_boolean = write_default_dot_file},
    CircuitFileType{.extension = ".arith",
                    .description = "word-level arithmetic circuit",
                    .kind = CircuitKind::word_level,
                    .encoding = FileEncoding::text,
                    .read_word_level = read_arith_file,
                    .write_word_level = write_arith_file,
                    .looks_like = looks_like_arith},
};

/// Every row names a distinct extension, has a description, can be read or
/// written, and holds only the reader and writer of its own kind.
constexpr bool rows_are_consistent(std::span<const CircuitFileType> types) {
  for (std::size_t row = 0; row < types.size(); ++row) {
    const CircuitFileType& type = types[row];
    if (type.extension.size() < 2 || type.extension.front() != '.') return false;
    if (type.description.empty()) return false;
    if (!type.can_read() && !type.can_write()) return false;
    if (type.can_read() != (type.looks_like != nullptr)) return false;
    const bool has_boolean_functions =
        type.read_boolean != nullptr || type.write_boolean != nullptr;
    const bool has_word_level_functions =
        type.read_word_level != nullptr || type.write_word_level != nullptr;
    if (type.kind == CircuitKind::boolean ? has_word_level_functions : has_boolean_functions) {
      return false;
    }
    for (std::size_t earlier = 0; earlier < row; ++earlier) {
      if (types[earlier].extension == type.extension) return false;
    }
  }
  return true;
}
// GCC with -fsanitize=address (the debug preset) does not take a comparison
// of a function's address with null as a constant expression; there the
// test suite checks the same rules on circuit_file_types() at run time.
#if !(defined(__GNUC__) && !defined(__clang__) && defined(__SANITIZE_ADDRESS__))
static_assert(rows_are_consistent(circuit_file_type_table),
              "every circuit file type needs its own extension, a description, a reader or "
              "writer of its kind only, and a content test exactly when it can be read");
#endif

/// "a", "a or b", "a, b or c".
std::string sentence_list(const std::vector<std::string>& items) {
  std::string text;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) text += i + 1 == items.size() ? " or " : ", ";
    text += items[i];
  }
  return text;
}

std::string_view kind_name(CircuitKind kind) {
  return kind == CircuitKind::boolean ? "Boolean" : "word-level";
}

/// "circuit file", "Boolean circuit file", "word-level circuit file".
std::string file_noun(CircuitFileUse use) {
  return use.kind ? fmt::format("{} circuit file", kind_name(*use.kind)) : "circuit file";
}

std::string_view verb(CircuitFileUse use) {
  return use.direction == CircuitFileUse::Direction::read ? "read" : "write";
}

/// The type of standard input ("-") for `use`, told by its bytes.
const CircuitFileType& standard_input_type(CircuitFileUse use,
                                           std::span<const CircuitFileType> types) {
  const std::string contents = read_input_file_text("-", "a circuit file");
  std::vector<std::string> tried;
  for (const CircuitFileType& type : types) {
    if (type.looks_like == nullptr) continue;
    if (type.looks_like(contents)) {
      if (type.serves(use)) return type;
      throw InputError(fmt::format("-: standard input holds a {} ({}); expected a {}",
                                   type.description, type.extension, file_noun(use)));
    }
    tried.push_back(fmt::format("{} ({})", type.description, type.extension));
  }
  throw InputError(fmt::format(
      "-: standard input is not a circuit file rnncc recognises: expected {} (told by the header "
      "aag, aig, a BLIF `.` statement or rnncc-arith)",
      sentence_list(tried)));
}

}  // namespace

std::span<const CircuitFileType> circuit_file_types() {
  return circuit_file_type_table;
}

std::string accepted_extensions(CircuitFileUse use, std::span<const CircuitFileType> types) {
  std::vector<std::string> extensions;
  for (const CircuitFileType& type : types) {
    if (type.serves(use)) extensions.emplace_back(type.extension);
  }
  return sentence_list(extensions);
}

std::string accepted_extensions_help(CircuitFileUse use, std::span<const CircuitFileType> types) {
  std::vector<std::string> entries;
  for (const CircuitFileType& type : types) {
    if (type.serves(use))
      entries.push_back(fmt::format("{} ({})", type.extension, type.description));
  }
  return sentence_list(entries);
}

const CircuitFileType& circuit_file_type(const std::filesystem::path& path, CircuitFileUse use,
                                         std::span<const CircuitFileType> types) {
  if (path == "-") {
    if (use.direction == CircuitFileUse::Direction::read) return standard_input_type(use, types);
    for (const CircuitFileType& type : types) {
      if (type.serves(use) && type.encoding == FileEncoding::text) return type;
    }
  }
  const std::string extension = path.extension().string();
  const CircuitFileType* named = nullptr;
  for (const CircuitFileType& type : types) {
    if (!extension.empty() && type.extension == extension) named = &type;
  }
  if (named != nullptr && named->serves(use)) return *named;

  const std::string accepted = accepted_extensions(use, types);
  if (accepted.empty()) {
    throw InputError(
        fmt::format("{}: rnncc cannot {} any {}", path.string(), verb(use), file_noun(use)));
  }
  std::string message =
      fmt::format("{}: expected a {} ending in {}", path.string(), file_noun(use), accepted);
  if (named != nullptr && use.kind && named->kind != *use.kind) {
    message += fmt::format(" ({} holds a {} circuit)", named->extension, kind_name(named->kind));
  } else if (named != nullptr) {
    message += fmt::format(" (rnncc cannot {} {} files)", verb(use), named->extension);
  }
  throw InputError(message);
}

const CircuitFileType& circuit_file_type_named(std::string_view name, CircuitFileUse use,
                                               std::string_view option,
                                               std::span<const CircuitFileType> types) {
  for (const CircuitFileType& type : types) {
    if (type.serves(use) && (type.extension == name || type.extension.substr(1) == name))
      return type;
  }
  std::vector<std::string> names;
  for (const CircuitFileType& type : types) {
    if (type.serves(use)) names.emplace_back(type.extension.substr(1));
  }
  throw InputError(fmt::format("{} {}: expected {}", option, name, sentence_list(names)));
}

logic::Aig read_boolean_circuit_file(const std::filesystem::path& path) {
  return circuit_file_type(path, CircuitFileUse::reading(CircuitKind::boolean)).read_boolean(path);
}

void write_boolean_circuit_file(const logic::Aig& aig, const std::filesystem::path& path) {
  circuit_file_type(path, CircuitFileUse::writing(CircuitKind::boolean)).write_boolean(aig, path);
}

logic::SequentialAig read_sequential_circuit_file(const std::filesystem::path& path) {
  const CircuitFileType& type =
      circuit_file_type(path, CircuitFileUse::reading(CircuitKind::boolean));
  if (type.read_boolean == read_aiger_file) return read_sequential_aiger_file(path);
  return {type.read_boolean(path), {}};
}

void write_sequential_circuit_file(const logic::SequentialAig& circuit,
                                   const std::filesystem::path& path) {
  write_sequential_circuit_file(
      circuit, path, circuit_file_type(path, CircuitFileUse::writing(CircuitKind::boolean)));
}

void write_sequential_circuit_file(const logic::SequentialAig& circuit,
                                   const std::filesystem::path& path, const CircuitFileType& type) {
  if (type.write_boolean == write_ascii_aiger_file) {
    write_aiger_file(circuit, path, AigerFormat::ascii);
  } else if (type.write_boolean == write_binary_aiger_file) {
    write_aiger_file(circuit, path, AigerFormat::binary);
  } else if (circuit.latch_count() == 0) {
    type.write_boolean(circuit.aig, path);
  } else {
    throw InputError(fmt::format(
        "{}: a circuit with latches is written as AIGER: expected a file ending in .aag or .aig",
        path.string()));
  }
}

}  // namespace rnncc::io
