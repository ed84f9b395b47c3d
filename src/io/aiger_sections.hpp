// Private: the sections of an AIGER file, parsed by the reader.
#pragma once

#include <cstdint>

#include "aiger_cursor.hpp"
#include "rnncc/logic/aig.hpp"
#include "rnncc/logic/sequential_aig.hpp"

namespace rnncc::io {

/// The counts of the header line `aag|aig M I L O A`.
struct AigerHeader {
  bool binary = false;
  std::uint32_t max_variable = 0;  // M
  std::uint32_t input_count = 0;   // I
  std::uint32_t latch_count = 0;   // L
  std::uint32_t output_count = 0;  // O
  std::uint32_t and_count = 0;     // A
};

/// Most inputs a binary file may declare beyond the ones its bytes can use
/// (inputs take no bytes in a binary file; see parse_aiger_header).
inline constexpr std::uint64_t max_unused_binary_inputs = std::uint64_t{1} << 20;

/// Parses and checks the header line (latches only with `allow_latches`;
/// AIGER 1.9's optional B C J F fields are accepted when they are all 0).
/// Sets the cursor's error place to bytes for binary files. Throws
/// LimitError for a binary file declaring more inputs than the bytes after
/// its header can use plus max_unused_binary_inputs.
AigerHeader parse_aiger_header(AigerCursor& cursor, bool allow_latches);

/// Parses the inputs, latches, outputs and ANDs of an ASCII file (ANDs in
/// any order) into a new circuit; the cursor is left at the symbol table.
logic::SequentialAig parse_ascii_body(AigerCursor& cursor, const AigerHeader& header);

/// Parses the latches, outputs and delta-encoded ANDs of a binary file into
/// a new circuit; the cursor is left at the symbol table.
logic::SequentialAig parse_binary_body(AigerCursor& cursor, const AigerHeader& header);

/// After a latch's next literal: the optional ` INIT` of latch `index`
/// (0 when absent, 1, or `latch_literal` itself for an uninitialised
/// latch); fails naming the latch otherwise. The line end is left.
logic::LatchInitial parse_latch_initial(AigerCursor& cursor, std::uint32_t latch_literal,
                                        std::uint32_t index);

/// Parses the symbol table and the comment section up to the end of the
/// file, naming the circuit's inputs, latches and outputs and filling its
/// comments.
void parse_symbols_and_comments(AigerCursor& cursor, logic::SequentialAig& circuit);

}  // namespace rnncc::io
