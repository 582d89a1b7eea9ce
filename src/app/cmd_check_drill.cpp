#include "app/cmd_check_drill.h"

#include <cstdio>
#include <memory>

#include "assets/drill_loader.h"
#include "motion/timeline.h"

namespace hiplab::app {

Command add_check_drill_command(CLI::App& app) {
  auto file = std::make_shared<std::string>();
  CLI::App* sub = app.add_subcommand("check-drill", "Validate a drill file (JSON; schema in docs/drills.md)");
  sub->add_option("FILE", *file, "Drill file to check")->required();
  auto run = [file]() -> int {
    auto d = load_drill_file(*file);
    if (!d) {
      std::fprintf(stderr, "error: %s\n", d.error().message.c_str());
      return 1;
    }
    auto t = motion::Timeline::build(d.value(), d->working_side);
    if (!t) {
      std::fprintf(stderr, "error: %s\n", t.error().message.c_str());
      return 1;
    }
    std::printf("%s: ok - \"%s\", %zu phases, %.1f s\n", file->c_str(), d->name.c_str(), d->phases.size(), t->duration());
    return 0;
  };
  return Command{sub, run};
}

}  // namespace hiplab::app
