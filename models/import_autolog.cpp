// The AUTOLOG1 PROFILE EXEC reader. REXX rules used (REXX/VM Reference, "Structure and General
// Syntax"): comments /* */ nest and may span lines; clauses end at a line end or a semicolon
// outside quotes; a trailing comma continues a clause on the next line; a string in quotes or
// a plain expression of symbols is a command passed to the environment (CMS, then CP).
// Commands understood: CP XAUTOLOG userid [SYNC|ASYNCH] and CP SLEEP n SEC|MIN|HRS (z/VM CP
// Commands and Utilities Reference).

#include "models/import_autolog.hpp"

#include <cctype>

namespace drsim::import {
namespace {

struct Clause {
  Pos pos;
  std::string text;
};

/// Text without comments (nested, line numbers kept).
std::string strip_rexx_comments(const SourceText& src, Messages& msgs) {
  std::string out;
  int depth = 0, line = 1, open_line = 0;
  char quote = 0;
  const std::string& t = src.text;
  for (size_t i = 0; i < t.size(); ++i) {
    char c = t[i];
    if (depth == 0 && quote == 0 && (c == '\'' || c == '"')) {
      quote = c;
    } else if (quote != 0 && c == quote) {
      quote = 0;
    } else if (quote == 0 && t.compare(i, 2, "/*") == 0) {
      if (depth++ == 0) open_line = line;
      ++i;
      continue;
    } else if (quote == 0 && depth > 0 && t.compare(i, 2, "*/") == 0) {
      --depth;
      ++i;
      continue;
    }
    if (c == '\n') {
      ++line;
      if (depth == 0) quote = 0;
    }
    if (depth == 0 || c == '\n') out += c;
  }
  if (depth > 0)
    msgs.error({src.path, open_line}, "REXX comment not closed before the end of the exec",
               "*/ to end the comment");
  return out;
}

std::vector<Clause> clauses(const SourceText& src, Messages& msgs) {
  std::vector<Clause> out;
  auto lines = split_lines(strip_rexx_comments(src, msgs));
  std::string pending;
  Pos pending_pos;
  for (size_t i = 0; i < lines.size(); ++i) {
    Pos p{src.path, static_cast<int>(i + 1)};
    std::string cur;
    char quote = 0;
    for (char c : lines[i]) {
      if (quote == 0 && (c == '\'' || c == '"'))
        quote = c;
      else if (quote != 0 && c == quote)
        quote = 0;
      if (quote == 0 && c == ';') {
        out.push_back({pending.empty() ? p : pending_pos, pending + cur});
        pending.clear();
        cur.clear();
        continue;
      }
      cur += c;
    }
    auto w = words(cur);
    std::string joined;
    for (const auto& x : w) joined += (joined.empty() ? "" : " ") + x;
    if (!joined.empty() && joined.back() == ',') {
      if (pending.empty()) pending_pos = p;
      pending += joined.substr(0, joined.size() - 1) + " ";
      continue;
    }
    if (!pending.empty() || !joined.empty())
      out.push_back({pending.empty() ? p : pending_pos, pending + joined});
    pending.clear();
  }
  if (!pending.empty())
    msgs.error(pending_pos, "bad continuation: the clause ends with a comma but the exec ends",
               "a continuation line after a clause that ends with a comma");
  return out;
}

/// The command of a clause that is one quoted string or plain symbols; "" otherwise.
std::string command_of(const std::string& clause) {
  if (clause.size() >= 2 && (clause[0] == '\'' || clause[0] == '"')) {
    size_t end = clause.find(clause[0], 1);
    if (end == clause.size() - 1) return upper(clause.substr(1, end - 1));
    return "";
  }
  auto w = words(clause);
  if (!w.empty() && (upper(w[0]) == "CP" || upper(w[0]) == "XAUTOLOG")) {
    for (const auto& x : w)
      for (char c : x)
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '$' && c != '#' && c != '@')
          return "";
    return upper(clause);
  }
  return "";
}

bool is_control(const std::string& first) {
  return first == "DO" || first == "IF" || first == "SELECT" || first == "WHEN" ||
         first == "OTHERWISE" || first == "END" || first == "THEN" || first == "ELSE";
}

std::optional<double> sleep_seconds(const std::vector<std::string>& w, size_t i) {
  if (i + 2 != w.size()) return std::nullopt;
  for (char c : w[i])
    if (!std::isdigit(static_cast<unsigned char>(c))) return std::nullopt;
  double n = std::stod(w[i]);
  const std::string& u = w[i + 1];
  if (abbrev(u, "SECONDS", 3)) return n;
  if (abbrev(u, "MINUTES", 3)) return n * 60;
  if (abbrev(u, "HOURS", 2) || u == "HRS") return n * 3600;
  return std::nullopt;
}

void command(const Clause& c, const std::string& cmd, int depth, double& pending, AutologPlan& plan,
             Messages& msgs) {
  auto w = words(cmd);
  size_t i = (!w.empty() && w[0] == "CP") ? 1 : 0;
  std::string verb = i < w.size() ? w[i] : "";
  bool xautolog = verb == "XAUTOLOG" || verb == "XAUTO";
  bool sleep = verb == "SLEEP" || verb == "SL";
  if ((xautolog || sleep) && depth > 0) {
    plan.other.push_back({c.pos, cmd + " inside DO/IF/SELECT: conditional or repeated, not "
                                       "guessed (put it at the exec's top level)"});
    return;
  }
  if (xautolog) {
    bool ok = i + 1 < w.size();
    for (size_t k = i + 2; k < w.size(); ++k)
      ok = ok && (w[k] == "SYNC" || abbrev(w[k], "ASYNCHRONOUS", 5));
    if (!ok) {
      msgs.error(c.pos, "'" + cmd + "' is not understood",
                 "CP XAUTOLOG userid [SYNC|ASYNCH] (CP Commands and Utilities Reference)");
      return;
    }
    plan.entries.push_back({c.pos, w[i + 1], pending});
    pending = 0;
  } else if (sleep) {
    auto s = sleep_seconds(w, i + 1);
    if (!s) {
      msgs.error(c.pos, "'" + cmd + "' has no delay this import can be sure of",
                 "CP SLEEP n SEC|MIN|HRS");
      return;
    }
    if (plan.entries.empty())
      plan.other.push_back({c.pos, cmd + " before the first XAUTOLOG (the plan starts the "
                                         "guests once VM is up)"});
    else
      pending += *s;
  } else {
    plan.other.push_back({c.pos, cmd + " (not an XAUTOLOG or a CP SLEEP)"});
  }
}

}  // namespace

AutologPlan parse_autolog(const SourceText& src, Messages& msgs) {
  AutologPlan plan;
  double pending = 0;
  int depth = 0;
  Pos last_sleep;
  for (const auto& c : clauses(src, msgs)) {
    auto w = words(c.text);
    std::string first = upper(w[0]);
    if (is_control(first)) {
      std::string up = upper(c.text);
      if (first == "END") depth = depth > 0 ? depth - 1 : 0;
      if (first == "DO" || first == "SELECT" || up.find(" DO") != std::string::npos) ++depth;
      plan.other.push_back({c.pos, c.text + " (REXX control: what it guards is not guessed)"});
      continue;
    }
    std::string cmd = command_of(c.text);
    if (cmd.empty()) {
      plan.other.push_back({c.pos, c.text + " (REXX clause not understood by the import)"});
      continue;
    }
    bool was_sleep = cmd.find("SLEEP") != std::string::npos;
    command(c, cmd, depth, pending, plan, msgs);
    if (was_sleep) last_sleep = c.pos;
  }
  if (pending > 0) plan.other.push_back({last_sleep, "CP SLEEP after the last XAUTOLOG"});
  return plan;
}

}  // namespace drsim::import
