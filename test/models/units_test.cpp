#include "models/units.hpp"

#include <catch2/catch.hpp>

using namespace drsim::units;

TEST_CASE("sizes carry units, bare numbers are refused except 0", "[units]") {
  CHECK(*parse_size("8GB").value == Approx(8e9));
  CHECK(*parse_size("3.5 GB").value == Approx(3.5e9));
  CHECK(*parse_size("2GiB").value == Approx(2.0 * 1024 * 1024 * 1024));
  CHECK(*parse_size("512MB").value == Approx(512e6));
  CHECK(*parse_size("0").value == 0);
  CHECK_FALSE(parse_size("8").value);
  CHECK_FALSE(parse_size("8XB").value);
  CHECK_FALSE(parse_size("-8GB").value);
  CHECK_FALSE(parse_size("1e12GB").value);
  CHECK_FALSE(parse_size("").value);
  CHECK(parse_size("8").expected.find("8GB") != std::string::npos);
}

TEST_CASE("rates", "[units]") {
  CHECK(*parse_rate("100MBps").value == Approx(100e6));
  CHECK(*parse_rate("14MB/s").value == Approx(14e6));
  CHECK_FALSE(parse_rate("100MB").value);
  CHECK_FALSE(parse_rate("100").value);
}

TEST_CASE("durations", "[units]") {
  CHECK(*parse_duration("90s").value == 90);
  CHECK(*parse_duration("4min").value == 240);
  CHECK(*parse_duration("2h").value == 7200);
  CHECK(*parse_duration("1h30m").value == 5400);
  CHECK(*parse_duration("1d").value == 86400);
  CHECK(*parse_duration("250ms").value == Approx(0.25));
  CHECK(*parse_duration("0").value == 0);
  CHECK_FALSE(parse_duration("30").value);
  CHECK_FALSE(parse_duration("4 fortnights").value);
  CHECK_FALSE(parse_duration("h").value);
}

TEST_CASE("week times and labels", "[units]") {
  CHECK(*parse_week_time("Mon 08:00").value == 8 * 3600);
  CHECK(*parse_week_time("thu 18:30").value == 3 * 86400 + 18.5 * 3600);
  CHECK_FALSE(parse_week_time("Mon 25:00").value);
  CHECK_FALSE(parse_week_time("Monday").value);
  CHECK(*parse_time_of_day("08:00").value == 8 * 3600);
  CHECK(format_week_time(8 * 3600) == "Mon 08:00");
  CHECK(format_week_time(8 * 3600 + 5 * 3600 + 40 * 60 + 59) == "Mon 13:40");
  CHECK(format_week_time(86400 + 9 * 3600 + 5 * 60) == "Tue 09:05");
  CHECK(format_duration(3 * 3600 + 600) == "3h10m");
  CHECK(format_duration(0) == "0m");
  CHECK(format_duration(-1800) == "-30m");
  CHECK(format_duration(86400 + 4 * 3600) == "1d4h");
}
