#include "media/handout_pdf.h"

#include <algorithm>
#include <memory>

#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>

namespace hiplab::media {

namespace {

// DejaVu Sans: the package depends on fonts-dejavu-core already (the picture labels use it), and it
// covers the Latin, Greek and symbol characters the drill files use. Pango falls back through
// fontconfig when it is missing.
constexpr const char* kFamily = "DejaVu Sans";
constexpr double kMargin = 42.0;       // 15 mm
constexpr double kFooterH = 22.0;
constexpr double kGap = 10.0;

struct SurfaceDeleter {
  void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
};
using SurfacePtr = std::unique_ptr<cairo_surface_t, SurfaceDeleter>;

// One block of text: wrapped to `width`, at (x, y) when drawing; returns its height. Sizes in points
// (pango's absolute size = cairo user units, which are points on a PDF surface).
struct Text {
  double size = 10.0;
  bool bold = false;
  bool italic = false;
  double grey = 0.0;  // 0 = black
  PangoAlignment align = PANGO_ALIGN_LEFT;
  std::size_t bold_bytes = 0;  // the first bytes in bold (a picture's number before its caption)
};

double text(cairo_t* cr, const std::string& s, double x, double y, double width, const Text& t, bool draw) {
  if (s.empty()) return 0.0;
  PangoLayout* layout = pango_cairo_create_layout(cr);
  PangoFontDescription* fd = pango_font_description_new();
  pango_font_description_set_family(fd, kFamily);
  pango_font_description_set_weight(fd, t.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_font_description_set_style(fd, t.italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
  pango_font_description_set_absolute_size(fd, t.size * PANGO_SCALE);
  pango_layout_set_font_description(layout, fd);
  pango_layout_set_width(layout, static_cast<int>(width * PANGO_SCALE));
  pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment(layout, t.align);
  pango_layout_set_text(layout, s.c_str(), -1);  // plain text: nothing the user types is markup
  if (t.bold_bytes > 0) {
    PangoAttrList* attrs = pango_attr_list_new();
    PangoAttribute* b = pango_attr_weight_new(PANGO_WEIGHT_BOLD);
    b->start_index = 0;
    b->end_index = static_cast<guint>(t.bold_bytes);
    pango_attr_list_insert(attrs, b);
    pango_layout_set_attributes(layout, attrs);
    pango_attr_list_unref(attrs);
  }
  int w = 0, h = 0;
  pango_layout_get_size(layout, &w, &h);
  if (draw) {
    cairo_save(cr);
    cairo_set_source_rgb(cr, t.grey, t.grey, t.grey);
    cairo_move_to(cr, x, y);
    pango_cairo_show_layout(cr, layout);
    cairo_restore(cr);
  }
  pango_font_description_free(fd);
  g_object_unref(layout);
  return static_cast<double>(h) / PANGO_SCALE;
}

void rule(cairo_t* cr, double x0, double x1, double y, double width, double grey) {
  cairo_save(cr);
  cairo_set_source_rgb(cr, grey, grey, grey);
  cairo_set_line_width(cr, width);
  cairo_move_to(cr, x0, y);
  cairo_line_to(cr, x1, y);
  cairo_stroke(cr);
  cairo_restore(cr);
}

void box(cairo_t* cr, double x, double y, double w, double h, double fill, double stroke) {
  cairo_save(cr);
  cairo_rectangle(cr, x, y, w, h);
  cairo_set_source_rgb(cr, fill, fill, fill);
  cairo_fill_preserve(cr);
  cairo_set_source_rgb(cr, stroke, stroke, stroke);
  cairo_set_line_width(cr, 0.8);
  cairo_stroke(cr);
  cairo_restore(cr);
}

// The picture as an RGB surface (opaque renders: the PDF gets no alpha channel to carry).
SurfacePtr picture_surface(const HandoutPicture& p) {
  SurfacePtr s(cairo_image_surface_create(CAIRO_FORMAT_RGB24, p.width, p.height));
  cairo_surface_flush(s.get());
  unsigned char* data = cairo_image_surface_get_data(s.get());
  const int stride = cairo_image_surface_get_stride(s.get());
  for (int y = 0; y < p.height; ++y) {
    auto* row = reinterpret_cast<std::uint32_t*>(data + static_cast<std::ptrdiff_t>(y) * stride);
    const std::uint8_t* src = p.rgba.data() + static_cast<std::size_t>(y) * static_cast<std::size_t>(p.width) * 4;
    for (int x = 0; x < p.width; ++x, src += 4)
      row[x] = (std::uint32_t{src[0]} << 16) | (std::uint32_t{src[1]} << 8) | std::uint32_t{src[2]};
  }
  cairo_surface_mark_dirty(s.get());
  return s;
}

void draw_surface(cairo_t* cr, cairo_surface_t* s, double x, double y, double w, double h) {
  const int sw = cairo_image_surface_get_width(s), sh = cairo_image_surface_get_height(s);
  cairo_save(cr);
  cairo_translate(cr, x, y);
  cairo_scale(cr, w / sw, h / sh);
  cairo_set_source_surface(cr, s, 0, 0);
  cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_GOOD);
  cairo_paint(cr);
  cairo_restore(cr);
}

void footer(cairo_t* cr, const PaperSize& ps, const HandoutDocument& doc, int page, int pages) {
  const double y = ps.height_pt - kMargin - kFooterH + 6.0;
  rule(cr, kMargin, ps.width_pt - kMargin, y, 0.5, 0.55);
  const double cw = ps.width_pt - 2 * kMargin;
  Text small{7.5, false, false, 0.3};
  std::string left = doc.footer;
  if (!doc.patient.empty()) left = "For " + doc.patient + (left.empty() ? "" : " · " + left);
  text(cr, left, kMargin, y + 4.0, cw - 70.0, small, true);
  small.align = PANGO_ALIGN_RIGHT;
  text(cr, "Page " + std::to_string(page) + " of " + std::to_string(pages), kMargin, y + 4.0, cw, small, true);
}

// Lays out one drill page from the top; returns where its content ends. `pic` and `type` scale the
// pictures and the type so a long page still fits (handout_pdf.h).
double drill_page(cairo_t* cr, const PaperSize& ps, const HandoutDrillPage& p, const std::vector<SurfacePtr>& pics,
                  double pic, double type, bool draw) {
  const double x0 = kMargin, cw = ps.width_pt - 2 * kMargin;
  double y = kMargin;
  y += text(cr, p.title, x0, y, cw, {20.0 * type, true}, draw);
  y += text(cr, p.subtitle, x0, y, cw, {10.0 * type, false, false, 0.3}, draw) + 4.0;
  if (draw) rule(cr, x0, x0 + cw, y, 1.2, 0.0);
  y += 6.0;
  y += text(cr, p.summary, x0, y, cw, {9.5 * type}, draw) + 8.0;

  // Pictures: one row of up to three, or two rows of two for four; each numbered under it.
  const int n = static_cast<int>(p.pictures.size());
  if (n > 0) {
    const int cols = n == 4 ? 2 : n;
    const double cell = (cw - kGap * (cols - 1)) / cols;
    const double w = cell * pic;
    for (int r = 0; r * cols < n; ++r) {
      double row_h = 0.0;
      for (int c = 0; c < cols && r * cols + c < n; ++c) {
        const int i = r * cols + c;
        const HandoutPicture& hp = p.pictures[static_cast<std::size_t>(i)];
        const double h = w * hp.height / std::max(hp.width, 1);
        const double x = x0 + c * (cell + kGap) + (cell - w) / 2;
        if (draw) {
          draw_surface(cr, pics[static_cast<std::size_t>(i)].get(), x, y, w, h);
          cairo_save(cr);
          cairo_rectangle(cr, x, y, w, h);
          cairo_set_source_rgb(cr, 0.45, 0.45, 0.45);
          cairo_set_line_width(cr, 0.6);
          cairo_stroke(cr);
          cairo_restore(cr);
        }
        // The number and the caption as one block of text, its lines flush left, so a PDF reader's
        // text extraction keeps a wrapped caption together beside its neighbours.
        const std::string number = std::to_string(i + 1);
        Text cap{8.5 * type};
        cap.bold_bytes = number.size();
        const double ch = text(cr, number + "  " + hp.caption, x, y + h + 3.0, w, cap, draw);
        row_h = std::max(row_h, h + 3.0 + std::max(ch, 12.0 * type));
      }
      y += row_h + 6.0;
    }
  }
  y += text(cr, p.muscles, x0, y, cw, {9.0 * type, false, true, 0.15}, draw) + 8.0;

  // Two columns: the steps on the left; dosage, how often and what it should feel like in a box on
  // the right.
  const double left_w = cw * 0.57, right_x = x0 + left_w + 14.0, right_w = cw - left_w - 14.0;
  double yl = y;
  yl += text(cr, "How to do it", x0, yl, left_w, {12.0 * type, true}, draw) + 4.0;
  for (std::size_t i = 0; i < p.steps.size(); ++i) {
    const double num_w = (p.steps.size() >= 10 ? 22.0 : 16.0) * type;  // room for "10."
    text(cr, std::to_string(i + 1) + ".", x0, yl, num_w, {10.0 * type, true}, draw);
    yl += text(cr, p.steps[i], x0 + num_w, yl, left_w - num_w, {10.0 * type}, draw) + 3.0;
  }
  const double pad = 7.0;
  auto right_column = [&](bool d) {
    double yr = y + pad;
    const double iw = right_w - 2 * pad, ix = right_x + pad;
    yr += text(cr, "How much", ix, yr, iw, {11.0 * type, true}, d) + 2.0;
    for (const std::string& line : p.dosage) yr += text(cr, "• " + line, ix, yr, iw, {9.5 * type}, d) + 1.5;
    if (!p.how_often.empty()) {
      yr += 5.0;
      yr += text(cr, "How often", ix, yr, iw, {11.0 * type, true}, d) + 2.0;
      yr += text(cr, p.how_often, ix, yr, iw, {9.5 * type}, d);
    }
    if (!p.feel.empty()) {
      yr += 5.0;
      yr += text(cr, "What you should feel", ix, yr, iw, {11.0 * type, true}, d) + 2.0;
      yr += text(cr, p.feel, ix, yr, iw, {9.5 * type}, d);
    }
    return yr + pad;
  };
  const double yr = right_column(false);
  if (draw) {
    box(cr, right_x, y, right_w, yr - y, 0.94, 0.55);
    right_column(true);
  }
  y = std::max(yl, yr) + 10.0;

  // When to stop: a box with a heavy left edge (it stands out in black and white).
  if (!p.safety.empty() || !p.stop_if.empty()) {
    auto stop_block = [&](bool d) {
      double yy = y + 5.0;
      const double ix = x0 + 12.0, iw = cw - 18.0;
      yy += text(cr, "Safety", ix, yy, iw, {11.0 * type, true}, d) + 2.0;
      for (const std::string& s : p.safety) yy += text(cr, "• " + s, ix, yy, iw, {9.5 * type}, d) + 1.5;
      if (!p.stop_if.empty()) {
        yy += 3.0;
        yy += text(cr, "Stop and ask your therapist if:", ix, yy, iw, {9.5 * type, true}, d) + 1.5;
        for (const std::string& s : p.stop_if) yy += text(cr, "• " + s, ix, yy, iw, {9.5 * type}, d) + 1.5;
      }
      return yy + 4.0;
    };
    const double end = stop_block(false);
    if (draw) {
      cairo_save(cr);
      cairo_set_source_rgb(cr, 0.0, 0.0, 0.0);
      cairo_rectangle(cr, x0, y, 4.0, end - y);
      cairo_fill(cr);
      cairo_restore(cr);
      stop_block(true);
    }
    y = end + 8.0;
  }
  if (!p.good_to_know.empty()) {
    y += text(cr, "Good to know", x0, y, cw, {11.0 * type, true}, draw) + 2.0;
    for (const std::string& s : p.good_to_know) y += text(cr, s, x0, y, cw, {9.5 * type}, draw) + 3.0;
  }
  return y;
}

double cover_page(cairo_t* cr, const PaperSize& ps, const HandoutDocument& doc, cairo_surface_t* logo, double type,
                  bool draw) {
  const double x0 = kMargin, cw = ps.width_pt - 2 * kMargin;
  double y = kMargin;
  // The logo top right, at most 150 x 70 pt, its aspect kept.
  double logo_w = 0.0;
  if (logo) {
    const double lw = cairo_image_surface_get_width(logo), lh = cairo_image_surface_get_height(logo);
    const double s = std::min(150.0 / lw, 70.0 / lh);
    logo_w = lw * s;
    if (draw) draw_surface(cr, logo, x0 + cw - logo_w, y, logo_w, lh * s);
  }
  const double head_w = cw - (logo_w > 0 ? logo_w + 12.0 : 0.0);
  y += text(cr, doc.title, x0, y, head_w, {24.0 * type, true}, draw) + 8.0;
  if (!doc.patient.empty()) y += text(cr, "For " + doc.patient, x0, y, head_w, {16.0 * type, true}, draw) + 4.0;
  y += text(cr, doc.date, x0, y, head_w, {11.0 * type, false, false, 0.2}, draw) + 10.0;
  if (!doc.therapist.empty()) y += text(cr, "Your therapist: " + doc.therapist, x0, y, cw, {11.0 * type}, draw) + 2.0;
  if (!doc.clinic.empty()) y += text(cr, doc.clinic, x0, y, cw, {10.0 * type, false, false, 0.2}, draw) + 2.0;
  y = std::max(y, kMargin + (logo ? 74.0 : 0.0)) + 8.0;
  if (draw) rule(cr, x0, x0 + cw, y, 1.2, 0.0);
  y += 12.0;

  y += text(cr, "Your exercises", x0, y, cw, {14.0 * type, true}, draw) + 6.0;
  const double num_w = 24.0 * type, page_w = 48.0;
  const double name_w = (cw - num_w - page_w) * 0.42, dose_w = cw - num_w - page_w - name_w - 8.0;
  for (std::size_t i = 0; i < doc.items.size(); ++i) {
    const HandoutCoverItem& it = doc.items[i];
    const double yt = y + 4.0;
    text(cr, std::to_string(i + 1), x0, yt, num_w, {12.0 * type, true}, draw);
    const double hn = text(cr, it.name, x0 + num_w, yt, name_w, {11.0 * type, true}, draw);
    double hd = text(cr, it.dosage, x0 + num_w + name_w + 8.0, yt, dose_w, {10.0 * type}, draw);
    if (!it.how_often.empty())
      hd += text(cr, it.how_often, x0 + num_w + name_w + 8.0, yt + hd, dose_w, {9.0 * type, false, false, 0.25}, draw);
    text(cr, "page " + std::to_string(i + 2), x0 + cw - page_w, yt, page_w, {9.0 * type, false, false, 0.3, PANGO_ALIGN_RIGHT},
         draw);
    y = yt + std::max(hn, hd) + 4.0;
    if (draw) rule(cr, x0, x0 + cw, y, 0.5, 0.6);
  }
  y += 14.0;
  if (!doc.notes.empty()) {
    y += text(cr, "Notes from your therapist", x0, y, cw, {12.0 * type, true}, draw) + 4.0;
    const double pad = 8.0;
    const double h = text(cr, doc.notes, x0 + pad, y + pad, cw - 2 * pad, {10.5 * type}, false) + 2 * pad;
    if (draw) {
      box(cr, x0, y, cw, h, 0.95, 0.5);
      text(cr, doc.notes, x0 + pad, y + pad, cw - 2 * pad, {10.5 * type}, true);
    }
    y += h + 14.0;
  }
  y += text(cr, "How to use this plan", x0, y, cw, {12.0 * type, true}, draw) + 4.0;
  y += text(cr,
            "Each page shows one exercise: the pictures in order (1, 2, 3...), the steps, how much and how often, "
            "and what it should feel like. Move slowly and with control, and breathe normally. Mild effort or a "
            "gentle stretch is expected; sharp pain is not: stop and ask your therapist, as each page says.",
            x0, y, cw, {10.0 * type}, draw);
  return y;
}

cairo_status_t append_bytes(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

Result<SurfacePtr> read_logo(const std::string& path) {
  SurfacePtr s(cairo_image_surface_create_from_png(path.c_str()));
  const cairo_status_t st = cairo_surface_status(s.get());
  if (st == CAIRO_STATUS_FILE_NOT_FOUND) return make_error(path + ": cannot read the logo (no such file)");
  if (st != CAIRO_STATUS_SUCCESS)
    return make_error(path + ": cannot read the logo (expected a PNG image: " + cairo_status_to_string(st) + ")");
  return s;
}

}  // namespace

PaperSize paper_size(Paper p) {
  // ISO 216 A4 is 210 x 297 mm; US Letter 8.5 x 11 in.
  if (p == Paper::kLetter) return {612.0, 792.0};
  return {210.0 / 25.4 * 72.0, 297.0 / 25.4 * 72.0};
}

Status check_logo(const std::string& path) {
  auto s = read_logo(path);
  if (!s) return s.error();
  return Ok{};
}

namespace {

// Page `index` of the document (0 = the cover), laid out on `cr` in points, with its footer.
void draw_page(cairo_t* cr, const PaperSize& ps, const HandoutDocument& doc, cairo_surface_t* logo, std::size_t index) {
  const double bottom = ps.height_pt - kMargin - kFooterH;
  const int pages = 1 + static_cast<int>(doc.pages.size());
  if (index == 0) {
    // The cover: smaller type when a long list would run into the footer.
    double type = 1.0;
    while (type > 0.6 && cover_page(cr, ps, doc, logo, type, false) > bottom) type -= 0.05;
    cover_page(cr, ps, doc, logo, type, true);
    footer(cr, ps, doc, 1, pages);
    return;
  }
  const HandoutDrillPage& p = doc.pages[index - 1];
  std::vector<SurfacePtr> pics;
  for (const HandoutPicture& hp : p.pictures) pics.push_back(picture_surface(hp));
  // Shrink the pictures first (to 60%), then the type (to 65%), until the page fits.
  double pic = 1.0, type = 1.0;
  while (drill_page(cr, ps, p, pics, pic, type, false) > bottom && (pic > 0.6 || type > 0.65)) {
    if (pic > 0.6) pic -= 0.05;
    else type -= 0.05;
  }
  drill_page(cr, ps, p, pics, pic, type, true);
  footer(cr, ps, doc, static_cast<int>(index) + 1, pages);
}

Result<SurfacePtr> logo_of(const HandoutDocument& doc) {
  if (doc.logo_png.empty()) return SurfacePtr{};
  return read_logo(doc.logo_png);
}

}  // namespace

Result<std::string> handout_pdf(const HandoutDocument& doc) {
  auto logo = logo_of(doc);
  if (!logo) return logo.error();
  const PaperSize ps = paper_size(doc.paper);
  std::string bytes;
  SurfacePtr surface(cairo_pdf_surface_create_for_stream(append_bytes, &bytes, ps.width_pt, ps.height_pt));
  cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_TITLE,
                                 (doc.title + (doc.patient.empty() ? "" : " — " + doc.patient)).c_str());
  cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATOR, "HipLab");
  cairo_t* cr = cairo_create(surface.get());
  for (std::size_t i = 0; i <= doc.pages.size(); ++i) {
    draw_page(cr, ps, doc, logo->get(), i);
    cairo_show_page(cr);
  }
  const cairo_status_t st = cairo_status(cr);
  cairo_destroy(cr);
  cairo_surface_finish(surface.get());
  const cairo_status_t sst = cairo_surface_status(surface.get());
  if (st != CAIRO_STATUS_SUCCESS || sst != CAIRO_STATUS_SUCCESS)
    return make_error(std::string("cannot make the PDF: ") + cairo_status_to_string(st != CAIRO_STATUS_SUCCESS ? st : sst));
  return bytes;
}

Result<std::string> handout_page_png(const HandoutDocument& doc, int page, double dpi) {
  const int pages = 1 + static_cast<int>(doc.pages.size());
  if (page < 1 || page > pages)
    return make_error("page " + std::to_string(page) + ": expected 1 to " + std::to_string(pages) + " (1 is the cover)");
  if (!(dpi >= 10.0 && dpi <= 600.0)) return make_error("dpi: expected 10 to 600");
  auto logo = logo_of(doc);
  if (!logo) return logo.error();
  const PaperSize ps = paper_size(doc.paper);
  const double scale = dpi / 72.0;
  SurfacePtr surface(cairo_image_surface_create(CAIRO_FORMAT_RGB24, static_cast<int>(ps.width_pt * scale + 0.5),
                                                static_cast<int>(ps.height_pt * scale + 0.5)));
  cairo_t* cr = cairo_create(surface.get());
  cairo_set_source_rgb(cr, 1.0, 1.0, 1.0);  // paper
  cairo_paint(cr);
  cairo_scale(cr, scale, scale);
  draw_page(cr, ps, doc, logo->get(), static_cast<std::size_t>(page - 1));
  const cairo_status_t st = cairo_status(cr);
  cairo_destroy(cr);
  cairo_surface_flush(surface.get());
  std::string bytes;
  const cairo_status_t wst = st == CAIRO_STATUS_SUCCESS ? cairo_surface_write_to_png_stream(surface.get(), append_bytes, &bytes) : st;
  if (wst != CAIRO_STATUS_SUCCESS) return make_error(std::string("cannot draw the page: ") + cairo_status_to_string(wst));
  return bytes;
}

}  // namespace hiplab::media
