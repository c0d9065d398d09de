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

/// One object or array on the walk's current path, and which of its values is being visited.
struct Level {
  const nlohmann::json* v;
  nlohmann::json::object_t::const_reverse_iterator next_member;  ///< objects: from the back
  size_t left = 0;                   ///< arrays: elements not visited yet (from the back)
  const std::string* key = nullptr;  ///< objects: the member being visited
  size_t index = 0;                  ///< arrays: the element being visited
};

/// The JSON Pointer of the value being visited: the path's keys and indices. Only made for
/// the few values reported.
std::string pointer_of(const std::vector<Level>& path) {
  std::string out;
  for (const Level& l : path)
    out += l.v->is_object() ? pointer_join({}, *l.key) : pointer_join({}, l.index);
  return out;
}

}  // namespace

std::vector<std::pair<std::string, size_t>> find_long_strings(const nlohmann::json& doc,
                                                              size_t max_chars) {
  std::vector<std::pair<std::string, size_t>> out;
  // Depth first, an object's or array's values from the last to the first, an object's keys
  // checked when it is reached: the same order as ever, as the messages come out in it. Only
  // the current path is kept (a record per value visited cost a 264,000-value scenario 16 MB
  // of fresh pages, issue 18).
  std::vector<Level> path;
  auto reach = [&](const nlohmann::json& v) {
    if (v.is_string() && v.get_ref<const std::string&>().size() > max_chars)
      out.emplace_back(pointer_of(path), v.get_ref<const std::string&>().size());
    if (v.is_object()) {
      const auto& members = v.get_ref<const nlohmann::json::object_t&>();
      for (const auto& [key, value] : members)
        if (key.size() > max_chars)
          out.emplace_back(pointer_join(pointer_of(path), key), key.size());
      if (!members.empty()) path.push_back(Level{&v, members.rbegin()});
    } else if (v.is_array() && !v.empty()) {
      path.push_back(Level{&v, {}, v.size()});
    }
  };
  reach(doc);
  while (!path.empty()) {
    Level& l = path.back();
    const nlohmann::json* child = nullptr;
    if (l.v->is_object()) {
      if (l.next_member == l.v->get_ref<const nlohmann::json::object_t&>().rend()) {
        path.pop_back();
        continue;
      }
      l.key = &l.next_member->first;
      child = &l.next_member->second;
      ++l.next_member;
    } else {
      if (l.left == 0) {
        path.pop_back();
        continue;
      }
      l.index = --l.left;
      child = &(*l.v)[l.index];
    }
    reach(*child);  // may grow the path: `l` is not used after this
  }
  return out;
}

}  // namespace drsim
