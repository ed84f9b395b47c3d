// AIGER files: ASCII `aag` and binary `aig`, with the symbol table and the
// comment section; combinational, or sequential with AIGER 1.9 latches.
#pragma once

#include <filesystem>
#include <iosfwd>
#include <string>
#include <string_view>

#include "rnncc/logic/aig.hpp"
#include "rnncc/logic/sequential_aig.hpp"

namespace rnncc::io {

/// The two encodings of the AIGER format.
enum class AigerFormat { ascii, binary };

/// The AIGER bytes of `aig`. Only ANDs that some output depends on are
/// written (as ABC does: its AND count of the file is then the file's A);
/// dangling ANDs are dropped. Variables are renumbered as the format
/// requires: inputs 1..I in input order, the written ANDs I+1..I+A in
/// creation order (which is topological), so every AND's variable exceeds
/// its fan-ins'.
/// Non-empty input and output names become `i<k> name` / `o<k> name` symbol
/// lines; `aig.comments()` become the comment section (one line each).
/// Throws InputError if a name contains a newline (nothing is written).
std::string write_aiger(const logic::Aig& aig, AigerFormat format);

/// Writes the same bytes as write_aiger to `out` in large blocks (the
/// caller checks the stream's state).
void write_aiger(const logic::Aig& aig, AigerFormat format, std::ostream& out);

/// Writes the same bytes to `path` in `format`, whatever the extension
/// (io/file_types.hpp chooses the format by extension), atomically: the
/// bytes go to a temporary file beside `path` which is renamed over `path`
/// only when complete, so a failure leaves no partial file. Throws
/// InputError naming the path on failure.
void write_aiger_file(const logic::Aig& aig, const std::filesystem::path& path, AigerFormat format);

/// The AIGER bytes of a sequential circuit, as write_aiger writes `aig`
/// with these additions: the header's L is circuit.latch_count(); latch k
/// is variable I + k + 1 (I = the primary inputs), written after the
/// inputs as the line `LATCH NEXT` in ASCII (`NEXT` in binary) followed by
/// ` 1` for an initial value 1 or ` LATCH` for an uninitialised latch
/// (nothing for 0, so the line is also AIGER 1.0); the latches' next values
/// count as outputs when deciding which ANDs are written; a non-empty latch
/// name becomes the symbol `l<k> name`. Without latches the bytes are
/// write_aiger(circuit.aig)'s. Throws as write_aiger does.
std::string write_aiger(const logic::SequentialAig& circuit, AigerFormat format);

/// Writes those bytes to `path` atomically, as write_aiger_file does.
void write_aiger_file(const logic::SequentialAig& circuit, const std::filesystem::path& path,
                      AigerFormat format);

/// Parses a combinational AIGER file held in memory; the format is detected
/// from the header (`aag` or `aig`). The circuit is rebuilt through
/// Aig::create_input / Aig::create_and, so it is structurally hashed:
/// duplicate ANDs and ANDs that simplify (x&0, x&1, x&x, x&!x) are merged,
/// and and_count() may be smaller than the file's A. Inputs, outputs, their
/// order, symbol names and comment lines are kept; the function is the
/// file's. Unused AND definitions are kept as nodes. Every line after a
/// line starting with `c` is a comment (the `c` may be followed by text on
/// its own line, as ABC's `&w` writes binary extensions there).
///
/// Malformed input throws InputError with one line: `SOURCE:LINE: expected
/// ...` for ASCII files, `SOURCE: byte N: expected ...` (N counted from 0) for
/// binary files, where SOURCE is `source_name`. Refused: a bad header, counts
/// that do not fit (M < I + L + A; binary: M != I + L + A), latches (L != 0),
/// literals beyond 2M+1, undefined or doubly defined variables, odd or
/// constant input literals, cyclic definitions (ASCII ANDs may come in any
/// order), truncated or oversized binary varints, binary ANDs out of the
/// canonical order (lhs = 2(I+L+k+1), rhs0 < lhs, rhs1 <= rhs0), malformed
/// symbol lines, and anything after the last section but a comment.
/// Nothing is allocated beyond what the file's bytes can fill, whatever the
/// header declares: a binary file declaring more inputs (which take no
/// bytes) than one per byte after its header plus 2^20 is refused with
/// LimitError naming I.
logic::Aig read_aiger(std::string_view contents, std::string_view source_name);

/// Reads and parses the file at `path` ("-": standard input, within the
/// file size limit; see read_aiger; errors name the path). Throws
/// InputError if the file cannot be read.
logic::Aig read_aiger_file(const std::filesystem::path& path);

/// Parses an AIGER file that may have latches (L >= 0), as read_aiger does
/// otherwise: latch k becomes input I + k of the SequentialAig's `aig` and
/// its next value output O + k, with its initial value. A latch line is
/// `LATCH NEXT [INIT]` in ASCII (LATCH = 2(I+k+1) in a binary file, where
/// the line is `NEXT [INIT]`), INIT being 0 (also when absent), 1 or LATCH
/// itself (uninitialised). Refused, besides what read_aiger refuses
/// (latches aside): a latch literal that is odd, constant or defines a
/// variable twice, a binary latch line that does not hold the next literal
/// and at most one initial value, any other initial value, and symbol lines
/// `l<k>` for k >= L. Errors are one line, `SOURCE:LINE: expected ...` or
/// `SOURCE: byte N: expected ...`.
logic::SequentialAig read_sequential_aiger(std::string_view contents, std::string_view source_name);

/// Reads and parses the file at `path` (see read_sequential_aiger; errors
/// name the path). Throws InputError if the file cannot be read.
logic::SequentialAig read_sequential_aiger_file(const std::filesystem::path& path);

}  // namespace rnncc::io
