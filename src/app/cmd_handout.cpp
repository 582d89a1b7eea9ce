#include "app/cmd_handout.h"

#include <chrono>
#include <cstdio>
#include <memory>

#include "app/handout.h"
#include "app/headless.h"
#include "app/paths.h"
#include "assets/ambient_occlusion.h"
#include "assets/model_loader.h"
#include "assets/model_lod.h"
#include "core/atomic_file.h"

namespace hiplab::app {

Command add_handout_command(CLI::App& app) {
  auto o = std::make_shared<HandoutOptions>();
  CLI::App* sub = app.add_subcommand("handout", "Make a printable exercise handout (PDF): a cover and one page per drill, with pictures, steps and dosage");
  sub->add_option("--drills", o->drills, "Drills in order, comma-separated: ids, names or files (see hiplab drills)")->required();
  sub->add_option("--side", o->side, "Working side: left or right (the drills mirrored; default right)");
  sub->add_option("--patient", o->patient, "The patient's name, on the cover and every page");
  sub->add_option("--therapist", o->therapist, "The therapist's name, on the cover");
  sub->add_option("--clinic", o->clinic, "The clinic's name and address, on the cover");
  sub->add_option("--logo", o->logo, "A PNG logo, top right of the cover");
  sub->add_option("--notes", o->notes, "Notes for the patient, on the cover");
  sub->add_option("--dosage", o->dosage, "The patient's dosage: DRILL=SETSxREPS[xHOLDs],... e.g. clamshell=3x10 (default: the drill file's)");
  sub->add_option("--paper", o->paper, "a4 or letter (default a4)");
  sub->add_option("--date", o->date, "The date printed on the cover (default today)");
  sub->add_option("--picture-size", o->picture_size, "Size of each picture in pixels, WxH (default 800x600)");
  sub->add_option("--page", o->page, "With --out FILE.png: that page (1 = the cover) as a picture at 100 dpi, e.g. for a preview");
  sub->add_option("--out", o->out, "Output file (.pdf, or .png with --page); written under a temporary name, renamed when complete")->required();

  auto run = [o]() -> int {
    const auto start = std::chrono::steady_clock::now();
    auto plan = plan_handout(*o);
    if (!plan) {
      std::fprintf(stderr, "error: %s\n", plan.error().message.c_str());
      return 2;
    }
    auto model = load_prepared_body();
    if (!model) {
      std::fprintf(stderr, "error: %s\n", model.error().message.c_str());
      return 1;
    }
    auto session = HeadlessSession::create();
    if (!session) {
      std::fprintf(stderr, "error: %s\n", session.error().message.c_str());
      return 1;
    }
    auto doc = make_handout(plan.value(), *session.value(), model.value());
    if (!doc) {
      std::fprintf(stderr, "error: %s\n", doc.error().message.c_str());
      return 1;
    }
    if (o->out.size() >= 4 && (o->out.ends_with(".png") || o->out.ends_with(".PNG"))) {
      const int page = o->page == 0 ? 1 : o->page;
      if (page > static_cast<int>(doc->pages.size()) + 1) {
        std::fprintf(stderr, "error: --page %d: expected 1 (the cover) to %zu\n", page, doc->pages.size() + 1);
        return 2;
      }
      auto png = media::handout_page_png(doc.value(), page, 100.0);
      if (!png) {
        std::fprintf(stderr, "error: %s\n", png.error().message.c_str());
        return 1;
      }
      if (Status s = write_file_atomic(plan->out, png.value()); !s) {
        std::fprintf(stderr, "error: %s\n", s.error().message.c_str());
        return 1;
      }
      std::fprintf(stderr, "handout: page %d of %zu as a picture\n", page, doc->pages.size() + 1);
      std::printf("%s\n", plan->out.c_str());
      return 0;
    }
    auto pdf = media::handout_pdf(doc.value());
    if (!pdf) {
      std::fprintf(stderr, "error: %s\n", pdf.error().message.c_str());
      return 1;
    }
    if (Status s = write_file_atomic(plan->out, pdf.value()); !s) {
      std::fprintf(stderr, "error: %s\n", s.error().message.c_str());
      return 1;
    }
    const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::fprintf(stderr, "handout: %zu pages (%s), %.0f KB in %.1f s\n", doc->pages.size() + 1,
                 plan->doc.paper == media::Paper::kLetter ? "US Letter" : "A4", static_cast<double>(pdf->size()) / 1024.0, secs);
    std::printf("%s\n", plan->out.c_str());
    return 0;
  };
  return Command{sub, run};
}

}  // namespace hiplab::app
