// GCC 12 reports a false -Warray-bounds inside nlohmann's parser (set_parents on a new string
// value, JSON_DIAGNOSTICS=1) wherever json::parse is instantiated; this file is the one place
// that parses JSON text, so the suppression stays here.
#pragma GCC diagnostic ignored "-Warray-bounds"

#include "models/text_guard.hpp"

#include "models/json_reader.hpp"

namespace drsim {

std::string check_nesting(std::string_view text, size_t max_depth) {
  size_t depth = 0;
  bool in_string = false;
  bool escaped = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (in_string) {
      if (escaped)
        escaped = false;
      else if (c == '\\')
        escaped = true;
      else if (c == '"')
        in_string = false;
      continue;
    }
    if (c == '"')
      in_string = true;
    else if (c == '[' || c == '{') {
      if (++depth > max_depth)
        return "arrays/objects nest deeper than " + std::to_string(max_depth) +
               " levels (at byte " + std::to_string(i) + ")";
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return {};
}

namespace {

/// nlohmann's DOM builder that keeps the position of the first error instead of throwing:
/// a number too large for a double ("1e309") is an out_of_range exception without a position.
class PositionedParser : public nlohmann::detail::json_sax_dom_parser<nlohmann::json> {
 public:
  explicit PositionedParser(nlohmann::json& out) : json_sax_dom_parser(out, false) {}

  bool parse_error(std::size_t position, const std::string& last_token,
                   const nlohmann::detail::exception& ex) {
    failed_ = true;
    position_ = position;
    token_ = last_token;
    overflow_ = ex.id == 406;
    what_ = ex.what();
    return false;
  }

  bool failed() const { return failed_; }

  /// "line L, column C: ..." for the error.
  std::string message(const std::string& text) const {
    size_t line = 1, column = 1;
    for (size_t i = 0; i < position_ && i < text.size(); ++i) {
      if (text[i] == '\n') {
        ++line;
        column = 1;
      } else {
        ++column;
      }
    }
    // the position is just past the offending token: point at its first character
    if (column > token_.size()) column -= token_.size();
    std::string where = "line " + std::to_string(line) + ", column " + std::to_string(column);
    if (overflow_)
      return where + ": the number " + token_.substr(0, 40) +
             " is too large (a JSON number must fit a double, at most about 1.8e308)";
    size_t close = what_.find("] ");
    return close == std::string::npos ? what_ : what_.substr(close + 2);
  }

 private:
  bool failed_ = false;
  bool overflow_ = false;
  size_t position_ = 0;
  std::string token_;
  std::string what_;
};

}  // namespace

bool parse_json_text(const std::string& text, nlohmann::json& out, std::string& error) {
  error = check_nesting(text, kMaxNesting);
  if (!error.empty()) return false;
  nlohmann::json doc;
  PositionedParser sax(doc);
  bool ok = nlohmann::json::sax_parse(text, &sax) && !sax.failed();
  if (!ok) {
    error = sax.message(text);
    return false;
  }
  out = std::move(doc);
  return true;
}

namespace {

/// A value met by find_long_strings: its parent's entry and its key (or index) there. The
/// JSON Pointer is only made for the few values reported (making one for every value was
/// most of the walk's cost).
struct Visited {
  size_t parent;           ///< entry of the enclosing value; the root is its own parent (entry 0)
  const std::string* key;  ///< the member's key, or nullptr for an array element
  size_t index;
};

std::string pointer_of(const std::vector<Visited>& seen, size_t at) {
  if (at == 0) return "";
  const Visited& v = seen[at];
  std::string parent = pointer_of(seen, v.parent);
  return v.key != nullptr ? pointer_join(parent, *v.key) : pointer_join(parent, v.index);
}

}  // namespace

std::vector<std::pair<std::string, size_t>> find_long_strings(const nlohmann::json& doc,
                                                              size_t max_chars) {
  std::vector<std::pair<std::string, size_t>> out;
  std::vector<Visited> seen{{0, nullptr, 0}};
  std::vector<std::pair<const nlohmann::json*, size_t>> todo{{&doc, 0}};
  while (!todo.empty()) {  // the same order as ever: the messages come out in it
    auto [v, at] = todo.back();
    todo.pop_back();
    if (v->is_string() && v->get_ref<const std::string&>().size() > max_chars)
      out.emplace_back(pointer_of(seen, at), v->get_ref<const std::string&>().size());
    if (v->is_object())
      for (const auto& [key, value] : v->get_ref<const nlohmann::json::object_t&>()) {
        seen.push_back({at, &key, 0});
        if (key.size() > max_chars) out.emplace_back(pointer_of(seen, seen.size() - 1), key.size());
        todo.emplace_back(&value, seen.size() - 1);
      }
    if (v->is_array())
      for (size_t i = 0; i < v->size(); ++i) {
        seen.push_back({at, nullptr, i});
        todo.emplace_back(&(*v)[i], seen.size() - 1);
      }
  }
  return out;
}

}  // namespace drsim
