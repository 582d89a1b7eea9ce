#include "app/cmd_drills.h"

#include <cstdio>
#include <memory>

#include <nlohmann/json.hpp>

#include "app/cmd_drill_moment.h"
#include "motion/posture_frames.h"
#include "motion/timeline.h"

namespace hiplab::app {

Command add_drills_command(CLI::App& app) {
  auto json_out = std::make_shared<bool>(false);
  CLI::App* sub = app.add_subcommand("drills", "List the built-in drills and your own (" + user_drill_dir() + ")");
  sub->add_flag("--json", *json_out, "Print as JSON");
  auto run = [json_out]() -> int {
    const KnownDrills known = load_known_drills();
    for (const std::string& e : known.errors) std::fprintf(stderr, "error: %s\n", e.c_str());
    for (const std::string& n : known.notices) std::fprintf(stderr, "note: %s\n", n.c_str());
    if (*json_out) {
      nlohmann::json list = nlohmann::json::array();
      for (const KnownDrill& k : known.drills) {
        auto t = motion::Timeline::build(k.drill, k.drill.working_side);
        nlohmann::json phases = nlohmann::json::array();
        for (const motion::Phase& p : k.drill.phases) phases.push_back(p.name);
        list.push_back({{"id", k.drill.id},
                        {"name", k.drill.name},
                        {"kind", k.drill.kind},
                        {"posture", std::string(motion::posture_label(k.drill.posture))},
                        {"summary", k.drill.summary},
                        {"dosage", k.drill.dosage.text},
                        {"duration_s", t ? t->duration() : 0.0},
                        {"phases", phases},
                        {"source", k.user ? "user" : "built-in"},
                        {"file", k.file}});
      }
      nlohmann::json j = {{"drills", list}, {"errors", known.errors}, {"user_folder", user_drill_dir()}};
      std::printf("%s\n", j.dump(2).c_str());
    } else {
      for (const KnownDrill& k : known.drills)
        std::printf("%-34s %-9s %-14s %s%s\n", k.drill.id.c_str(), k.drill.kind.c_str(),
                    std::string(motion::posture_label(k.drill.posture)).c_str(), k.drill.name.c_str(),
                    k.user ? "  (user)" : "");
      std::printf("user drills: %s\n", user_drill_dir().c_str());
    }
    return known.errors.empty() ? 0 : 1;
  };
  return Command{sub, run};
}

}  // namespace hiplab::app
