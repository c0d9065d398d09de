#include <array>
#include <string>
#include <type_traits>
#include <vector>

#include "models/scenario_parse.hpp"

namespace drsim {
namespace {

using nlohmann::json;

/// How a parameter is written: with a unit (parsed to base units) or as a plain number.
enum class Kind { Duration, Rate, Size, Number };

template <typename Group>
struct Field {
  const char* key;
  Kind kind;
  Bounds bounds;
  double Group::*member;
};

const Bounds kFraction{0, 1};
const Bounds kOpenFraction{0, 1, true};
const Bounds kMultiplier{1, 1000};

const std::vector<Field<TapeParams>>& tape_fields() {
  using T = TapeParams;
  static const std::vector<Field<T>> f{
      {"robot_mount", Kind::Duration, kNonNegative, &T::robot_mount_s},
      {"manual_mount", Kind::Duration, kNonNegative, &T::manual_mount_s},
      {"load_to_ready", Kind::Duration, kNonNegative, &T::load_to_ready_s},
      {"avg_locate", Kind::Duration, kNonNegative, &T::avg_locate_s},
      {"rewind_unload", Kind::Duration, kNonNegative, &T::rewind_unload_s},
      {"effective_fraction", Kind::Number, kOpenFraction, &T::effective_fraction},
      {"compression_ratio", Kind::Number, Bounds{1, 20}, &T::compression_ratio},
      {"channel", Kind::Rate, kPositive, &T::channel_Bps},
      {"dasd_write", Kind::Rate, kPositive, &T::dasd_write_Bps},
      {"dasd_subsystem", Kind::Rate, kPositive, &T::dasd_subsystem_Bps},
      {"job_overhead", Kind::Duration, kNonNegative, &T::job_overhead_s},
      {"vts_recall_penalty", Kind::Duration, kNonNegative, &T::vts_recall_penalty_s},
      {"ddr", Kind::Rate, kPositive, &T::ddr_Bps}};
  return f;
}

const std::vector<Field<IplParams>>& ipl_fields() {
  using T = IplParams;
  static const std::vector<Field<T>> f{
      {"zos_ipl_to_jes", Kind::Duration, kPositive, &T::zos_ipl_to_jes_s},
      {"zos_subsystems", Kind::Duration, kNonNegative, &T::zos_subsystems_s},
      {"zos_cpu_fraction", Kind::Number, kFraction, &T::zos_cpu_fraction},
      {"zvm_ipl", Kind::Duration, kPositive, &T::zvm_ipl_s},
      {"zvm_cpu_fraction", Kind::Number, kFraction, &T::zvm_cpu_fraction},
      {"xautolog_stagger", Kind::Duration, kNonNegative, &T::xautolog_stagger_s},
      {"linux_boot", Kind::Duration, kPositive, &T::linux_boot_s},
      {"linux_fsck_extra", Kind::Duration, kNonNegative, &T::linux_fsck_extra_s},
      {"linux_cpu_fraction", Kind::Number, kFraction, &T::linux_cpu_fraction},
      {"cms_logon", Kind::Duration, kPositive, &T::cms_logon_s},
      {"app_start", Kind::Duration, kNonNegative, &T::app_start_s},
      {"app_cpu_fraction", Kind::Number, kFraction, &T::app_cpu_fraction},
      {"reconfigure", Kind::Duration, kNonNegative, &T::reconfigure_s},
      {"fix_missing_userid", Kind::Duration, kNonNegative, &T::fix_missing_userid_s},
      {"problem_detection", Kind::Duration, kNonNegative, &T::problem_detection_s}};
  return f;
}

const std::vector<Field<PagingParams>>& paging_fields() {
  using T = PagingParams;
  static const std::vector<Field<T>> f{
      {"page", Kind::Size, Bounds{512, 1e6}, &T::page_bytes},
      {"pages_per_volume_per_s", Kind::Number, Bounds{1, 1e6}, &T::pages_per_volume_per_s},
      {"page_io", Kind::Duration, kPositive, &T::page_io_s},
      {"pages_per_block_io", Kind::Number, Bounds{1, 1000}, &T::pages_per_block_io},
      {"xstor_page", Kind::Duration, kPositive, &T::xstor_page_s},
      {"linux_ws_fraction", Kind::Number, kOpenFraction, &T::linux_ws_fraction},
      {"overload_pages_per_s", Kind::Number, kPositive, &T::overload_pages_per_s},
      {"overload_for", Kind::Duration, kNonNegative, &T::overload_for_s}};
  return f;
}

const std::vector<Field<CpuParams>>& cpu_fields() {
  using T = CpuParams;
  static const std::vector<Field<T>> f{
      {"sie_level3_linux", Kind::Number, kMultiplier, &T::sie_level3_linux},
      {"sie_level3_cms", Kind::Number, kMultiplier, &T::sie_level3_cms},
      {"sie_level3_zos", Kind::Number, kMultiplier, &T::sie_level3_zos},
      {"lpar_overhead_dedicated", Kind::Number, Bounds{0, 0.99}, &T::lpar_overhead_dedicated},
      {"lpar_overhead_shared", Kind::Number, Bounds{0, 0.99}, &T::lpar_overhead_shared},
      {"guest_overhead_level2", Kind::Number, Bounds{0, 0.99}, &T::guest_overhead_level2},
      {"saturation_busy", Kind::Number, kOpenFraction, &T::saturation_busy},
      {"saturation_for", Kind::Duration, kNonNegative, &T::saturation_for_s}};
  return f;
}

const std::vector<Field<DistributedParams>>& distributed_fields() {
  using T = DistributedParams;
  static const std::vector<Field<T>> f{{"teams", Kind::Number, Bounds{1, 1000}, &T::teams}};
  return f;
}

void read_field(ObjectReader& r, const char* key, Kind kind, Bounds b, double& out) {
  switch (kind) {
    case Kind::Duration:
      return r.unit(key, units::parse_duration, out, b);
    case Kind::Rate:
      return r.unit(key, units::parse_rate, out, b);
    case Kind::Size:
      return r.unit(key, units::parse_size, out, b);
    case Kind::Number:
      return r.number(key, out, b);
  }
}

/// Reads a 4-number curve array: strictly increasing (ratios) or non-increasing (factors).
void read_curve(ObjectReader& r, const char* key, double (&out)[4], bool increasing) {
  const json* v = r.child(key);
  if (v == nullptr) return;
  const char* expected =
      increasing ? "4 increasing numbers starting at 1, e.g. [1.0, 1.2, 1.5, 2.0]"
                 : "4 non-increasing numbers in (0, 1] starting at 1, e.g. [1.0, 0.45, 0.35, 0.25]";
  bool ok = v->is_array() && v->size() == 4;
  std::array<double, 4> vals{};
  for (size_t i = 0; ok && i < 4; ++i) {
    ok = (*v)[i].is_number();
    vals[i] = number_value((*v)[i]);
  }
  ok = ok && vals[0] == 1.0;
  for (size_t i = 1; ok && i < 4; ++i)
    ok = increasing ? vals[i] > vals[i - 1] : (vals[i] <= vals[i - 1] && vals[i] > 0);
  if (!ok) return r.diags().add(r.ptr(key), "is not a usable curve", expected);
  for (size_t i = 0; i < 4; ++i) out[i] = vals[i];
}

template <typename Group>
void parse_group(const json& v, const std::string& ptr, Diagnostics& d,
                 const std::vector<Field<Group>>& fields, Group& out) {
  constexpr bool curves = std::is_same_v<Group, PagingParams>;
  std::vector<std::string> keys;
  for (const auto& f : fields) keys.push_back(f.key);
  if (curves) keys.insert(keys.end(), {"curve_ratio", "curve_factor"});
  ObjectReader r(v, ptr, d, keys);
  for (const auto& f : fields) read_field(r, f.key, f.kind, f.bounds, out.*(f.member));
  if constexpr (curves) {
    read_curve(r, "curve_ratio", out.curve_ratio, true);
    read_curve(r, "curve_factor", out.curve_factor, false);
  }
}

}  // namespace

void parse_params(const json& v, const std::string& ptr, Diagnostics& d, ModelParams& out) {
  ObjectReader r(v, ptr, d, {"tape", "ipl", "paging", "cpu", "distributed", "uncertainty"});
  if (const json* g = r.child("tape")) parse_group(*g, r.ptr("tape"), d, tape_fields(), out.tape);
  if (const json* g = r.child("ipl")) parse_group(*g, r.ptr("ipl"), d, ipl_fields(), out.ipl);
  if (const json* g = r.child("paging"))
    parse_group(*g, r.ptr("paging"), d, paging_fields(), out.paging);
  if (const json* g = r.child("cpu")) parse_group(*g, r.ptr("cpu"), d, cpu_fields(), out.cpu);
  if (const json* g = r.child("distributed"))
    parse_group(*g, r.ptr("distributed"), d, distributed_fields(), out.distributed);
  if (const json* g = r.child("uncertainty"))
    parse_uncertainty(*g, r.ptr("uncertainty"), d, out.uncertainty);
}

}  // namespace drsim
