// app_ui.h — the window's Dear ImGui UI over the session (session/session.h): drills and
// playback, hands-on angles, muscles (highlight, legend, top working list, search, visibility,
// the internal-rotator group, the muscle card and the moment-arm explorer), the joint-limit overlay
// settings, presentation mode, help, the screenshot, Export video and handout dialogs, one file per panel
// (ui/panels.h).
// The panels change the session directly where that is all there is to it, and return the
// requests only the app can carry out.
#pragma once
#include <array>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "assets/model.h"
#include "assets/muscle_info.h"
#include "scene/bone_attachments.h"
#include "scene/camera.h"
#include "records/backup.h"
#include "records/store.h"
#include "session/session.h"
#include "ui/handout_list.h"
#include "ui/photo_measure.h"
#include "ui/style.h"  // apply_style, setup_fonts: set up before the first frame

namespace hiplab::ui {

struct ScreenshotRequest {
  std::string path;
  int width = 1920, height = 1080;
  bool transparent = false;
};

// The Export video dialog (ui/video_window.cpp): the options of `hiplab export-video` for the
// drill shown, and what the app reports back while it exports (the app renders one frame of the
// clip per window frame; the encoder works on its own thread).
struct VideoDialog {
  bool open = false;
  int side = 0;        // 0 right, 1 left (opens as the window's)
  int reps = 3;
  int view = 0;        // 0..n-1: the drill's own views (view_names), then front, back, left, right, top
  int highlight = 0;   // 0 the drill's own, 1 working, 2 stretched, 3 none
  bool overlay = false, captions = true;
  int size = 0;        // index into kVideoSizes
  int fps = 30;
  int format = 0;      // 0 MP4, 1 WebM, 2 GIF
  std::string path;    // without the extension the format adds
  float preview_s = 2.5f;  // seconds into the clip
  // Set by the app.
  std::vector<std::string> view_names;  // the drill's own views
  double clip_s = 0.0;                  // length of the clip with these options (0: unknown)
  std::uint32_t preview_texture = 0;    // render/texture.h id; 0 none
  int preview_w = 0, preview_h = 0;
  bool running = false;
  int done = 0, total = 0;
  double seconds_left = 0.0;
  bool finishing = false;  // every frame drawn; the encoder is finishing the file
  std::string status;      // the last outcome ("Saved ...", an error)
  bool status_error = false;
};
struct VideoSize {
  const char* label;
  int width, height;
};
inline constexpr VideoSize kVideoSizes[] = {{"1280x720 (HD)", 1280, 720}, {"1920x1080 (Full HD)", 1920, 1080},
                                            {"854x480", 854, 480},         {"640x360", 640, 360},
                                            {"480x270 (GIF)", 480, 270}};
// The Patients window (ui/patients_panel.cpp): the records store, opened the first time the window
// is shown (so a window that never shows it never creates a records file), the list, the selected
// patient's record and what is being typed.
struct PatientsUi {
  bool available = false;  // records not switched off (the app decides, from the settings)
  bool open = false;
  std::function<Result<std::unique_ptr<records::Store>>()> open_store;  // set by the app
  std::unique_ptr<records::Store> store;
  std::string error;   // the last thing that failed (red), e.g. "... changed by someone else ..."
  std::string notice;  // the last thing that worked
  std::string search;
  bool list_stale = true;
  std::vector<records::PatientSummary> list;
  std::optional<records::PatientRecord> record;  // the selected patient
  records::Patient edit;                         // the selected patient as being edited
  records::Patient fresh;                        // the new-patient form
  int fresh_birth_year = 0, edit_birth_year = 0;
  bool confirm_delete = false;
  // Quick visit entry: one text field per movement (empty: not measured), Enter saves.
  std::string visit_date;
  records::Side visit_side = records::Side::kRight;
  records::Position visit_position = records::Position::kSeated;
  records::Method visit_method = records::Method::kGoniometer;
  std::array<std::string, 6> visit_values;  // by records::Movement
  std::string visit_pain, visit_note;
  bool focus_entry = false;
  records::Side chart_side = records::Side::kRight;
  // "Measure from photo..." (ui/photo_measure.h): the window, and the angle taken from it into the
  // visit being typed; the photo is kept with the measurement when the visit is saved and its
  // degrees are still the ones taken.
  PhotoMeasure photo;
  // Everyday activities' range from the literature (assets/anatomy/activity_demands.json, loaded by
  // the app; null when it could not be read): lines on the charts, "enough for ..." under them and,
  // when ticked, ticks on the overlay's arcs.
  std::shared_ptr<const anatomy::ActivityDemands> activities;
  bool activities_on_overlay = false;
  struct TakenPhoto {
    std::string path, landmarks, value;
    records::Movement movement = records::Movement::kInternalRotation;
  };
  std::optional<TakenPhoto> photo_taken;
  // The thumbnails of the selected patient's photo measurements in the visit list, and the photo
  // one of them opened (ui/photo_measure.h). Held only while that patient is shown: another
  // patient, a deletion, a restore or the window closing drops them with their textures.
  PhotoThumbnails thumbnails;
  PhotoViewer viewer;
  // Backup and restore from the window (records/backup.h, the code `hiplab patients backup|restore`
  // runs): the file chosen in the file browser, then for a restore the backup read and waiting for
  // the user's yes, with what it would replace.
  std::string backup_to, restore_from;
  struct PendingRestore {
    std::string file;
    records::BackupContents contents;
    std::vector<std::string> replaced;  // the names of the patients it would replace
    std::size_t photo_files = 0;        // ... and of their photo files
  };
  std::optional<PendingRestore> restore;
};

// What the file browser (ui/file_browser.cpp) is for: opening a model, a photo to measure on or a
// records backup to restore, or naming the file a backup is written to.
enum class BrowserPurpose { kModel, kPhoto, kBackupOpen, kBackupSave };

enum class CameraRequest { kNone, kFront, kBack, kLeft, kRight, kTop, kWorkingHip, kFrame, kReset };

struct UiState {
  // model
  std::string model_path;
  std::vector<std::string> model_lines;
  std::string message;
  bool message_is_error = false;
  // A model being opened off the UI thread: its file ("" when none) and seconds so far.
  std::string loading_path;
  double loading_seconds = 0.0;
  // status
  double frame_ms = 0.0, gpu_ms = -1.0;
  // What the status line shows: the means over a quarter of a second (readable, and the line is
  // drawn again four times a second rather than every frame).
  struct StatusFigures {
    double frame_ms = 0.0, gpu_ms = 0.0, sum_frame = 0.0, sum_gpu = 0.0, since = -1.0;
    int count = 0;
  } status;
  std::string renderer_name;
  double resident_mib = 0.0;  // the app's memory, for the F12 line (set by the app a few times a second)
  int samples = 0;
  // panels
  bool presentation = false;
  bool show_help = false;
  bool developer = false;  // F12: frame time and renderer details in the status line
  bool show_about = false;  // the About box (ui/about_window.cpp), from the help
  std::string version;      // "hiplab 0.1.0 (commit ...)", shown in the About box
  std::string card_scrolled_to;  // the selection whose card was last scrolled into view
  bool show_labels = false;  // landmark labels
  bool follow_hip = false;
  bool screenshot_open = false;
  ScreenshotRequest screenshot;
  std::string screenshot_replace;  // the existing file the dialog asks about replacing ("" when not asking)
  HandoutDialog handout;  // the Handout dialog (ui/handout_window.cpp)
  std::string muscle_search;
  std::string hover_text;     // name under the cursor, shown as a tooltip
  bool browser_open = false;
  BrowserPurpose browser_purpose = BrowserPurpose::kModel;
  std::string browser_dir;
  std::string browser_name;  // the file name typed when naming a file to write (kBackupSave)
  std::string browser_pick;  // the file clicked, which Open opens
  float ui_scale = 1.0f;
  // Key presses since the last frame, from the window's key callback: (key code, modifier bits
  // 1 shift, 2 ctrl). Collected there because on a slow software renderer a quick tap can go down
  // and up between two frames, which Dear ImGui 1.86's key state would miss.
  std::vector<std::pair<int, int>> keys_pressed;
  double last_mouse_move_time = 0.0;
  glm::vec2 mouse{0.0f};
  glm::vec2 viewport{1.0f};
  // The docked panels drawn this frame (x, y, width, height in the viewport's pixels): the app
  // frames the scene in the part they leave free (scene/framing.h free_view_rect).
  std::vector<glm::vec4> panel_rects;
  // The two side panels (HipLab, Muscles) as last drawn, with the window size and default panel
  // height each was laid out for: when the window changes size they are moved with it
  // (core/panel_anchor.h; a panel hidden in presentation mode meanwhile moves when it shows again).
  struct SidePanel {
    glm::vec4 rect{0.0f};  // zero: not drawn yet
    glm::vec2 viewport{0.0f};
    float default_h = 0.0f;
  };
  std::array<SidePanel, 2> side_panels;
  VideoDialog video;
  PatientsUi patients;
};

struct UiActions {
  std::optional<std::string> open_file;
  bool cancel_load = false;  // the Cancel button of "Loading..."
  std::optional<ScreenshotRequest> screenshot;
  std::optional<std::vector<std::string>> handout;  // `hiplab handout` arguments to run (app/handout_job.h)
  bool handout_preview = false;  // ... making the dialog's page preview (the arguments end with --out its picture)
  CameraRequest camera = CameraRequest::kNone;
  std::optional<int> drill_view;  // one of the current drill's own views (motion::Drill::views)
  bool quit = false;
  bool settings_changed = false;
  // The Export video dialog: options changed (a new preview and clip length), Export, Cancel.
  bool video_options_changed = false;
  bool video_export = false;
  bool video_cancel = false;
};

// Bone cards: the hand-written descriptions and, per mesh of the current model, the muscles the
// model says attach there (scene/bone_attachments.h).
struct BoneCards {
  std::vector<BoneInfo> info;
  std::vector<std::vector<MuscleAttachment>> attachments;
};

// Opens the Patients window (and the records, when not yet open) with patient `id` selected and
// their latest limits on the overlay. Errors: records switched off or unavailable, no such patient.
Status show_patient(PatientsUi& p, session::Session& s, std::int64_t id);
// Drops every texture the Patients window holds (the photo being measured, the thumbnails, the
// photo viewer): called while the GL context is still there, before it goes.
void release_patient_textures(PatientsUi& p);

UiActions draw_app_ui(UiState& ui, session::Session& s, const session::ComputedFrame& frame, const Model* model,
                      const std::vector<MuscleInfo>& info, const BoneCards* bones = nullptr);

// The Export video dialog's choices as `hiplab export-video` takes them: the file with the
// format's extension, the view ("drill:N" or a preset) and the highlight ("" for the drill's own).
std::string video_dialog_file(const VideoDialog& v);
std::string video_dialog_view(const VideoDialog& v);
std::string video_dialog_highlight(const VideoDialog& v);

// Keyboard shortcuts: the keys pressed since the last frame (UiState::keys_pressed), looked up in
// the table the F1 help lists (ui/key_bindings.h), carried out on the session and the UI state.
void handle_shortcuts(UiState& ui, session::Session& s, UiActions& a);

}  // namespace hiplab::ui
