#include "models/contract.hpp"

#include <algorithm>
#include <cmath>

#include "models/scenario.hpp"
#include "models/scenario_parse.hpp"

namespace drsim {
namespace {

using nlohmann::json;

constexpr double kDay = 86400;
constexpr double kGB = 1e9;

/// Money rounded to cents, so that result.json shows 106.56 and not 106.55999999.
double cents(double v) {
  return std::round(v * 100) / 100;
}

const SystemSpec* find_system(const Scenario& s, const std::string& name) {
  for (const auto& sys : s.production.systems)
    if (sys.name == name) return &sys;
  return nullptr;
}

const DrLparSpec* find_lpar(const Scenario& s, const std::string& name) {
  for (const auto& l : s.dr_site.lpars)
    if (l.name == name) return &l;
  return nullptr;
}

/// Virtual memory of the guests a guests-direct placement moves (empty list = all of the VM).
double moved_guest_bytes(const Scenario& s, const PlacementSpec& p) {
  double bytes = 0;
  for (const auto& g : s.production.guests) {
    if (g.vm != p.system) continue;
    if (p.guests.empty() || std::find(p.guests.begin(), p.guests.end(), g.name) != p.guests.end())
      bytes += g.virtual_bytes;
  }
  return bytes;
}

struct Quantities {
  double lpars = 0, engines = 0, memory_bytes = 0, xstor_bytes = 0;
};

void add_customer_lpars(const Scenario& s, Quantities& q) {
  for (const auto& l : s.dr_site.lpars) {
    if (l.vendor) continue;
    q.lpars += 1;
    q.engines += l.cps;
    q.memory_bytes += l.memory_bytes;
    q.xstor_bytes += l.xstor_bytes;
  }
}

void add_vendor_placements(const Scenario& s, Quantities& q) {
  for (const auto& p : s.dr_site.placements) {
    const DrLparSpec* l = find_lpar(s, p.lpar);
    if (l == nullptr || !l->vendor) continue;
    if (p.mode == PlacementMode::GuestsDirect) {
      q.memory_bytes += moved_guest_bytes(s, p);
    } else if (p.mode == PlacementMode::Guest) {
      const SystemSpec* sys = find_system(s, p.system);
      q.memory_bytes += p.memory_bytes.value_or(sys ? sys->memory_bytes : 0);
      q.xstor_bytes += p.xstor_bytes.value_or(0);
      q.engines += p.virtual_cpus.value_or(l->cps);
    }
  }
}

}  // namespace

int exercise_days(double start_week_s, double end_week_s) {
  if (end_week_s <= start_week_s) return 1;
  // the day of the last second of the window, so that an end at midnight does not count the
  // next day
  auto first = static_cast<long long>(std::floor(start_week_s / kDay));
  auto last = static_cast<long long>(std::floor(std::nextafter(end_week_s, start_week_s) / kDay));
  return static_cast<int>(last - first + 1);
}

std::vector<CostItem> priced_quantities(const Scenario& s, const ContractSpec& c) {
  Quantities q;
  add_customer_lpars(s, q);
  add_vendor_placements(s, q);
  return {{"lpar", q.lpars, c.lpar},
          {"cp", q.engines, c.cp},
          {"memory_gb", q.memory_bytes / kGB, c.memory_gb},
          {"xstor_gb", q.xstor_bytes / kGB, c.xstor_gb},
          {"tape_drive", static_cast<double>(s.dr_site.tape.drives), c.tape_drive}};
}

std::optional<CostBreakdown> exercise_cost(const Scenario& s) {
  if (!s.dr_site.contract) return std::nullopt;
  const ContractSpec& c = *s.dr_site.contract;
  CostBreakdown b;
  b.currency = c.currency;
  b.days = exercise_days(s.exercise.start_week_s, s.exercise.end_week_s);
  b.items = priced_quantities(s, c);
  for (const auto& i : b.items) b.resources_per_day += i.per_day();
  b.resources_per_day = cents(b.resources_per_day);
  b.test_day = c.test_day;
  b.test = cents(b.days * (b.resources_per_day + c.test_day));
  b.declared_per_day = cents(b.resources_per_day + c.declared_day);
  b.tests_per_year = c.tests_per_year;
  if (c.tests_per_year) b.per_year = cents(*c.tests_per_year * b.test);
  return b;
}

json cost_json(const CostBreakdown& c) {
  json items = json::array();
  for (const auto& i : c.items)
    items.push_back({{"item", i.item},
                     {"quantity", std::round(i.quantity * 1000) / 1000},
                     {"unit_price", i.unit_price},
                     {"per_day", cents(i.per_day())}});
  return {{"currency", c.currency},
          {"days", c.days},
          {"items", items},
          {"resources_per_day", c.resources_per_day},
          {"test_day_fee", c.test_day},
          {"test", c.test},
          {"declared_per_day", c.declared_per_day},
          {"tests_per_year", c.tests_per_year ? json(*c.tests_per_year) : json(nullptr)},
          {"per_year", c.per_year ? json(*c.per_year) : json(nullptr)}};
}

void parse_contract(const json& v, const std::string& ptr, Diagnostics& d, ContractSpec& out) {
  out.pointer = ptr;
  ObjectReader r(v, ptr, d,
                 {"currency", "lpar", "cp", "memory_gb", "xstor_gb", "tape_drive", "test_day",
                  "declared_day", "tests_per_year"});
  r.string("currency", out.currency, Need::Required);
  r.number("lpar", out.lpar, kNonNegative);
  r.number("cp", out.cp, kNonNegative);
  r.number("memory_gb", out.memory_gb, kNonNegative);
  r.number("xstor_gb", out.xstor_gb, kNonNegative);
  r.number("tape_drive", out.tape_drive, kNonNegative);
  r.number("test_day", out.test_day, kNonNegative);
  r.number("declared_day", out.declared_day, kNonNegative);
  r.integer("tests_per_year", out.tests_per_year, Bounds{1, 365});
}

}  // namespace drsim
