#include "reports/check_text.hpp"

#include <algorithm>
#include <cctype>
#include <nlohmann/json.hpp>
#include <sstream>
#include <vector>

#include "reports/duration_format.hpp"
#include "reports/escape.hpp"
#include "reports/result_reader.hpp"

namespace drsim::reports {

namespace {

using nlohmann::json;

struct Style {
  bool on = false;
  std::string paint(const std::string& text, const char* code) const {
    return on ? std::string("\033[") + code + "m" + text + "\033[0m" : text;
  }
  std::string bold(const std::string& text) const { return paint(text, "1"); }
};

const char* severity_colour(const std::string& severity) {
  if (severity == "error") return "1;31";
  if (severity == "warning") return "33";
  return "36";
}

const char* verdict_colour(const std::string& verdict) {
  if (verdict == "worse") return "31";
  if (verdict == "better") return "32";
  return "33";
}

/// Word-wraps `text` to `width` columns; continuation lines start with `indent` spaces.
std::string wrap(const std::string& text, std::size_t indent, int width) {
  std::istringstream words(text);
  std::string word, out;
  std::size_t col = indent, limit = static_cast<std::size_t>(std::max(width, 40));
  bool first = true;
  while (words >> word) {
    if (!first && col + 1 + word.size() > limit) {
      out += "\n" + std::string(indent, ' ');
      col = indent;
    } else if (!first) {
      out += ' ';
      ++col;
    }
    out += word;
    col += word.size();
    first = false;
  }
  return out;
}

/// The text at key made safe for a terminal; "" when missing or null.
std::string str(const ResultNode& n, const char* key) {
  return escape_terminal(n.text_at(key).value_or(""));
}

void field(std::ostream& out, const char* label, const std::string& value, int width) {
  if (value.empty()) return;
  std::string head = std::string("      ") + label;
  head.resize(std::max<std::size_t>(head.size() + 1, 20), ' ');
  out << head << wrap(value, head.size(), width) << "\n";
}

void finding(std::ostream& out, const ResultNode& f, const Style& st, int width) {
  std::string sev = str(f, "severity");
  std::string tag = "[" + sev + "]";
  for (auto& c : tag) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  std::string pad(tag.size() < 10 ? 10 - tag.size() : 1, ' ');
  out << "  " << st.paint(tag, severity_colour(sev)) << pad << st.bold(str(f, "code")) << "\n";
  field(out, "what:", str(f, "message"), width);
  field(out, "production:", str(f, "production"), width);
  field(out, "DR site:", str(f, "dr"), width);
  field(out, "consequence:", str(f, "consequence"), width);
  field(out, "remedy:", str(f, "remedy"), width);
  field(out, "where:", str(f, "pointer"), width);
}

void findings(std::ostream& out, const std::vector<ResultNode>& all, const Style& st, int width) {
  std::vector<std::string> subjects;
  for (const auto& f : all) {
    std::string s = str(f, "subject");
    if (std::find(subjects.begin(), subjects.end(), s) == subjects.end()) subjects.push_back(s);
  }
  if (subjects.empty()) out << "No findings: the DR site provides what production needs.\n\n";
  for (const auto& subject : subjects) {
    out << st.bold(subject) << "\n";
    for (const auto& f : all)
      if (str(f, "subject") == subject) finding(out, f, st, width);
    out << "\n";
  }
}

void questions(std::ostream& out, const ResultNode& report, const Style& st, int width) {
  const auto qs = report.at("ask_the_vendor", "an array of questions").elements("an array");
  if (qs.empty()) return;
  out << st.bold("Ask the vendor") << "\n";
  int n = 0;
  for (const auto& q : qs) {
    std::string num = "  " + std::to_string(++n) + ". ";
    out << num << wrap(escape_terminal(q.text()), num.size(), width) << "\n";
  }
  out << "\n";
}

void against(std::ostream& out, const ResultNode& report, const Style& st, int width) {
  const ResultNode a = report.at("against", "an object or null");
  if (a.is_null()) return;
  const auto diffs = a.at("differences", "an array").elements("an array");
  out << st.bold("Since the last test (" + str(a.at("scenario", "an object"), "name") + ")")
      << "\n";
  if (diffs.empty()) out << "  The DR site is configured as last time.\n";
  for (const auto& d : diffs) {
    std::string verdict = str(d, "verdict");
    std::string head = "  " + st.paint(verdict, verdict_colour(verdict)) +
                       std::string(9 - std::min<std::size_t>(verdict.size(), 8), ' ');
    std::string text = str(d, "subject") + " " + str(d, "item") + ": " + str(d, "last") + " -> " +
                       str(d, "current");
    out << head << wrap(text, 11, width) << "\n";
  }
  out << "\n";
}

double num(const json& j, const char* key) {
  const auto it = j.find(key);
  return it != j.end() && it->is_number() ? it->get<double>() : 0.0;
}

/// The contract's price of this exercise; nothing when the scenario has no contract.
void cost(std::ostream& out, const ResultNode& report, const Style& st) {
  const auto it = report.raw().find("cost");
  if (it == report.raw().end() || !it->is_object()) return;
  const json& c = *it;
  std::string cur = " " + escape_terminal(c.value("currency", ""));
  out << st.bold("Cost (DR contract)") << "\n";
  out << "  this test:       " << format_money(num(c, "test")) << cur << " ("
      << format_number(num(c, "days")) << " days at " << format_money(num(c, "resources_per_day"))
      << " for resources + " << format_money(num(c, "test_day_fee")) << " test fee a day)\n";
  if (c.contains("per_year") && c.at("per_year").is_number())
    out << "  per year:        " << format_money(num(c, "per_year")) << cur << " ("
        << format_number(num(c, "tests_per_year")) << " tests)\n";
  out << "  declared day:    " << format_money(num(c, "declared_per_day")) << cur
      << " a day of a declared disaster\n";
  for (const auto& i : c.value("items", json::array())) {
    if (!i.is_object() || num(i, "quantity") <= 0) continue;
    std::string name = i.is_object() && i.contains("item") && i.at("item").is_string()
                           ? escape_terminal(i.at("item").get<std::string>())
                           : "";
    name.resize(std::max<std::size_t>(name.size() + 1, 17), ' ');
    out << "    " << name << format_number(num(i, "quantity")) << " x "
        << format_money(num(i, "unit_price")) << " = " << format_money(num(i, "per_day"))
        << " a day\n";
  }
  out << "\n";
}

void summary(std::ostream& out, const ResultNode& report, const Style& st) {
  const ResultNode s = report.at("summary", "an object");
  constexpr long long kMax = 1000000000;
  long long errors = s.at("errors", "a count").integer(0, kMax);
  long long warnings = s.at("warnings", "a count").integer(0, kMax);
  long long info = s.at("info", "a count").integer(0, kMax);
  out << "Summary: " << errors << (errors == 1 ? " error, " : " errors, ") << warnings
      << (warnings == 1 ? " warning, " : " warnings, ") << info << " info: ";
  out << (errors > 0 ? st.paint("the DR configuration is not ready", "1;31")
                     : st.paint("no error", "32"))
      << "\n";
}

}  // namespace

std::string render_check_text(const json& doc, bool color, int width) {
  Style st{color};
  const ResultNode report(doc, "");
  std::ostringstream out;
  const ResultNode sc = report.at("scenario", "an object");
  out << st.bold("drsim check: " + str(sc, "name")) << " (" << str(sc, "file") << ")\n\n";
  std::vector<ResultNode> all = report.at("findings", "an array").elements("an array");
  for (const auto& f : all)
    if (!f.raw().is_object()) f.fail("a finding object");
  findings(out, all, st, width);
  questions(out, report, st, width);
  against(out, report, st, width);
  cost(out, report, st);
  summary(out, report, st);
  return out.str();
}

}  // namespace drsim::reports
