// The IOCP input reader (IBM Input/Output Configuration Program User's Guide, "Coding IOCP
// statements"): statements in columns 1-71 with an optional label in column 1; a non-blank
// column 72 continues the statement, and a continuation line starts in column 16 with columns
// 1-15 blank; an asterisk in column 1 starts a comment line; columns 73-80 are sequence
// numbers. Statements: "ID", "RESOURCE", "CHPID", "CNTLUNIT", "IODEVICE" (FUNCTION and UUID
// are read and not used).

#include "models/import_iocp.hpp"

#include <algorithm>
#include <cctype>
#include <map>

#include "models/import_iocp_value.hpp"

namespace drsim::import {
namespace {

struct Card {
  Pos pos;
  std::string text;  ///< columns 1-71 of the statement and its continuations, joined
};

bool blank_prefix(const std::string& l, size_t n) {
  if (l.size() < n) return false;
  return std::all_of(l.begin(), l.begin() + static_cast<long>(n), [](char c) { return c == ' '; });
}

std::string rtrim(std::string s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.pop_back();
  return s;
}

std::vector<Card> cards(const SourceText& src, Messages& msgs) {
  std::vector<Card> out;
  std::optional<Card> open;
  auto lines = split_lines(src.text);
  for (size_t i = 0; i < lines.size(); ++i) {
    const std::string& l = lines[i];
    Pos p{src.path, static_cast<int>(i + 1)};
    if (!open && (l.empty() || l[0] == '*' || l.rfind(".*", 0) == 0 || words(l).empty())) continue;
    std::string body = rtrim(l.substr(0, std::min<size_t>(l.size(), 71)));
    bool cont = l.size() >= 72 && l[71] != ' ';
    if (open) {
      if (!blank_prefix(l, 15) || l.size() < 16 || l[15] == ' ') {
        msgs.error(p,
                   "bad continuation: the line after a statement continued in column 72 " +
                       std::string("does not start in column 16"),
                   "a continuation line with columns 1-15 blank and the operands from column 16");
        open.reset();
        if (cont) continue;
        continue;
      }
      open->text += body.substr(15);
    } else {
      open = Card{p, body};
    }
    if (cont) continue;
    out.push_back(*open);
    open.reset();
  }
  if (open)
    msgs.error(open->pos, "bad continuation: column 72 continues the statement but the file ends",
               "a continuation line starting in column 16");
  return out;
}

bool is_op(const std::string& w) {
  static const char* ops[] = {"ID",       "RESOURCE", "CHPID", "CNTLUNIT",
                              "IODEVICE", "FUNCTION", "UUID"};
  return std::any_of(std::begin(ops), std::end(ops), [&](const char* o) { return upper(w) == o; });
}

/// Operation and operand field of a card ("" when the card is only a label).
std::pair<std::string, std::string> split_card(const std::string& text) {
  size_t i = 0;
  auto word = [&]() {
    while (i < text.size() && text[i] == ' ') ++i;
    size_t j = i;
    bool q = false;
    while (j < text.size() && (q || text[j] != ' ')) {
      if (text[j] == '\'') q = !q;
      ++j;
    }
    std::string w = text.substr(i, j - i);
    i = j;
    return w;
  };
  std::string first = word();
  std::string op = (text[0] != ' ' && !is_op(first)) ? word() : first;
  return {upper(op), word()};
}

bool valid_name(const std::string& n) {
  return !n.empty() && n.size() <= 8 && std::isalpha(static_cast<unsigned char>(n[0])) &&
         std::all_of(n.begin(), n.end(), [](char c) {
           return std::isalnum(static_cast<unsigned char>(c)) || c == '$' || c == '#' || c == '@';
         });
}

int css_of(const std::string& marker) {  // "CSS(0)" or "CSS(0,1)"
  return std::atoi(marker.c_str() + 4);
}

const IocpOperand* find_op(const std::vector<IocpOperand>& ops,
                           std::initializer_list<const char*> keys) {
  for (const auto& o : ops)
    for (const char* k : keys)
      if (o.keyword == k) return &o;
  return nullptr;
}

void resource_walk(const IocpValue& v, int css, const Pos& pos, Iocp& io, Messages& msgs) {
  for (const auto& item : v.items) {
    if (item.atom == "CSS" && item.list) {
      css = item.items.empty() ? 0 : std::atoi(item.items[0].atom.c_str());
    } else if (!item.list && !item.atom.empty()) {
      if (!valid_name(item.atom)) {
        msgs.error(pos, "RESOURCE: partition name '" + item.atom + "' is not valid",
                   "1-8 letters and digits starting with a letter");
        continue;
      }
      io.partitions.push_back({pos, item.atom, css});
    } else if (item.list && item.atom.empty() && item.items.size() == 2 && !item.items[0].list &&
               !item.items[1].list && item.items[1].atom.size() == 1 &&
               parse_hex(item.items[1].atom)) {
      if (!valid_name(item.items[0].atom))
        msgs.error(pos, "RESOURCE: partition name '" + item.items[0].atom + "' is not valid",
                   "1-8 letters and digits starting with a letter");
      else
        io.partitions.push_back({pos, item.items[0].atom, css});
    } else if (item.list) {
      resource_walk(item, css, pos, io, msgs);
    }
  }
}

/// The access list of a PARTITION= value: the first list of names (after a CSS(n) marker).
std::vector<std::string> access_list(const IocpValue& v) {
  bool names_only =
      std::all_of(v.items.begin(), v.items.end(), [](const IocpValue& x) { return !x.list; });
  if (names_only) {
    std::vector<std::string> out;
    for (const auto& x : v.items)
      if (x.atom != "=" && x.atom != "0") out.push_back(x.atom);
    return out;
  }
  for (const auto& x : v.items) {
    if (x.atom == "CSS" || !x.list) continue;
    bool has_css = !x.items.empty() && x.items[0].atom == "CSS";
    if (has_css) return access_list(x);
    return access_list(x);
  }
  return {};
}

void chpid(const Card& c, const std::vector<IocpOperand>& ops, Iocp& io, Messages& msgs) {
  IocpChpid ch;
  ch.pos = c.pos;
  const IocpOperand* path = find_op(ops, {"PATH"});
  std::optional<unsigned> id;
  if (path)
    for (const auto& a : flatten(path->value)) {
      if (a.rfind("CSS(", 0) == 0)
        ch.css = css_of(a);
      else
        id = parse_hex(a, 2);
    }
  if (!id) {
    msgs.error(c.pos, "CHPID without a valid PATH=",
               "PATH=(CSS(n),xx) or PATH=xx with a 2-hex-digit channel path id");
    return;
  }
  ch.id = *id;
  const IocpOperand* type = find_op(ops, {"TYPE"});
  if (!type || type->value.atom.empty()) {
    msgs.error(c.pos, "CHPID " + hex2(ch.id) + " without TYPE=", "TYPE=IQD, TYPE=OSD, TYPE=FC ...");
    return;
  }
  ch.type = type->value.atom;
  bool shared = std::any_of(ops.begin(), ops.end(), [](const IocpOperand& o) {
    return o.keyword.empty() && o.value.atom == "SHARED";
  });
  if (const IocpOperand* part = find_op(ops, {"PARTITION", "PART"})) {
    ch.partitions = access_list(part->value);
  } else if (const IocpOperand* notpart = find_op(ops, {"NOTPART"})) {
    auto ex = access_list(notpart->value);
    for (const auto& p : io.partitions)
      if (p.css == ch.css && std::find(ex.begin(), ex.end(), p.name) == ex.end())
        ch.partitions.push_back(p.name);
  } else if (shared) {
    for (const auto& p : io.partitions)
      if (p.css == ch.css) ch.partitions.push_back(p.name);
  }
  for (const auto& n : ch.partitions)
    if (!io.has_partition(n))
      msgs.error(c.pos, "CHPID " + hex2(ch.id) + ": partition " + n + " is not in RESOURCE",
                 "partitions named on the RESOURCE statement");
  io.chpids.push_back(ch);
}

void cntlunit(const Card& c, const std::vector<IocpOperand>& ops, Iocp& io, Messages& msgs) {
  IocpControlUnit cu;
  cu.pos = c.pos;
  const IocpOperand* num = find_op(ops, {"CUNUMBR"});
  auto n = num ? parse_hex(num->value.atom) : std::nullopt;
  if (!n) {
    msgs.error(c.pos, "CNTLUNIT without a valid CUNUMBR=", "CUNUMBR=number of 1-4 hex digits");
    return;
  }
  cu.number = *n;
  int css = 0;
  if (const IocpOperand* path = find_op(ops, {"PATH"}))
    for (const auto& a : flatten(path->value)) {
      if (a.rfind("CSS(", 0) == 0) {
        css = css_of(a);
      } else if (auto id = parse_hex(a, 2)) {
        cu.paths.push_back({css, *id});
      } else {
        msgs.error(c.pos, "CNTLUNIT " + hex4(cu.number) + ": PATH '" + a + "' is not a CHPID",
                   "PATH=((CSS(n),xx,...)) with 2-hex-digit channel path ids");
      }
    }
  if (const IocpOperand* unit = find_op(ops, {"UNIT"})) cu.unit = unit->value.atom;
  io.control_units.push_back(cu);
}

void iodevice(const Card& c, const std::vector<IocpOperand>& ops, Iocp& io, Messages& msgs) {
  const std::string form =
      "ADDRESS=(number,count): a device number of 1-4 hex digits and a count 1-256 that stays "
      "within FFFF";
  IocpDevice d;
  d.pos = c.pos;
  const IocpOperand* addr = find_op(ops, {"ADDRESS"});
  auto a = addr ? flatten(addr->value) : std::vector<std::string>{};
  std::optional<unsigned> first;
  if (!a.empty()) first = parse_hex(a[0]);
  unsigned first_v = first.value_or(0);
  bool count_ok = a.size() < 2 || (!a[1].empty() && a[1].size() <= 3 &&
                                   std::all_of(a[1].begin(), a[1].end(), [](char ch) {
                                     return std::isdigit(static_cast<unsigned char>(ch));
                                   }));
  unsigned count = a.size() >= 2 && count_ok ? static_cast<unsigned>(std::stoul(a[1])) : 1;
  if (!addr || !first || a.size() > 2 || !count_ok || count < 1 || count > 256 ||
      first_v + count - 1 > 0xFFFF) {
    msgs.error(c.pos, "bad device range ADDRESS=" + (a.empty() ? std::string("(none)") : [&] {
      std::string s;
      for (const auto& x : a) s += (s.empty() ? "" : ",") + x;
      return "(" + s + ")";
    }()), form);
    return;
  }
  d.first = first_v;
  d.count = count;
  if (const IocpOperand* cus = find_op(ops, {"CUNUMBR"}))
    for (const auto& x : flatten(cus->value))
      if (auto n = parse_hex(x)) d.control_units.push_back(*n);
  if (d.control_units.empty()) {
    msgs.error(c.pos, "IODEVICE " + hex4(d.first) + " without CUNUMBR=",
               "CUNUMBR=(number,...) naming its control units");
    return;
  }
  if (const IocpOperand* unit = find_op(ops, {"UNIT"})) d.unit = unit->value.atom;
  auto names = [](const IocpValue& v) {
    std::vector<std::string> out;
    for (const auto& x : flatten(v))
      if (x.rfind("CSS(", 0) != 0 && x != "=" && x != "0") out.push_back(x);
    return out;
  };
  if (const IocpOperand* p = find_op(ops, {"PARTITION", "PART"})) d.partitions = names(p->value);
  if (const IocpOperand* p = find_op(ops, {"NOTPART"})) d.notpart = names(p->value);
  io.devices.push_back(d);
}

void statement(const Card& c, Iocp& io, Messages& msgs) {
  auto [op, field] = split_card(c.text);
  if (!is_op(op)) {
    msgs.error(c.pos, "unknown IOCP statement '" + op + "'",
               "ID, RESOURCE, CHPID, CNTLUNIT, IODEVICE, FUNCTION or UUID");
    return;
  }
  auto ops = parse_operands(field);
  if (!ops) {
    msgs.error(c.pos, op + ": operands '" + field + "' do not balance",
               "KEYWORD=value operands separated by commas, with matching parentheses and quotes");
    return;
  }
  if (op == "ID") {
    io.id_pos = c.pos;
    if (const IocpOperand* s = find_op(*ops, {"SYSTEM"}))
      io.machine_type = flatten(s->value).empty() ? "" : flatten(s->value)[0];
    if (io.machine_type.empty()) io.other.push_back({c.pos, "ID without SYSTEM=(type,...)"});
  } else if (op == "RESOURCE") {
    const IocpOperand* p = find_op(*ops, {"PARTITION", "PART"});
    if (!p) {
      msgs.error(c.pos,
                 "RESOURCE without PARTITION=", "RESOURCE PARTITION=((CSS(0),(name,id),...))");
      return;
    }
    IocpValue top;
    top.list = true;
    top.items.push_back(p->value);
    resource_walk(top, 0, c.pos, io, msgs);
  } else if (op == "CHPID") {
    chpid(c, *ops, io, msgs);
  } else if (op == "CNTLUNIT") {
    cntlunit(c, *ops, io, msgs);
  } else if (op == "IODEVICE") {
    iodevice(c, *ops, io, msgs);
  } else {
    io.other.push_back({c.pos, op + " (PCIe functions and UUIDs are not modelled)"});
  }
}

}  // namespace

const IocpChpid* Iocp::chpid(unsigned id) const {
  for (const auto& c : chpids)
    if (c.id == id) return &c;
  return nullptr;
}

const IocpDevice* Iocp::device(unsigned number) const {
  for (const auto& d : devices)
    if (number >= d.first && number < d.first + d.count) return &d;
  return nullptr;
}

bool Iocp::has_partition(const std::string& name) const {
  return std::any_of(partitions.begin(), partitions.end(),
                     [&](const IocpPartition& p) { return p.name == name; });
}

std::vector<const IocpChpid*> Iocp::reaching(unsigned number, const std::string& part) const {
  std::vector<const IocpChpid*> out;
  const IocpDevice* d = device(number);
  if (d == nullptr) return out;
  auto in = [&](const std::vector<std::string>& v) {
    return std::find(v.begin(), v.end(), part) != v.end();
  };
  if (!part.empty() && ((!d->partitions.empty() && !in(d->partitions)) || in(d->notpart)))
    return out;
  for (unsigned cun : d->control_units)
    for (const auto& cu : control_units)
      if (cu.number == cun)
        for (const auto& [css, id] : cu.paths)
          for (const auto& ch : chpids)
            if (ch.id == id && ch.css == css && (part.empty() || in(ch.partitions)) &&
                std::find(out.begin(), out.end(), &ch) == out.end())
              out.push_back(&ch);
  return out;
}

std::optional<unsigned> Iocp::first_device_of(unsigned id) const {
  std::optional<unsigned> best;
  for (const auto& d : devices)
    for (unsigned cun : d.control_units)
      for (const auto& cu : control_units)
        if (cu.number == cun)
          for (const auto& pth : cu.paths)
            if (pth.second == id && (!best || d.first < *best)) best = d.first;
  return best;
}

Iocp parse_iocp(const SourceText& src, Messages& msgs) {
  Iocp io;
  io.path = src.path;
  for (const auto& c : cards(src, msgs)) statement(c, io, msgs);
  return io;
}

std::string machine_model(const std::string& type) {
  static const std::map<std::string, std::string> m = {
      {"2064", "z900"},  {"2066", "z800"},  {"2084", "z990"},   {"2086", "z890"},
      {"2094", "z9 EC"}, {"2096", "z9 BC"}, {"2097", "z10 EC"}, {"2098", "z10 BC"},
      {"2817", "z196"},  {"2818", "z114"},  {"2827", "zEC12"},  {"2828", "zBC12"},
      {"2964", "z13"},   {"2965", "z13s"},  {"3906", "z14"},    {"8561", "z15"},
      {"3931", "z16"}};
  auto it = m.find(type);
  return it == m.end() ? "" : it->second;
}

}  // namespace drsim::import
