#include "app/cmd_render.h"

#include <algorithm>
#include <chrono>
#include <algorithm>
#include <cstdio>
#include <future>
#include <memory>
#include <optional>

#include "app/cli_values.h"
#include "app/headless.h"
#include "app/paths.h"
#include "anatomy/muscle_data.h"
#include "anatomy/rom_norms.h"
#include "app/cmd_drill_moment.h"
#include "scene/body_pose.h"
#include "session/view_state.h"
#include "app/import_sandbox.h"
#include "assets/model_loader.h"
#include "app/scene_options.h"
#include "app/video_export.h"
#include "scene/captions.h"

namespace hiplab::app {

Command add_render_command(CLI::App& app) {
  struct Opts {
    std::string model, view, size = "1280x720", out;
    int msaa = 4;
    bool transparent = false;
    bool mirror = false;
    std::string skin = "faint";
    std::string contacts = "off";
    bool key_moment = false;
    bool timings = false;
    std::string names = "on";
    std::string props = "on";
    std::string overlay = "off";
    std::string age_group = "adult";
    std::string framing = "pose";
    std::string captions = "off";
    std::string drill, phase, side = "right", pose, highlight, select, peel = "0";
    std::optional<double> time_s;
  };
  auto o = std::make_shared<Opts>();
  CLI::App* sub = app.add_subcommand("render", "Render a view headless (no display needed) to a PNG");
  sub->add_option("--model", o->model, "Model file (glTF/GLB, FBX, COLLADA); default: the HipLab body");
  sub->add_option("--view", o->view,
                  "front, back, left, right (or side), top; or drill / drill:N, the drill's own views (default with a "
                  "drill that names views: its first; else front); or therapist, the drill's therapist's view (the whole person)");
  sub->add_option("--size", o->size, "Image size WxH, up to 8192x8192");
  sub->add_option("--msaa", o->msaa, "Multisample anti-aliasing samples (1 = off, up to the driver's limit)");
  sub->add_flag("--transparent", o->transparent, "Transparent background (no floor)");
  sub->add_option("--contacts", o->contacts, "on | off: the contact forces of the effort solve as arrows (body model)");
  sub->add_option("--props", o->props, "on | off: the drill's mat, bench, band or cable (default on)");
  sub->add_option("--names", o->names, "on | off: name the muscles that matter now (most working or stretched) with leader lines (default on)");
  sub->add_option("--skin", o->skin, "faint | outline | off: the body surface (body model)");
  sub->add_flag("--timings", o->timings,
                "Print where the time went: start to the picture drawn (model read and prepared beside the GL context), and the PNG written");
  sub->add_flag("--mirror", o->mirror, "Mirror view: left and right swapped, as a patient following along sees it");
  sub->add_option("--overlay", o->overlay, "on | off: the joint-limit overlay at both hips (body model)");
  sub->add_option("--age-group", o->age_group, "Normal range shown by the overlay: teen, adult, older, "
                                               "kouyoumdjian_supine, kouyoumdjian_prone, kouyoumdjian_seated, aaos_1965, roach_miles_1991");
  sub->add_option("--drill", o->drill, "A drill by id, name or file (see hiplab drills); body model only");
  sub->add_option("--time", o->time_s, "Seconds into the drill");
  sub->add_option("--phase", o->phase, "... or the middle of this phase");
  sub->add_flag("--key-moment", o->key_moment, "... or the drill's key moment: when the muscles it highlights work or stretch most (computed)");
  sub->add_option("--side", o->side, "Working side: left or right (the drill mirrored)");
  sub->add_option("--pose", o->pose, "DOF=DEG,... on top of the drill's pose (e.g. hip_rotation_r=30,knee_r=90)");
  sub->add_option("--highlight", o->highlight, "working | stretched | none (default: the drill's own, else working with a drill, else none)");
  sub->add_option("--select", o->select, "Label a muscle (e.g. glut_med1_r) or a bone (e.g. femur_r, sacrum)");
  sub->add_option("--peel", o->peel,
                  "Muscle layers taken away from the outside in: 0 none, 1 the superficial layer, 2 superficial and "
                  "intermediate; or a preset: deep-rotators (seen from behind), hip-flexors (from the front) (body model)");
  sub->add_option("--framing", o->framing,
                  "pose | drill: frame this pose (default), or the drill's whole motion with the labels sized for the "
                  "picture, as export-video frames a clip (with --drill)");
  sub->add_option("--captions", o->captions, "on | off: the phase's cue and hold countdown burnt in, as in a video (with --drill)");
  sub->add_option("--out", o->out, "Output PNG file (written atomically)")->required();

  auto run = [o]() -> int {
    using Clock = std::chrono::steady_clock;
    const auto t_start = Clock::now();
    auto ms_since = [](Clock::time_point t) { return std::chrono::duration<double, std::milli>(Clock::now() - t).count(); };
    // "drill" or "drill:N" (1-based): one of the drill's own views, checked once the drill is read.
    std::optional<int> drill_view;
    const bool therapist_view = o->view == "therapist";  // found once the drill is read
    if (o->view == "drill" || therapist_view) {
      drill_view = 0;
    } else if (o->view.rfind("drill:", 0) == 0) {
      const std::string n = o->view.substr(6);
      if (n.empty() || n.size() > 3 || n.find_first_not_of("0123456789") != std::string::npos || std::stoi(n) < 1) {
        std::fprintf(stderr, "error: --view '%s': expected drill:N with N = 1, 2, ... (the drill's own views)\n",
                     o->view.c_str());
        return 2;
      }
      drill_view = std::stoi(n) - 1;
    }
    const std::optional<session::Peel> peel = session::parse_peel(o->peel);
    if (!peel) {
      std::fprintf(stderr, "error: --peel '%s': expected %s\n", o->peel.c_str(), session::peel_values_help().c_str());
      return 2;
    }
    // A preset is seen from its own side unless --view says otherwise.
    const session::PeelPreset* peel_preset = session::find_peel_preset(peel->preset);
    auto view = o->view.empty() && peel_preset ? std::optional(peel_preset->view)
                                                : parse_view_preset(o->view.empty() || drill_view ? "front" : o->view);
    if (!view) {
      std::fprintf(stderr, "error: --view '%s': expected front, back, left, right, side, top, drill or drill:N\n",
                   o->view.c_str());
      return 2;
    }
    auto size = parse_size("--size", o->size, kMaxRenderSize);
    if (!size) {
      std::fprintf(stderr, "error: %s\n", size.error().message.c_str());
      return 2;
    }
    if (o->msaa < 1 || o->msaa > 32) {
      std::fprintf(stderr, "error: --msaa %d: expected 1..32 samples\n", o->msaa);
      return 2;
    }
    if (o->overlay != "on" && o->overlay != "off") {
      std::fprintf(stderr, "error: --overlay '%s': expected on or off\n", o->overlay.c_str());
      return 2;
    }
    auto norm = anatomy::find_rom_norm(o->age_group);
    if (!norm) {
      std::string ids;
      for (const auto& n : anatomy::rom_norms()) ids += (ids.empty() ? "" : ", ") + std::string(n.id);
      std::fprintf(stderr, "error: --age-group '%s': expected one of %s\n", o->age_group.c_str(), ids.c_str());
      return 2;
    }
    HighlightMode highlight = o->drill.empty() ? HighlightMode::kNone : HighlightMode::kWorking;
    if (!o->highlight.empty() && !parse_highlight_mode(o->highlight, highlight)) {
      std::fprintf(stderr, "error: --highlight '%s': expected working, stretched or none\n", o->highlight.c_str());
      return 2;
    }
    if (o->props != "on" && o->props != "off") {
      std::fprintf(stderr, "error: --props '%s': expected on or off\n", o->props.c_str());
      return 2;
    }
    if (o->names != "on" && o->names != "off") {
      std::fprintf(stderr, "error: --names '%s': expected on or off\n", o->names.c_str());
      return 2;
    }
    if (o->contacts != "on" && o->contacts != "off") {
      std::fprintf(stderr, "error: --contacts '%s': expected on or off\n", o->contacts.c_str());
      return 2;
    }
    if (o->skin != "faint" && o->skin != "outline" && o->skin != "off") {
      std::fprintf(stderr, "error: --skin '%s': expected faint, outline or off\n", o->skin.c_str());
      return 2;
    }
    if (o->framing != "pose" && o->framing != "drill") {
      std::fprintf(stderr, "error: --framing '%s': expected pose or drill\n", o->framing.c_str());
      return 2;
    }
    if (o->captions != "on" && o->captions != "off") {
      std::fprintf(stderr, "error: --captions '%s': expected on or off\n", o->captions.c_str());
      return 2;
    }
    if (o->drill.empty() && (o->framing == "drill" || o->captions == "on")) {
      std::fprintf(stderr, "error: --framing drill and --captions on need --drill NAME\n");
      return 2;
    }
    auto side = parse_side(o->side);
    if (!side) {
      std::fprintf(stderr, "error: --side: %s\n", side.error().message.c_str());
      return 2;
    }
    std::vector<std::pair<motion::Channel, double>> assignments;
    if (!o->pose.empty()) {
      auto parsed = parse_pose_assignments(o->pose);
      if (!parsed) {
        std::fprintf(stderr, "error: %s\n", parsed.error().message.c_str());
        return 2;
      }
      assignments = parsed.value();
    }
    const bool posed = !o->drill.empty() || !assignments.empty();
    std::vector<motion::DrillView> drill_views;
    motion::DrillFrame moment;
    if (!o->drill.empty()) {
      std::string drill_highlight;
      auto m = resolve_drill_moment(o->drill, o->time_s, o->phase.empty() ? std::nullopt : std::optional(o->phase), side.value(),
                                    &drill_views, &drill_highlight, o->key_moment);
      if (!m) {
        std::fprintf(stderr, "error: %s\n", m.error().message.c_str());
        return 2;
      }
      moment = m.value();
      // The highlight that fits the drill, as its file names it (as the window does), unless asked.
      if (o->highlight.empty() && !drill_highlight.empty()) parse_highlight_mode(drill_highlight, highlight);
      // A drill opens in its own first view (a peel preset in its own).
      if (o->view.empty() && !drill_views.empty() && !peel_preset) drill_view = 0;
      if (therapist_view) {
        const auto t = std::find_if(drill_views.begin(), drill_views.end(), [](const motion::DrillView& v) { return v.therapist; });
        if (t == drill_views.end()) {
          std::fprintf(stderr, "error: --view therapist: the drill names no therapist's view (a view with \"therapist\": true)\n");
          return 2;
        }
        drill_view = static_cast<int>(t - drill_views.begin());
      }
      if (drill_view && *drill_view >= static_cast<int>(drill_views.size())) {
        std::string names;
        for (std::size_t i = 0; i < drill_views.size(); ++i)
          names += (i ? ", " : "") + std::string("drill:") + std::to_string(i + 1) + " (" + drill_views[i].name + ")";
        std::fprintf(stderr, "error: --view '%s': the drill has %zu view(s)%s%s\n", o->view.c_str(), drill_views.size(),
                     names.empty() ? "" : ": ", names.c_str());
        return 2;
      }
    } else if (drill_view) {
      std::fprintf(stderr, "error: --view '%s': a drill's own view needs --drill NAME\n", o->view.c_str());
      return 2;
    } else if (o->time_s || !o->phase.empty() || o->key_moment) {
      std::fprintf(stderr, "error: --time/--phase/--key-moment need --drill NAME\n");
      return 2;
    } else {
      moment.pelvis_world = motion::pelvis_placement(biomech::Posture::kStanding, moment.channels);
    }
    if (!assignments.empty()) apply_pose_assignments(moment, assignments);
    const std::string path = o->model.empty() ? default_model_path() : o->model;
    // A file from outside is parsed in the sandbox (app/import_sandbox.h). The levels of detail are
    // made here too, although one picture would draw the full meshes faster: where packed muscles
    // touch, the level drawn decides which shows, and `render` shows what the window shows.
    // It is read and prepared on a worker thread while this one opens the GL context.
    double load_ms = 0.0;
    auto loading = std::async(std::launch::async, [path, &load_ms, ms_since] {
      const auto t = Clock::now();
      auto m = load_user_model(path, Prep::kFull);
      load_ms = ms_since(t);
      return m;
    });
    const auto t_context = Clock::now();
    auto session = HeadlessSession::create();
    const double context_ms = ms_since(t_context);
    auto model = loading.get();
    if (!model) {
      std::fprintf(stderr, "error: %s\n", model.error().message.c_str());
      return 1;
    }
    if (!session) {
      std::fprintf(stderr, "error: %s\n", session.error().message.c_str());
      return 1;
    }
    ViewRequest req;
    req.view = *view;
    req.width = size->width;
    req.height = size->height;
    req.msaa = o->msaa;
    req.transparent = o->transparent;
    req.mirror = o->mirror;
    if (drill_view) {
      req.from_body = drill_views[static_cast<std::size_t>(*drill_view)].from;
      req.whole_person = drill_views[static_cast<std::size_t>(*drill_view)].therapist;
      req.pelvis_world = moment.pelvis_world;
    }
    session::ViewSettings selection;  // --select: a muscle, or a bone of the body
    if (!o->select.empty() && !session::select_by_name(selection, model.value(), o->select, side.value())) {
      std::fprintf(stderr, "error: %s\n", session::unknown_selection_message(o->select).c_str());
      return 2;
    }
    if (is_body_model(model.value())) {
      session::PoseSource pose = session::standing_pose(model.value());
      if (posed) {
        pose.legs = moment.legs;
        pose.upper = moment.upper;
        pose.pelvis_world = moment.pelvis_world;
        pose.posture = moment.posture;
        pose.loads = moment.loads;
        pose.partner_hand = moment.partner_hand;
        pose.grip = moment.grip;
      }
      session::ViewSettings view;
      view.highlight = highlight;
      view.overlay = o->overlay == "on";
      view.norm = *norm;
      view.selected_muscle = selection.selected_muscle;
      view.selected_bone = selection.selected_bone;
      view.transparent_background = o->transparent;
      view.show_skin = o->skin != "off";
      view.skin_outline = o->skin == "outline";
      view.contact_arrows = o->contacts == "on";
      view.name_muscles = o->names == "on";
      if (view.name_muscles) view.display_names = load_muscle_display_names();
      view.props = o->props == "on";
      view.peel = *peel;
      if (Status layers = load_peel_layers(view); !layers) {
        std::fprintf(stderr, "error: %s\n", layers.error().message.c_str());
        return 1;
      }
      if (o->framing == "drill") view.ui_scale = std::clamp(static_cast<float>(size->height) / 720.0f, 0.6f, 2.0f);  // as a clip
      session::ComputedFrame computed;
      session::compute_frame(pose, view, computed);
      req.frame = computed.request;
      if (o->framing == "drill" || o->captions == "on") {
        // The drill's whole motion for the still camera; its own frame for the captions.
        auto drill = find_drill(o->drill);
        auto timeline = drill ? motion::Timeline::build(drill.value(), side.value()) : Result<motion::Timeline>(drill.error());
        if (!timeline) {
          std::fprintf(stderr, "error: %s\n", timeline.error().message.c_str());
          return 2;
        }
        if (o->framing == "drill") req.camera = drill_framing_camera(timeline.value(), model.value(), req, o->captions == "on");
        if (o->captions == "on") {
          CaptionOptions co;
          co.picture_height = size->height;
          req.captions = drill_captions(timeline->drill(), moment, co);
        }
      }
    } else {
      if (posed || highlight != HighlightMode::kNone || selection.selected_muscle || o->overlay == "on" || peel->any())
        std::fprintf(stderr, "warning: %s has no HipLab body nodes; --drill/--pose/--highlight/--select/--overlay/--peel are ignored\n",
                     path.c_str());
    }
    auto image = render_view(*session.value(), model.value(), NodeTransforms::bind(model.value()), req);
    if (!image) {
      std::fprintf(stderr, "error: %s\n", image.error().message.c_str());
      return 1;
    }
    const double drawn_ms = ms_since(t_start);
    const auto t_png = Clock::now();
    Status written = write_png(image.value(), o->out, o->transparent);
    if (!written) {
      std::fprintf(stderr, "error: %s\n", written.error().message.c_str());
      return 1;
    }
    const double png_ms = ms_since(t_png);
    std::printf("%s\n", o->out.c_str());
    if (o->timings)
      std::printf("start → picture drawn %.1f ms (model read and prepared %.1f ms, beside the GL context %.1f ms); PNG written %.1f ms\n",
                  drawn_ms, load_ms, context_ms, png_ms);
    return 0;
  };
  return Command{sub, run};
}

}  // namespace hiplab::app
