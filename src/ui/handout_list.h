// handout_list.h — what the Handout dialog (ui/handout_window.cpp) edits, as plain logic without
// Dear ImGui so it is testable: the drills offered (ticked or not, in the handout's order, moved up
// and down), each one's dosage for this patient, the cover's text and the paper; and the arguments
// of `hiplab handout` that make the PDF (app/handout_job.h runs them beside the window, so it stays
// responsive while the pictures render).
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "core/result.h"
#include "records/records.h"
#include "session/session.h"

namespace hiplab::ui {

struct HandoutEntry {
  std::string id, name;
  bool include = false;
  int sets = 1, reps = 1;
  double hold_s = 0.0;
  int file_sets = 1, file_reps = 1;  // the drill file's: a dosage left as it is is not passed
  double file_hold_s = 0.0;
};

struct HandoutDialog {
  bool open = false;
  std::vector<HandoutEntry> entries;  // the handout's order: ticked ones first as the user moves them
  std::string patient, therapist, clinic, notes;
  std::string path = "handout.pdf";
  bool letter = false;  // US Letter, else A4
  bool left = false;    // the working side
  bool running = false; // a handout is being made (app/handout_job.h)
  // Preview: one page (1 = the cover) drawn as it will print, shown in the dialog; the app makes it
  // beside the window as the PDF is made (`hiplab handout --page N --out FILE.png`).
  int preview_page = 1;
  bool previewing = false;            // a preview is being made
  std::uint32_t preview_texture = 0;  // render/texture.h id; 0 none
  int preview_w = 0, preview_h = 0;
  int preview_pages = 0;              // pages of the handout previewed last (cover + drills)
};

// Offers every drill the session knows (built-in and the user's) — the first time with the current
// one ticked and first — and the side the window shows; drills listed before keep their order,
// ticks and dosage.
void open_handout_dialog(HandoutDialog& d, const session::Session& s);

// Opens the dialog on a visit's programme (patients' records): only its drills ticked, first and in
// its order; each dosage written as SETSxREPS or SETSxREPSxHOLDs (e.g. "3x10", "2x12x5s") taken for
// this patient, others left as the file's; the patient's name on the cover; the side of the first
// item. Returns the programme's drills the session does not know (left out).
std::vector<std::string> open_handout_for_programme(HandoutDialog& d, const session::Session& s, const std::string& patient,
                                                    const std::vector<records::ProgrammeItem>& programme);

// Moves entry `index` by `delta` places (clamped to the list); returns its new index.
int move_handout_entry(HandoutDialog& d, int index, int delta);

// `hiplab handout` arguments (after the program name) for the ticked drills in order; the dosage
// of each drill whose sets, reps or hold differ from its file's. Errors: no drill ticked, no file
// name, or one that does not end in .pdf.
Result<std::vector<std::string>> handout_arguments(const HandoutDialog& d);

// The same handout's page d.preview_page as a picture in `png_path` (for the dialog's preview):
// as handout_arguments, with --page and that file instead of the PDF. Errors as handout_arguments
// (the PDF's name is not needed yet), or a page beyond the ticked drills.
Result<std::vector<std::string>> handout_preview_arguments(const HandoutDialog& d, const std::string& png_path);

}  // namespace hiplab::ui
