#include "standard_streams.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include "rnncc/common/error.hpp"

namespace rnncc::cli {

void add_output_format_option(CLI::App* command, std::optional<std::string>& format,
                              io::CircuitFileUse use) {
  std::string names;
  for (const io::CircuitFileType& type : io::circuit_file_types()) {
    if (!type.serves(use)) continue;
    if (!names.empty()) names += ", ";
    names += type.extension.substr(1);
  }
  command->add_option("--output-format", format,
                      "Write this type (" + names +
                          ") whatever -o's extension; -o - without it writes ASCII AIGER");
}

const io::CircuitFileType& output_circuit_type(const std::string& path,
                                               const std::optional<std::string>& format,
                                               io::CircuitFileUse use) {
  const io::CircuitFileType& type =
      format ? io::circuit_file_type_named(*format, use, "--output-format")
             : io::circuit_file_type(path, use);
  if (path == "-" && type.encoding == io::FileEncoding::binary && isatty(STDOUT_FILENO) != 0) {
    throw InputError(fmt::format(
        "-: refusing to write {} to a terminal: redirect standard output to a file or a pipe",
        type.description));
  }
  return type;
}

void read_standard_input_once(const std::vector<std::string>& paths,
                              const std::vector<std::string>& names) {
  std::vector<std::string> readers;
  for (std::size_t i = 0; i < paths.size(); ++i) {
    if (paths[i] == "-") readers.push_back(names[i]);
  }
  if (readers.size() > 1) {
    throw InputError(fmt::format("-: {} both name standard input, which can be read only once",
                                 fmt::join(readers, " and ")));
  }
}

}  // namespace rnncc::cli
