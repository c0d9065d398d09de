#pragma once
/// \file contract.hpp
/// The DR contract as data (`dr_site.contract`) and the pure cost model that prices one
/// exercise with it. The fee structure follows DOMAIN-ROUND2.md section C (C1: subscription,
/// declaration fee, daily usage fee and test fees; C2: what is counted: engines, memory,
/// dedicated vs shared equipment). No price list is public (C10): a scenario states its own
/// prices, and without a contract there is no cost at all (never a cost of zero).

#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <vector>

namespace drsim {

struct Scenario;

/// What the DR vendor charges. Resource prices are per day of use during an exercise (C1's
/// daily usage fee); `test_day` and `declared_day` are the fixed fees per test day and per day
/// of a declared disaster (C1's test and declaration fees).
struct ContractSpec {
  std::string currency;               ///< "USD", "EUR" (shown as given)
  double lpar = 0;                    ///< per customer LPAR (own LPAR on the vendor's machine)
  double cp = 0;                      ///< per logical engine (CP or IFL) of a customer LPAR
  double memory_gb = 0;               ///< per GB (1e9 bytes) of memory given to the customer
  double xstor_gb = 0;                ///< per GB of expanded storage
  double tape_drive = 0;              ///< per tape drive of the DR site
  double test_day = 0;                ///< fixed fee per day of a test
  double declared_day = 0;            ///< fixed fee per day of a declared disaster
  std::optional<int> tests_per_year;  ///< C7: 1 (1-2); gives cost per year when set
  std::string pointer;
};

/// One priced quantity: "cp", 8 engines at 200 a day.
struct CostItem {
  std::string item;
  double quantity = 0;
  double unit_price = 0;  ///< per day
  double per_day() const { return quantity * unit_price; }
};

/// The price of one exercise under a contract.
struct CostBreakdown {
  std::string currency;
  int days = 0;  ///< calendar days the exercise window touches (Mon 08:00-Thu 18:00: 4)
  std::vector<CostItem> items;
  double resources_per_day = 0;
  double test_day = 0;
  double test = 0;              ///< days x (resources per day + test day fee)
  double declared_per_day = 0;  ///< resources per day + declared day fee
  std::optional<int> tests_per_year;
  std::optional<double> per_year;  ///< tests_per_year x test
};

/// Calendar days touched by [start, end) in seconds since Monday 00:00 (at least 1).
int exercise_days(double start_week_s, double end_week_s);

/// The quantities the contract prices for this scenario's DR site: customer LPARs with their
/// engines, memory and xstor; systems placed as guests of the vendor's VM with the storage
/// and virtual CPs the placement gives them; guests run directly under the vendor's VM with
/// their virtual memory (their engines are the vendor's shared ones: not priced, C8); drives.
std::vector<CostItem> priced_quantities(const Scenario& s, const ContractSpec& c);

/// The cost of the scenario's exercise; nullopt when the scenario has no contract.
std::optional<CostBreakdown> exercise_cost(const Scenario& s);

/// The `cost` object of result.json and of `drsim check --format json` (docs/contract.md).
nlohmann::json cost_json(const CostBreakdown& c);

}  // namespace drsim
