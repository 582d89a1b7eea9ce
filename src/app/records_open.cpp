#include "app/records_open.h"

#include <fstream>
#include <sstream>

#include "app/paths.h"
#include "assets/settings.h"

namespace hiplab::app {

std::string default_records_path() { return data_dir() + "/records.sqlite"; }

Result<records::RecordsLocation> records_location(const std::string& cli_spec) {
  if (!cli_spec.empty()) return records::parse_records_location(cli_spec, "--records", default_records_path());
  const std::string settings_path = config_dir() + "/settings.json";
  // Only read: a corrupt settings file is the window's to set aside, not a records command's.
  std::ifstream in(settings_path, std::ios::binary);
  std::stringstream text;
  if (in) text << in.rdbuf();
  const SettingsLoad loaded = in ? parse_settings(text.str(), settings_path) : SettingsLoad{};
  return records::parse_records_location(loaded.settings.records, settings_path + ": records", default_records_path());
}

Result<std::unique_ptr<records::Store>> open_records(const records::RecordsLocation& where) {
  return records::open_store(where, data_dir() + "/photos");
}

}  // namespace hiplab::app
