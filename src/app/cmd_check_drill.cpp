#include "app/cmd_check_drill.h"

#include <cstdio>
#include <memory>

#include "assets/drill_loader.h"
#include "motion/timeline.h"

namespace hiplab::app {

Command add_check_drill_command(CLI::App& app) {
  struct Opts {
    std::string file;
    bool upgrade = false;
  };
  auto o = std::make_shared<Opts>();
  CLI::App* sub = app.add_subcommand("check-drill", "Validate a drill file (JSON; schema in docs/drills.md)");
  sub->add_option("FILE", o->file, "Drill file to check")->required();
  sub->add_flag("--upgrade", o->upgrade,
                "Rewrite a hiplab-drill/1 file as hiplab-drill/2 (atomically; the old file is kept as FILE.v1.bak)");
  auto run = [o]() -> int {
    if (o->upgrade) {
      auto backup = upgrade_drill_file(o->file);
      if (!backup) {
        std::fprintf(stderr, "error: %s\n", backup.error().message.c_str());
        return 1;
      }
      std::printf("%s: upgraded to hiplab-drill/2; the version-1 file is kept as %s\n", o->file.c_str(),
                  backup.value().c_str());
    }
    auto d = load_drill_file(o->file);
    if (!d) {
      std::fprintf(stderr, "error: %s\n", d.error().message.c_str());
      return 1;
    }
    if (d->format_version == 1) std::fprintf(stderr, "note: %s\n", upgrade_notice(o->file).c_str());
    auto t = motion::Timeline::build(d.value(), d->working_side);
    if (!t) {
      std::fprintf(stderr, "error: %s\n", t.error().message.c_str());
      return 1;
    }
    std::printf("%s: ok - \"%s\", %zu phases, %.1f s\n", o->file.c_str(), d->name.c_str(), d->phases.size(), t->duration());
    return 0;
  };
  return Command{sub, run};
}

}  // namespace hiplab::app
