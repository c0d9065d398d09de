// Operand values of IOCP statements (IOCP User's Guide, "Coding IOCP statements"): operands are
// separated by commas, values may be parenthesised lists, strings are in single quotes.

#include "models/import_iocp_value.hpp"

#include "models/import_source.hpp"

namespace drsim::import {
namespace {

struct Reader {
  const std::string& s;
  size_t i = 0;
  bool ok = true;

  IocpValue value() {
    IocpValue v;
    if (i < s.size() && s[i] == '\'') {
      size_t end = s.find('\'', i + 1);
      if (end == std::string::npos) {
        ok = false;
        return v;
      }
      v.atom = s.substr(i + 1, end - i - 1);
      i = end + 1;
      return v;
    }
    while (i < s.size() && s[i] != ',' && s[i] != '(' && s[i] != ')') v.atom += s[i++];
    v.atom = upper(v.atom);
    if (i < s.size() && s[i] == '(') {
      ++i;
      v.list = true;
      while (ok) {
        v.items.push_back(value());
        if (i >= s.size()) {
          ok = false;
          break;
        }
        if (s[i] == ')') {
          ++i;
          break;
        }
        if (s[i] == ',') ++i;
      }
    }
    return v;
  }
};

}  // namespace

std::optional<std::vector<IocpOperand>> parse_operands(const std::string& field) {
  std::vector<IocpOperand> out;
  Reader r{field};
  while (r.i < field.size() && r.ok) {
    size_t eq = field.find('=', r.i);
    size_t comma = field.find_first_of(",(", r.i);
    IocpOperand op;
    if (eq != std::string::npos && (comma == std::string::npos || eq < comma)) {
      op.keyword = upper(field.substr(r.i, eq - r.i));
      r.i = eq + 1;
    }
    op.value = r.value();
    out.push_back(op);
    if (r.i < field.size()) {
      if (field[r.i] != ',') return std::nullopt;
      ++r.i;
    }
  }
  if (!r.ok) return std::nullopt;
  return out;
}

std::vector<std::string> flatten(const IocpValue& v) {
  std::vector<std::string> out;
  if (v.atom == "CSS" && v.list) {
    std::string ids;
    for (const auto& x : v.items) ids += (ids.empty() ? "" : ",") + x.atom;
    out.push_back("CSS(" + ids + ")");
    return out;
  }
  if (!v.atom.empty()) out.push_back(v.atom);
  for (const auto& x : v.items)
    for (auto& a : flatten(x)) out.push_back(a);
  return out;
}

}  // namespace drsim::import
