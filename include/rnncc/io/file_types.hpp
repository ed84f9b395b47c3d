// The circuit file types rnncc reads and writes, in one table: which
// extension names which format, what circuit it holds, and the functions
// that read and write it. Commands ask this table which reader or writer to
// call, which extensions to list in their help, and what to refuse.
#pragma once

#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "rnncc/arith/circuit.hpp"
#include "rnncc/logic/aig.hpp"
#include "rnncc/logic/sequential_aig.hpp"

namespace rnncc::io {

/// What a circuit file holds: a Boolean circuit (an AIG) or a word-level
/// arithmetic circuit (which a command needing a Boolean circuit may lower
/// with arith::lower).
enum class CircuitKind { boolean, word_level };

/// Whether a file type is text or binary (a binary file is no use on a
/// terminal).
enum class FileEncoding { text, binary };

/// Reads the file at `path`. Throws InputError naming the path when the file
/// cannot be read or is malformed.
using BooleanCircuitReader = logic::Aig (*)(const std::filesystem::path& path);
using WordLevelCircuitReader = arith::Circuit (*)(const std::filesystem::path& path);

/// Writes `circuit` to `path` atomically (nothing is left at `path` but the
/// complete file, or the old file on failure). Throws InputError naming the
/// path on failure.
using BooleanCircuitWriter = void (*)(const logic::Aig& circuit, const std::filesystem::path& path);
using WordLevelCircuitWriter = void (*)(const arith::Circuit& circuit,
                                        const std::filesystem::path& path);

/// Whether `contents`, the bytes of a file, look like a file of one type
/// (its header or first statement), for input that has no extension.
using CircuitContentTest = bool (*)(std::string_view contents);

/// What a command does with a circuit file: read it or write it, and which
/// kind of circuit it can take (any kind when `kind` is empty).
struct CircuitFileUse {
  enum class Direction { read, write };
  Direction direction = Direction::read;
  std::optional<CircuitKind> kind;

  static constexpr CircuitFileUse reading(std::optional<CircuitKind> kind = std::nullopt) {
    return {Direction::read, kind};
  }
  static constexpr CircuitFileUse writing(std::optional<CircuitKind> kind = std::nullopt) {
    return {Direction::write, kind};
  }
};

/// One row of the table: a file type named by its extension. Only the
/// reader and writer of the row's kind may be set; a null reader (writer)
/// means rnncc cannot read (write) the type.
struct CircuitFileType {
  std::string_view extension;    ///< with its dot, e.g. ".aag"
  std::string_view description;  ///< a few words for help text, e.g. "ASCII AIGER"
  CircuitKind kind = CircuitKind::boolean;
  FileEncoding encoding = FileEncoding::text;
  // The reader and writer of the row's kind; the other kind's stay null.
  BooleanCircuitReader read_boolean = nullptr;
  BooleanCircuitWriter write_boolean = nullptr;
  WordLevelCircuitReader read_word_level = nullptr;
  WordLevelCircuitWriter write_word_level = nullptr;
  /// Set for every type rnncc reads: standard input ("-") is read as the
  /// first type whose test its bytes pass.
  CircuitContentTest looks_like = nullptr;

  constexpr bool can_read() const { return read_boolean != nullptr || read_word_level != nullptr; }
  constexpr bool can_write() const {
    return write_boolean != nullptr || write_word_level != nullptr;
  }
  /// Whether a command with `use` can take a file of this type.
  constexpr bool serves(CircuitFileUse use) const {
    const bool direction_served =
        use.direction == CircuitFileUse::Direction::read ? can_read() : can_write();
    return direction_served && (!use.kind || *use.kind == kind);
  }
};

/// Every circuit file type rnncc knows, in the order help text lists them.
std::span<const CircuitFileType> circuit_file_types();

/// The extensions of the types in `types` that serve `use`, in table order,
/// as a list for a sentence: ".aag, .aig or .arith".
std::string accepted_extensions(CircuitFileUse use,
                                std::span<const CircuitFileType> types = circuit_file_types());

/// The same list with each type's description, for `--help`:
/// ".aag (ASCII AIGER), .aig (binary AIGER) or .arith (...)".
std::string accepted_extensions_help(CircuitFileUse use,
                                     std::span<const CircuitFileType> types = circuit_file_types());

/// The row of `types` whose extension is `path`'s last one (".gz" for
/// "x.aig.gz"; compared exactly, case included), if that row serves `use`.
/// Otherwise throws InputError with one line naming the path and listing the
/// extensions that serve `use`, e.g. "x.txt: expected a circuit file ending
/// in .aag, .aig or .arith", followed for a known extension by why it does
/// not serve: "(.arith holds a word-level circuit)" or "(rnncc cannot write
/// .blif files)". When no row serves `use` at all the line says so: "x.arith:
/// rnncc cannot read any word-level circuit file".
///
/// `path` "-" is standard input or output, which has no extension. Read,
/// it is the first row serving `use` whose `looks_like` accepts standard
/// input's bytes (read once, within the file size limit; InputError naming
/// "-" and the types tried when none does). Written, it is the first text
/// row serving `use` (ASCII AIGER; `.arith` for a word-level circuit).
const CircuitFileType& circuit_file_type(
    const std::filesystem::path& path, CircuitFileUse use,
    std::span<const CircuitFileType> types = circuit_file_types());

/// The row whose extension, with or without its dot, is `name` ("aig",
/// ".aig"), if it serves `use`; otherwise InputError naming `option` (the
/// flag that gave the name) and listing the names that serve `use`.
const CircuitFileType& circuit_file_type_named(
    std::string_view name, CircuitFileUse use, std::string_view option,
    std::span<const CircuitFileType> types = circuit_file_types());

/// The Boolean circuit in the file at `path`, read by the reader of its
/// type. Throws InputError as circuit_file_type does when the extension
/// names no readable Boolean type, and as the reader does for the file.
logic::Aig read_boolean_circuit_file(const std::filesystem::path& path);

/// Writes `aig` to `path` with the writer of its type. Throws InputError as
/// circuit_file_type does when the extension names no writable Boolean type,
/// and as the writer does (leaving no partial file).
void write_boolean_circuit_file(const logic::Aig& aig, const std::filesystem::path& path);

/// The circuit at `path` with its latches when its type is AIGER (.aag or
/// .aig, read by read_sequential_aiger_file); the Boolean circuit its
/// type's reader gives, without latches, otherwise. Throws as
/// read_boolean_circuit_file does.
logic::SequentialAig read_sequential_circuit_file(const std::filesystem::path& path);

/// Writes `circuit` to `path` with its latches as AIGER (.aag or .aig); a
/// circuit without latches may go to any writable Boolean type. Throws
/// InputError naming the path for another type when there are latches, and
/// as write_boolean_circuit_file does otherwise.
void write_sequential_circuit_file(const logic::SequentialAig& circuit,
                                   const std::filesystem::path& path);

/// The same with the type given (a Boolean row of the table) instead of
/// taken from the extension.
void write_sequential_circuit_file(const logic::SequentialAig& circuit,
                                   const std::filesystem::path& path, const CircuitFileType& type);

}  // namespace rnncc::io
