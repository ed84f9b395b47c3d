// The registry of number format kinds: for each kind (exact, mod, modp,
// fixed) its spelling, its properties, how its members map to numbers and
// bit patterns, and the factory of its lowering unit. format.cpp and
// format_lowering.cpp find a format's kind here instead of branching on the
// alternatives of Format. Each kind is defined in its own file under
// formats/ and listed once in format_kinds.cpp.
#pragma once

#include <gmpxx.h>
#include <cstddef>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "rnncc/arith/format.hpp"
#include "rnncc/logic/aig.hpp"
#include "rnncc/word/bit_vector.hpp"

namespace rnncc::arith::detail {

class FormatLoweringUnit;

/// How a kind's formats relate their members to numbers and bit patterns:
/// the kind's share of representable_range, resolution, is_member, encode
/// and decode (format.hpp states what each promises).
struct MemberFunctions {
  RepresentableRange (*representable_range)(const Format& format);
  mpq_class (*resolution)(const Format& format);
  bool (*is_member)(const Format& format, const mpq_class& value);
  mpz_class (*encode)(const Format& format, const mpq_class& value);
  mpq_class (*decode)(const Format& format, const mpz_class& pattern);
};

/// One kind of number format. Its functions receive formats of this kind
/// only.
struct FormatKind {
  /// The spelling's first word: "exact", "mod", "modp", "fixed".
  std::string_view keyword;
  /// The spelling as listed among the accepted formats, e.g. "mod:W".
  std::string_view syntax;
  /// Whether the spelling is "keyword:arguments" (else the keyword alone).
  bool takes_arguments;
  /// is_ring of the kind's formats.
  bool is_ring;
  /// is_finite of the kind's formats.
  bool is_finite;
  /// The format spelled `text`, whose part after "keyword:" is `arguments`
  /// (empty for a kind without arguments). Throws InputError naming `text`.
  Format (*parse)(std::string_view text, std::string_view arguments);
  /// The canonical spelling, which parse reads back to an equal format.
  std::string (*print)(const Format& format);
  /// width_in_bits of a format of this kind.
  std::optional<std::size_t> (*width_in_bits)(const Format& format);
  MemberFunctions members;
  /// The unit that lowers the operations of `format` into `aig`.
  std::unique_ptr<FormatLoweringUnit> (*make_lowering)(logic::Aig& aig, const Format& format,
                                                       word::ArithmeticArchitecture architecture);
};

/// The kinds, one per alternative of Format, in the alternatives' order.
std::span<const FormatKind* const> format_kinds();

/// The kind of `format`.
const FormatKind& kind_of(const Format& format);

/// The kind spelled `keyword`; nullptr when there is none.
const FormatKind* find_kind(std::string_view keyword);

/// Every kind's syntax, in registry order: "exact, mod:W, modp:P or ...".
std::string_view accepted_formats();

// The kinds, each defined in its own file under formats/.
extern const FormatKind exact_format_kind;
extern const FormatKind mod_format_kind;
extern const FormatKind residue_format_kind;
extern const FormatKind fixed_format_kind;

}  // namespace rnncc::arith::detail
