// handout_pdf.h — the printed exercise handout (issue 15) laid out as a PDF: a cover (the patient,
// date, therapist or clinic with an optional logo, the notes and the list of drills with their
// dosage) and one page per drill (its pictures with captions, the muscles they show named in words,
// the cues as numbered steps, the dosage, what it should feel like, when to stop, and a kind note
// where a popular description is wrong). Through cairo's PDF surface with pango for the text, so
// the fonts are embedded (subset) and the text is selectable and searchable. Black text on white,
// rules and boxes in greys: nothing depends on colour, so a greyscale print reads the same.
// No GL: the caller renders the pictures (app/handout.h). A page whose content does not fit first
// shrinks its pictures, then its type, so each drill keeps exactly one page.
// Units: PDF points (1/72 inch).
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "core/result.h"

namespace hiplab::media {

enum class Paper { kA4, kLetter };
struct PaperSize {
  double width_pt, height_pt;
};
PaperSize paper_size(Paper p);  // A4 595.28 x 841.89 pt (ISO 216), US Letter 612 x 792 pt

struct HandoutPicture {
  int width = 0, height = 0;
  std::vector<std::uint8_t> rgba;  // row 0 at the top, opaque
  std::string caption;             // under the picture, after its number
};

struct HandoutDrillPage {
  std::string title;     // "Clamshell"
  std::string subtitle;  // "Right leg · exercise"
  std::string summary;
  std::vector<HandoutPicture> pictures;  // 0..4, in order
  std::string muscles;                   // "Working muscles (shaded in the pictures): ..."
  std::vector<std::string> steps;        // the cues, numbered on the page
  std::vector<std::string> dosage;       // lines: "3 sets of 20 per side", "Rest 60 s between sets"
  std::string how_often;
  std::string feel;
  std::vector<std::string> safety;       // safety notes
  std::vector<std::string> stop_if;      // when to stop and ask
  std::vector<std::string> good_to_know; // kind notes on popular myths
};

struct HandoutCoverItem {
  std::string name;    // drill name
  std::string dosage;  // its dosage line
  std::string how_often;
};

struct HandoutDocument {
  Paper paper = Paper::kA4;
  std::string title = "Your home exercise plan";
  std::string patient;
  std::string date;       // as printed, e.g. "4 December 2026"
  std::string therapist;
  std::string clinic;     // name and address; '\n' starts a new line
  std::string logo_png;   // a PNG file, or empty
  std::string notes;      // the therapist's notes for this patient
  std::string footer;     // on every page, e.g. the disclaimer
  std::vector<HandoutCoverItem> items;
  std::vector<HandoutDrillPage> pages;
};

// Checks that a logo file is a PNG cairo can read; the error names the file.
Status check_logo(const std::string& path);

// The whole document as PDF bytes. Errors: the logo cannot be read, or cairo fails.
Result<std::string> handout_pdf(const HandoutDocument& doc);

// One page (1 = the cover) as PNG bytes at `dpi` (10..600), laid out exactly as in the PDF: the
// window's preview. Errors: no such page, the logo cannot be read, or cairo fails.
Result<std::string> handout_page_png(const HandoutDocument& doc, int page, double dpi = 72.0);

}  // namespace hiplab::media
