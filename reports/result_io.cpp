// GCC 12 reports a false -Warray-bounds inside nlohmann's parser (see models/text_guard.cpp).
#pragma GCC diagnostic ignored "-Warray-bounds"

#include "reports/result_io.hpp"

#include <sys/stat.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <nlohmann/json.hpp>

namespace drsim::reports {
namespace {

using nlohmann::json;

/// Deepest nesting a result may have (the format needs 4).
constexpr std::size_t kMaxResultNesting = 64;

/// Whether the brackets of text (outside strings) nest at most max_depth deep.
bool nests_within(const std::string& text, std::size_t max_depth) {
  std::size_t depth = 0;
  bool in_string = false, escaped = false;
  for (char c : text) {
    if (in_string) {
      if (escaped)
        escaped = false;
      else if (c == '\\')
        escaped = true;
      else if (c == '"')
        in_string = false;
      continue;
    }
    if (c == '"') in_string = true;
    if ((c == '[' || c == '{') && ++depth > max_depth) return false;
    if ((c == ']' || c == '}') && depth > 0) --depth;
  }
  return true;
}

/// nlohmann's DOM builder, keeping the position of the first error instead of throwing.
class PositionedParser : public nlohmann::detail::json_sax_dom_parser<json> {
 public:
  explicit PositionedParser(json& out) : json_sax_dom_parser(out, false) {}
  bool parse_error(std::size_t position, const std::string& token,
                   const nlohmann::detail::exception& ex) {
    failed = true;
    where = position;
    message = ex.id == 406 ? "the number " + token.substr(0, 40) + " is too large for a double"
                           : "not JSON";
    return false;
  }
  bool failed = false;
  std::size_t where = 0;
  std::string message;
};

std::string line_and_column(const std::string& text, std::size_t position) {
  std::size_t line = 1, column = 1;
  for (std::size_t i = 0; i < position && i < text.size(); ++i) {
    column = text[i] == '\n' ? 1 : column + 1;
    line += text[i] == '\n' ? 1 : 0;
  }
  return "line " + std::to_string(line) + ", column " + std::to_string(column);
}

std::string read_regular_file(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0)
    throw ResultFileError(path + ": cannot read the file: " + std::strerror(errno));
  if (!S_ISREG(st.st_mode))
    throw ResultFileError(path + ": not a regular file; expected a drsim result.json");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw ResultFileError(path + ": cannot read the file: " + std::strerror(errno));
  std::string text;
  char buf[65536];
  while (in.read(buf, sizeof buf) || in.gcount() > 0) {
    text.append(buf, static_cast<std::size_t>(in.gcount()));
    if (text.size() > kMaxResultBytes)
      throw ResultFileError(path + ": over " + std::to_string(kMaxResultBytes >> 20) +
                            " MiB; expected a drsim result.json");
  }
  if (in.bad()) throw ResultFileError(path + ": cannot read the file: read error");
  return text;
}

}  // namespace

json parse_result_text(const std::string& text, const std::string& file) {
  if (!nests_within(text, kMaxResultNesting))
    throw ResultFileError(file + ": arrays/objects nest deeper than " +
                          std::to_string(kMaxResultNesting) +
                          " levels; expected a drsim result.json");
  json doc;
  PositionedParser sax(doc);
  if (!json::sax_parse(text, &sax) || sax.failed)
    throw ResultFileError(file + ": " + line_and_column(text, sax.where) + ": " + sax.message +
                          "; expected a drsim result.json");
  if (!doc.is_object())
    throw ResultFileError(file + ": not a JSON object; expected a drsim result.json");
  for (const char* key : {"drsim_version", "systems", "recovery", "findings", "milestones"}) {
    if (!doc.contains(key))
      throw ResultFileError(file + ": /" + key + " is missing; expected a drsim result.json");
  }
  if (!doc["drsim_version"].is_string())
    throw ResultFileError(file + ": /drsim_version: expected a version string");
  if (!doc["systems"].is_array()) throw ResultFileError(file + ": /systems: expected an array");
  if (!doc["recovery"].is_object()) throw ResultFileError(file + ": /recovery: expected an object");
  return doc;
}

json load_result(const std::string& path) {
  return parse_result_text(read_regular_file(path), path);
}

}  // namespace drsim::reports
