// A bound on the nesting of TOML dotted keys, checked on the raw text before
// a TOML parser (which recurses once per level) sees it.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace rnncc::io {

/// Throws InputError naming `source` and the line when some dotted key
/// (`a.b.c = 1` or `[a.b.c]`) of `text` has more than `max_parts` parts.
/// Dots inside strings and comments do not count; a number such as 1.5 is
/// one part, whatever the line holds.
void check_dotted_key_depth(std::string_view text, const std::string& source,
                            std::size_t max_parts);

}  // namespace rnncc::io
