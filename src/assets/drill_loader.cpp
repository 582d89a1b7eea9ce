// drill_loader.cpp — see drill_loader.h. [SECTION] line map, [SECTION] field readers, [SECTION] drill.
#include "assets/drill_loader.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include <nlohmann/json.hpp>

#include "anatomy/joint_coordinates.h"
#include "core/atomic_file.h"
#include "core/units.h"
#include "motion/posture_frames.h"

namespace hiplab {
namespace {
// Ordered: an upgraded file keeps its fields in the order the author wrote them.
using json = nlohmann::ordered_json;
using motion::Channel;

// [SECTION] line map: field path -> 1-based line, from a scan of text that nlohmann already accepted.
class LineMap {
 public:
  explicit LineMap(std::string_view text) { scan(text); }
  // The line of `path`, or of its nearest enclosing field when it is missing (e.g. a missing key).
  int line(std::string path) const {
    while (!path.empty()) {
      if (auto it = lines_.find(path); it != lines_.end()) return it->second;
      const size_t cut = path.find_last_of(".[");
      if (cut == std::string::npos) break;
      path.resize(cut);
    }
    return 0;
  }

 private:
  std::map<std::string, int> lines_;
  void scan(std::string_view s) {
    struct Level {
      bool array;
      int index;
      std::string base;
    };
    std::vector<Level> stack;
    std::string pending_key;
    bool have_key = false;
    int line = 1;
    auto child = [&](const Level& lv, const std::string& key) {
      if (lv.array) return lv.base + "[" + std::to_string(lv.index) + "]";
      return lv.base.empty() ? key : lv.base + "." + key;
    };
    auto value_start = [&]() -> std::string {  // path of the value starting here
      if (stack.empty()) return "";
      Level& lv = stack.back();
      std::string p = child(lv, pending_key);
      if (lv.array) lines_.emplace(p, line);
      have_key = false;
      return p;
    };
    for (size_t i = 0; i < s.size(); ++i) {
      const char c = s[i];
      if (c == '\n') { ++line; continue; }
      if (c == '"') {
        size_t j = i + 1;
        std::string str;
        while (j < s.size() && s[j] != '"') {
          if (s[j] == '\\' && j + 1 < s.size()) { str += s[j + 1]; j += 2; continue; }
          if (s[j] == '\n') ++line;
          str += s[j++];
        }
        // A key when the next non-space character is ':' inside an object.
        size_t k = j + 1;
        while (k < s.size() && (s[k] == ' ' || s[k] == '\t' || s[k] == '\r' || s[k] == '\n')) ++k;
        if (!stack.empty() && !stack.back().array && !have_key && k < s.size() && s[k] == ':') {
          pending_key = str;
          have_key = true;
          lines_.emplace(child(stack.back(), str), line);
        } else {
          value_start();
        }
        i = j;
        continue;
      }
      if (c == '{' || c == '[') {
        std::string p = value_start();
        stack.push_back({c == '[', 0, p});
        continue;
      }
      if (c == '}' || c == ']') {
        if (!stack.empty()) stack.pop_back();
        have_key = false;
        continue;
      }
      if (c == ',') {
        if (!stack.empty() && stack.back().array) ++stack.back().index;
        have_key = false;
        continue;
      }
      if (c == '-' || (c >= '0' && c <= '9') || c == 't' || c == 'f' || c == 'n') {
        value_start();
        while (i + 1 < s.size() && std::string_view(",]}\n \t\r").find(s[i + 1]) == std::string_view::npos) ++i;
      }
    }
  }
};

// [SECTION] field readers — each throws FieldError, caught once in parse_drill.
struct FieldError {
  std::string path;
  std::string message;
};

std::string num(double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}

std::string join(const std::string& base, const std::string& key) { return base.empty() ? key : base + "." + key; }
std::string at(const std::string& base, size_t i) { return base + "[" + std::to_string(i) + "]"; }

std::string type_of(const json& v) {
  if (v.is_null()) return "null";
  if (v.is_boolean()) return "a boolean";
  if (v.is_number()) return "a number";
  if (v.is_string()) return "a string \"" + v.get<std::string>().substr(0, 40) + "\"";
  if (v.is_array()) return "an array";
  return "an object";
}

const json& require(const json& obj, const std::string& base, const std::string& key, const char* expected) {
  auto it = obj.find(key);
  if (it == obj.end()) throw FieldError{join(base, key), std::string("missing (expected ") + expected + ")"};
  return *it;
}

double number(const json& v, const std::string& path, const char* expected) {
  if (!v.is_number()) throw FieldError{path, std::string("expected ") + expected + ", got " + type_of(v)};
  const double d = v.get<double>();
  if (!std::isfinite(d)) throw FieldError{path, std::string("expected a finite number (") + expected + ")"};
  return d;
}
std::string string(const json& v, const std::string& path) {
  if (!v.is_string()) throw FieldError{path, "expected a string, got " + type_of(v)};
  return v.get<std::string>();
}
bool boolean(const json& v, const std::string& path) {
  if (!v.is_boolean()) throw FieldError{path, "expected true or false, got " + type_of(v)};
  return v.get<bool>();
}
int integer(const json& v, const std::string& path, const char* expected) {
  const double d = number(v, path, expected);
  if (d != std::floor(d) || std::abs(d) > 1e6) throw FieldError{path, std::string("expected a whole number (") + expected + ")"};
  return static_cast<int>(d);
}
const json& object(const json& v, const std::string& path) {
  if (!v.is_object()) throw FieldError{path, "expected an object {...}, got " + type_of(v)};
  return v;
}
const json& array(const json& v, const std::string& path) {
  if (!v.is_array()) throw FieldError{path, "expected an array [...], got " + type_of(v)};
  return v;
}
std::vector<std::string> strings(const json& v, const std::string& path) {
  std::vector<std::string> out;
  for (size_t i = 0; i < array(v, path).size(); ++i) out.push_back(string(v[i], at(path, i)));
  return out;
}
glm::dvec3 vec3(const json& v, const std::string& path) {
  if (!v.is_array() || v.size() != 3) throw FieldError{path, "expected [x, y, z] in metres, got " + type_of(v)};
  return {number(v[0], at(path, 0), "metres"), number(v[1], at(path, 1), "metres"), number(v[2], at(path, 2), "metres")};
}
bool is_comment(const std::string& key) { return !key.empty() && key[0] == '_'; }
void only_known(const json& obj, const std::string& base, std::initializer_list<const char*> known) {
  for (auto it = obj.begin(); it != obj.end(); ++it) {
    if (is_comment(it.key())) continue;
    if (std::none_of(known.begin(), known.end(), [&](const char* k) { return it.key() == k; })) {
      std::string list;
      for (const char* k : known) list += std::string(list.empty() ? "" : ", ") + k;
      throw FieldError{join(base, it.key()), "unknown field (expected one of: " + list + ")"};
    }
  }
}

std::string channel_list() {
  std::string s;
  for (int i = 0; i < motion::kChannelCount; ++i) {
    const Channel c = motion::channel_at(i);
    s += std::string(i ? ", " : "") + std::string(motion::channel_name(c)) + (motion::channel_is_length(c) ? "_m" : "_deg");
  }
  return s;
}

// "hip_rotation_r_deg": 30 -> (channel, radians). Returns false for a key that is not a channel field.
void read_channels(const json& obj, const std::string& base, std::initializer_list<const char*> other_keys,
                   std::vector<std::pair<Channel, double>>& out) {
  for (auto it = obj.begin(); it != obj.end(); ++it) {
    const std::string& key = it.key();
    if (is_comment(key)) continue;
    if (std::any_of(other_keys.begin(), other_keys.end(), [&](const char* k) { return key == k; })) continue;
    const std::string path = join(base, key);
    const bool deg = key.size() > 4 && key.ends_with("_deg");
    const bool m = key.size() > 2 && key.ends_with("_m");
    const std::string name = deg ? key.substr(0, key.size() - 4) : m ? key.substr(0, key.size() - 2) : key;
    const auto ch = motion::find_channel(name);
    if (!ch) throw FieldError{path, "unknown joint or channel '" + name + "' (expected one of: " + channel_list() + ")"};
    if (motion::channel_is_length(*ch) && !m)
      throw FieldError{path, "a pelvis translation is in metres: expected the name " + name + "_m"};
    if (!motion::channel_is_length(*ch) && !deg)
      throw FieldError{path, "angles are in degrees: expected the name " + name + "_deg"};
    const double v = number(*it, path, deg ? "degrees" : "metres");
    out.emplace_back(*ch, deg ? deg_to_rad(v) : v);
  }
}

anatomy::Side side(const json& v, const std::string& path) {
  const std::string s = string(v, path);
  if (s == "right") return anatomy::Side::kRight;
  if (s == "left") return anatomy::Side::kLeft;
  throw FieldError{path, "expected \"right\" or \"left\", got \"" + s + "\""};
}
anatomy::LegCoord coord(const json& v, const std::string& path) {
  const std::string s = string(v, path);
  if (auto c = anatomy::find_coord(s)) return *c;
  throw FieldError{path, "unknown joint coordinate '" + s + "' (expected hip_flexion, hip_adduction, hip_rotation, knee, ankle, subtalar or mtp)"};
}
anatomy::BodyId body(const json& v, const std::string& path) {
  const std::string s = string(v, path);
  if (auto b = anatomy::find_body(s)) return *b;
  throw FieldError{path, "unknown body '" + s + "' (expected a Gait2392 body: pelvis, femur_r, tibia_r, talus_r, calcn_r, toes_r or the _l ones)"};
}

std::vector<motion::ContactPoint> contacts(const json& c, const std::string& path) {
  std::vector<motion::ContactPoint> out;
  for (size_t i = 0; i < array(c, path).size(); ++i) {
    const std::string n = string(c[i], at(path, i));
    const auto cp = motion::find_contact(n);
    if (!cp) throw FieldError{at(path, i), "unknown contact point '" + n + "' (expected e.g. sacrum, heel_r, knee_l, shin_mid_r, trochanter_l; see docs/drills.md)"};
    out.push_back(*cp);
  }
  return out;
}

// "ankle_l" (a landmark) or "femur_l" (a leg segment's centre of mass).
void contact_at(const json& v, const std::string& path, motion::DrillContact& c) {
  const std::string n = string(v, path);
  if (const auto cp = motion::find_contact(n)) {
    c.at = *cp;
    return;
  }
  if (const auto b = anatomy::find_body(n)) {
    const int i = anatomy::body_index(*b) - 2;
    const int seg = i % anatomy::kLegSegmentCount;
    if (i >= 0 && (seg == static_cast<int>(anatomy::LegSegment::kFemur) || seg == static_cast<int>(anatomy::LegSegment::kTibia) ||
                   seg == static_cast<int>(anatomy::LegSegment::kCalcn))) {
      c.at_body = *b;
      return;
    }
  }
  throw FieldError{path, "unknown contact point '" + n +
                             "' (expected a landmark such as heel_r, knee_l, ankle_r, shin_mid_l, trochanter_l, "
                             "or a leg segment femur_r, tibia_r, calcn_r (_l) for its centre of mass; see docs/drills.md)"};
}

// [{"at": "ankle_r", "on": "ankle_l"}, {"at": "knee_l", "on": "floor"}, ...]
std::vector<motion::DrillContact> read_contacts(const json& v, const std::string& path) {
  std::vector<motion::DrillContact> out;
  for (size_t i = 0; i < array(v, path).size(); ++i) {
    const std::string q = at(path, i);
    const json& e = object(v[i], q);
    only_known(e, q, {"at", "on", "friction", "carries"});
    motion::DrillContact c;
    contact_at(require(e, q, "at", "a landmark or leg segment, e.g. \"heel_r\""), join(q, "at"), c);
    const std::string on = string(require(e, q, "on", "\"floor\", \"support\" or a landmark"), join(q, "on"));
    if (on == "floor") {
      c.on = biomech::ContactSurface::kFloor;
    } else if (on == "support") {
      c.on = biomech::ContactSurface::kSupport;
    } else if (const auto cp = motion::find_contact(on)) {
      c.on = biomech::ContactSurface::kBody;
      c.other = *cp;
    } else {
      throw FieldError{join(q, "on"), "expected \"floor\", \"support\" or a landmark such as ankle_l, knee_r, "
                                      "hand_r (see docs/drills.md), got \"" + on + "\""};
    }
    if (e.contains("friction")) c.friction = number(e["friction"], join(q, "friction"), "a friction coefficient 0..2");
    if (e.contains("carries")) c.carries = boolean(e["carries"], join(q, "carries"));
    if (!c.at && c.on == biomech::ContactSurface::kFloor)
      throw FieldError{join(q, "at"), "a segment's centre of mass cannot rest on the floor (it is inside the "
                                      "body): name a landmark, or use \"on\": \"support\""};
    out.push_back(c);
  }
  return out;
}

// [SECTION] version 1 -> 2: floor_contacts become contacts on the floor; a phase's loads.supports
// (a segment's weight carried) become contacts at that segment's centre of mass on a support —
// a vertical push through the centre of mass cancels the segment's weight exactly, as a v1
// support did. Names are checked here so messages point at the v1 fields.
json floor_list(const json& names, const std::string& path) {
  json out = json::array();
  for (motion::ContactPoint c : contacts(names, path)) out.push_back({{"at", std::string(motion::contact_name(c))}, {"on", "floor"}});
  return out;
}

void upgrade_v1(json& j) {
  object(j, "(top level)");
  json drill_floor = json::array();
  if (j.contains("floor_contacts")) drill_floor = floor_list(j["floor_contacts"], "floor_contacts");
  json phases = j.contains("phases") ? j["phases"] : json();
  if (phases.is_array()) {
    for (size_t i = 0; i < phases.size(); ++i) {
      const std::string base = at("phases", i);
      json& ph = phases[i];
      if (!ph.is_object()) continue;
      json supports = json::array();
      bool has_supports = false;
      if (ph.contains("loads") && ph["loads"].is_object() && ph["loads"].contains("supports")) {
        const std::string p = join(base, "loads.supports");
        const json& sup = ph["loads"]["supports"];
        for (size_t k = 0; k < array(sup, p).size(); ++k) {
          const anatomy::BodyId b = body(sup[k], at(p, k));
          const int idx = anatomy::body_index(b) - 2;
          const int seg = idx % anatomy::kLegSegmentCount;
          if (idx < 0 || !(seg == 0 || seg == 1 || seg == 3))
            throw FieldError{at(p, k), "expected a leg segment that carries weight: femur_r, tibia_r, calcn_r (or _l)"};
          supports.push_back({{"at", sup[k].get<std::string>()}, {"on", "support"}});
        }
        has_supports = true;
        ph["loads"].erase("supports");
      }
      const bool own_floor = ph.contains("floor_contacts");
      if (!own_floor && !has_supports) continue;
      json list = own_floor ? floor_list(ph["floor_contacts"], join(base, "floor_contacts")) : drill_floor;
      for (const json& c : supports) list.push_back(c);
      json rebuilt = json::object();
      for (auto it = ph.begin(); it != ph.end(); ++it) {
        if (it.key() == "floor_contacts") { rebuilt["contacts"] = list; continue; }
        rebuilt[it.key()] = it.value();
        if (!own_floor && it.key() == "loads") rebuilt["contacts"] = list;
      }
      ph = rebuilt;
    }
  }
  json rebuilt = json::object();
  for (auto it = j.begin(); it != j.end(); ++it) {
    if (it.key() == "schema") { rebuilt["schema"] = "hiplab-drill/2"; continue; }
    if (it.key() == "floor_contacts") { rebuilt["contacts"] = drill_floor; continue; }
    rebuilt[it.key()] = it.key() == "phases" && phases.is_array() ? phases : it.value();
  }
  if (!rebuilt.contains("schema")) {  // first, where a reader looks for it
    json with = json::object();
    with["schema"] = "hiplab-drill/2";
    for (auto it = rebuilt.begin(); it != rebuilt.end(); ++it) with[it.key()] = it.value();
    rebuilt = with;
  }
  // A version-1 file names no contact under the trunk: only the legs are balanced, as before.
  if (!rebuilt.contains("whole_body")) rebuilt["whole_body"] = false;
  j = rebuilt;
}

// JSON as people write drill files: a container whose one-line form fits in 100 columns stays on
// one line ({"at": "knee_l", "on": "floor"}), a larger one is indented by 2 a level.
void pretty(const json& v, int indent, std::string& out) {
  auto inline_form = [](const json& x, auto&& self) -> std::string {
    if (x.is_object()) {
      std::string s = "{";
      for (auto it = x.begin(); it != x.end(); ++it)
        s += (it == x.begin() ? "" : ", ") + json(it.key()).dump() + ": " + self(it.value(), self);
      return s + "}";
    }
    if (x.is_array()) {
      std::string s = "[";
      for (size_t i = 0; i < x.size(); ++i) s += (i ? ", " : "") + self(x[i], self);
      return s + "]";
    }
    return x.dump();
  };
  const std::string one = inline_form(v, inline_form);
  if (!v.is_structured() || v.empty() || indent + one.size() <= 100) {
    out += one;
    return;
  }
  const std::string pad(static_cast<size_t>(indent + 2), ' ');
  out += v.is_object() ? "{\n" : "[\n";
  size_t i = 0;
  for (auto it = v.begin(); it != v.end(); ++it, ++i) {
    out += pad;
    if (v.is_object()) out += json(it.key()).dump() + ": ";
    pretty(*it, indent + 2, out);
    out += i + 1 < v.size() ? ",\n" : "\n";
  }
  out += std::string(static_cast<size_t>(indent), ' ') + (v.is_object() ? "}" : "]");
}

// 1 or 2, from "schema" (absent: 1, the format before versions were required).
int schema_version(const json& j) {
  if (!j.is_object() || !j.contains("schema")) return 1;
  const std::string s = string(j["schema"], "schema");
  if (s == "hiplab-drill/2") return 2;
  if (s == "hiplab-drill/1") return 1;
  throw FieldError{"schema", "expected \"hiplab-drill/2\" (or the older \"hiplab-drill/1\"), got \"" + s + "\""};
}

// A v1 field met in a v2 file: say what replaced it.
void no_v1_fields(const json& obj, const std::string& base, const char* field) {
  if (obj.is_object() && obj.contains(field))
    throw FieldError{join(base, field), std::string("a hiplab-drill/1 field: hiplab-drill/2 names \"contacts\" "
                                                    "instead (see docs/drills.md; hiplab check-drill --upgrade FILE converts a v1 file)")};
}

// [SECTION] drill
motion::PhaseLoads read_loads(const json& v, const std::string& base) {
  object(v, base);
  no_v1_fields(v, base, "supports");
  only_known(v, base, {"description", "effort_ramp_s", "efforts", "bands", "cables", "braces"});
  motion::PhaseLoads out;
  if (v.contains("description")) out.description = string(v["description"], join(base, "description"));
  if (v.contains("effort_ramp_s")) out.effort_ramp_s = number(v["effort_ramp_s"], join(base, "effort_ramp_s"), "seconds");
  if (v.contains("efforts")) {
    const std::string p = join(base, "efforts");
    for (size_t i = 0; i < array(v["efforts"], p).size(); ++i) {
      const std::string q = at(p, i);
      const json& e = object(v["efforts"][i], q);
      only_known(e, q, {"side", "coord", "percent"});
      biomech::Effort ef;
      ef.side = side(require(e, q, "side", "\"right\" or \"left\""), join(q, "side"));
      ef.coord = coord(require(e, q, "coord", "a joint coordinate"), join(q, "coord"));
      ef.fraction = number(require(e, q, "percent", "percent of the strongest effort, -100..100"), join(q, "percent"),
                           "percent, -100..100") / 100.0;
      out.loads.efforts.push_back(ef);
    }
  }
  auto point = [&](const json& e, const std::string& q) {
    biomech::BodyPoint bp;
    bp.body = body(require(e, q, "body", "a body name"), join(q, "body"));
    bp.local = vec3(require(e, q, "point_m", "[x, y, z] in the body's frame, metres"), join(q, "point_m"));
    return bp;
  };
  if (v.contains("bands")) {
    const std::string p = join(base, "bands");
    for (size_t i = 0; i < array(v["bands"], p).size(); ++i) {
      const std::string q = at(p, i);
      const json& e = object(v["bands"][i], q);
      only_known(e, q, {"body", "point_m", "anchor_m", "stiffness_n_per_m", "rest_length_m"});
      biomech::ElasticBand b;
      b.attachment = point(e, q);
      b.anchor_world = vec3(require(e, q, "anchor_m", "[x, y, z] in metres"), join(q, "anchor_m"));
      b.stiffness_n_per_m = number(require(e, q, "stiffness_n_per_m", "N/m"), join(q, "stiffness_n_per_m"), "N/m");
      if (e.contains("rest_length_m")) b.rest_length_m = number(e["rest_length_m"], join(q, "rest_length_m"), "metres");
      out.loads.bands.push_back(b);
    }
  }
  if (v.contains("cables")) {
    const std::string p = join(base, "cables");
    for (size_t i = 0; i < array(v["cables"], p).size(); ++i) {
      const std::string q = at(p, i);
      const json& e = object(v["cables"][i], q);
      only_known(e, q, {"body", "point_m", "pulley_m", "mass_kg"});
      biomech::Cable c;
      c.attachment = point(e, q);
      c.pulley_world = vec3(require(e, q, "pulley_m", "[x, y, z] in metres"), join(q, "pulley_m"));
      c.mass_kg = number(require(e, q, "mass_kg", "kilograms"), join(q, "mass_kg"), "kilograms");
      out.loads.cables.push_back(c);
    }
  }
  if (v.contains("braces")) {
    const std::string p = join(base, "braces");
    for (size_t i = 0; i < array(v["braces"], p).size(); ++i) {
      const std::string q = at(p, i);
      const json& e = object(v["braces"][i], q);
      only_known(e, q, {"side", "coord"});
      out.loads.braces.push_back({side(require(e, q, "side", "\"right\" or \"left\""), join(q, "side")),
                                  coord(require(e, q, "coord", "a joint coordinate"), join(q, "coord"))});
    }
  }
  return out;
}

motion::Phase read_phase(const json& v, const std::string& base) {
  object(v, base);
  no_v1_fields(v, base, "floor_contacts");
  only_known(v, base, {"name", "duration_s", "part", "easing", "hold", "end_range", "keyframes", "loads", "cues",
                       "contacts", "partner_hand", "grip"});
  motion::Phase p;
  p.name = string(require(v, base, "name", "a string"), join(base, "name"));
  p.duration_s = number(require(v, base, "duration_s", "a positive number of seconds"), join(base, "duration_s"),
                        "a positive number of seconds");
  if (p.duration_s <= 0.0)
    throw FieldError{join(base, "duration_s"), "expected a positive number of seconds, got " + num(p.duration_s)};
  if (v.contains("part")) {
    const std::string s = string(v["part"], join(base, "part"));
    if (s == "setup") p.part = motion::PhasePart::kSetup;
    else if (s == "rep") p.part = motion::PhasePart::kRep;
    else if (s == "finish") p.part = motion::PhasePart::kFinish;
    else throw FieldError{join(base, "part"), "expected \"setup\", \"rep\" or \"finish\", got \"" + s + "\""};
  }
  if (v.contains("easing")) {
    const std::string s = string(v["easing"], join(base, "easing"));
    if (s == "smooth") p.easing = motion::Easing::kSmooth;
    else if (s == "ease_in_out") p.easing = motion::Easing::kEaseInOut;
    else throw FieldError{join(base, "easing"), "expected \"smooth\" or \"ease_in_out\", got \"" + s + "\""};
  }
  if (v.contains("hold")) p.hold = boolean(v["hold"], join(base, "hold"));
  if (v.contains("end_range")) p.end_range = boolean(v["end_range"], join(base, "end_range"));
  if (v.contains("keyframes")) {
    const std::string kp = join(base, "keyframes");
    for (size_t i = 0; i < array(v["keyframes"], kp).size(); ++i) {
      const std::string q = at(kp, i);
      const json& k = object(v["keyframes"][i], q);
      motion::Keyframe kf;
      kf.time_s = number(require(k, q, "time_s", "seconds from the phase start"), join(q, "time_s"), "seconds");
      if (kf.time_s <= 0.0 || kf.time_s > p.duration_s + 1e-9)
        throw FieldError{join(q, "time_s"), "expected a time in (0, " + num(p.duration_s) +
                                                "] seconds from the phase start, got " + num(kf.time_s)};
      if (k.contains("stop")) kf.stop = boolean(k["stop"], join(q, "stop"));
      read_channels(k, q, {"time_s", "stop"}, kf.values);
      p.keyframes.push_back(std::move(kf));
    }
  }
  if (v.contains("loads")) p.loads = read_loads(v["loads"], join(base, "loads"));
  if (v.contains("cues")) p.cues = strings(v["cues"], join(base, "cues"));
  if (v.contains("contacts")) p.contacts = read_contacts(v["contacts"], join(base, "contacts"));
  if (v.contains("partner_hand")) {
    const std::string q = join(base, "partner_hand");
    const json& h = object(v["partner_hand"], q);
    only_known(h, q, {"at", "from"});
    motion::PartnerHand ph;
    const std::string name = string(require(h, q, "at", "a landmark, e.g. \"ankle_r\""), join(q, "at"));
    const auto cp = motion::find_contact(name);
    if (!cp) throw FieldError{join(q, "at"), "expected a landmark such as ankle_r or knee_l (see docs/drills.md), got \"" + name + "\""};
    ph.at = *cp;
    const json& f = require(h, q, "from", "[x, y, z]: the side of the landmark the hand is on, in the pelvis frame");
    const std::string fp = join(q, "from");
    if (!f.is_array() || f.size() != 3)
      throw FieldError{fp, "expected [x, y, z] (x anterior, y superior, z right), got " + type_of(f)};
    ph.from = {number(f[0], at(fp, 0), "a direction component"), number(f[1], at(fp, 1), "a direction component"),
               number(f[2], at(fp, 2), "a direction component")};
    if (glm::length(ph.from) < 1e-6) throw FieldError{fp, "expected a direction, got [0, 0, 0]"};
    p.partner_hand = ph;
  }
  if (v.contains("grip")) {
    const std::string q = join(base, "grip");
    const json& g = object(v["grip"], q);
    only_known(g, q, {"hand", "at_m"});
    motion::Grip grip;
    const std::string hand = string(require(g, q, "hand", "\"hand_r\" or \"hand_l\""), join(q, "hand"));
    if (hand == "hand_r") grip.hand = anatomy::Side::kRight;
    else if (hand == "hand_l") grip.hand = anatomy::Side::kLeft;
    else throw FieldError{join(q, "hand"), "expected \"hand_r\" or \"hand_l\", got \"" + hand + "\""};
    const json& a = require(g, q, "at_m", "[x, y, z]: where the hand holds, in the pelvis frame (m)");
    const std::string ap = join(q, "at_m");
    if (!a.is_array() || a.size() != 3)
      throw FieldError{ap, "expected [x, y, z] in metres (x anterior, y superior, z right), got " + type_of(a)};
    grip.at = {number(a[0], at(ap, 0), "metres"), number(a[1], at(ap, 1), "metres"), number(a[2], at(ap, 2), "metres")};
    // Out of any arm's reach (shoulder 0.5 m above and 0.2 m beside the hip joints, arm 0.7 m):
    // a typo, not a handle.
    if (glm::length(grip.at) > 1.5) throw FieldError{ap, "expected a point within 1.5 m of the pelvis (a hand's reach)"};
    p.grip = grip;
  }
  return p;
}

motion::Drill read_drill(const json& j) {
  object(j, "(top level)");
  no_v1_fields(j, "", "floor_contacts");
  only_known(j, "", {"schema", "name", "summary", "kind", "posture", "working_side", "start", "phases", "dosage",
                     "safety", "myths", "contacts", "sources", "views", "highlight", "whole_body", "handout"});
  motion::Drill d;
  d.name = string(require(j, "", "name", "a string"), "name");
  if (j.contains("summary")) d.summary = string(j["summary"], "summary");
  if (j.contains("kind")) d.kind = string(j["kind"], "kind");
  {
    const std::string s = string(require(j, "", "posture", "a posture name"), "posture");
    const auto p = motion::posture_from_label(s);
    if (!p) {
      std::string list;
      for (biomech::Posture q : motion::kPostures) list += std::string(list.empty() ? "" : ", ") + std::string(motion::posture_label(q));
      throw FieldError{"posture", "unknown posture \"" + s + "\" (expected one of: " + list + ")"};
    }
    d.posture = *p;
  }
  if (j.contains("working_side")) d.working_side = side(j["working_side"], "working_side");
  {
    const json& s = object(require(j, "", "start", "an object of joint angles, e.g. {\"hip_flexion_r_deg\": 90}"), "start");
    std::vector<std::pair<Channel, double>> values;
    read_channels(s, "start", {}, values);
    for (const auto& [c, v] : values) d.start[c] = v;
  }
  {
    const json& ph = array(require(j, "", "phases", "an array of phases"), "phases");
    if (ph.empty()) throw FieldError{"phases", "expected at least one phase"};
    for (size_t i = 0; i < ph.size(); ++i) d.phases.push_back(read_phase(ph[i], at("phases", i)));
  }
  if (j.contains("dosage")) {
    const json& o = object(j["dosage"], "dosage");
    only_known(o, "dosage", {"sets", "reps", "hold_s", "per_side", "rest_s", "daily_minutes", "text"});
    if (o.contains("sets")) d.dosage.sets = integer(o["sets"], "dosage.sets", "sets, at least 1");
    if (o.contains("reps")) d.dosage.reps = integer(o["reps"], "dosage.reps", "repetitions, at least 1");
    if (o.contains("hold_s")) d.dosage.hold_s = number(o["hold_s"], "dosage.hold_s", "seconds");
    if (o.contains("per_side")) d.dosage.per_side = boolean(o["per_side"], "dosage.per_side");
    if (o.contains("rest_s")) d.dosage.rest_s = number(o["rest_s"], "dosage.rest_s", "seconds");
    if (o.contains("daily_minutes")) d.dosage.daily_minutes = number(o["daily_minutes"], "dosage.daily_minutes", "minutes");
    if (o.contains("text")) d.dosage.text = string(o["text"], "dosage.text");
  }
  if (j.contains("safety")) d.safety = strings(j["safety"], "safety");
  if (j.contains("sources")) d.sources = strings(j["sources"], "sources");
  if (j.contains("myths")) {
    const json& m = array(j["myths"], "myths");
    for (size_t i = 0; i < m.size(); ++i) {
      const std::string q = at("myths", i);
      object(m[i], q);
      only_known(m[i], q, {"claim", "correction"});
      d.myths.push_back({string(require(m[i], q, "claim", "a string"), join(q, "claim")),
                         string(require(m[i], q, "correction", "a string"), join(q, "correction"))});
    }
  }
  if (j.contains("contacts")) d.contacts = read_contacts(j["contacts"], "contacts");
  if (j.contains("views")) {
    const json& vs = array(j["views"], "views");
    for (size_t i = 0; i < vs.size(); ++i) {
      const std::string q = at("views", i);
      object(vs[i], q);
      only_known(vs[i], q, {"name", "from", "therapist"});
      motion::DrillView v;
      v.name = string(require(vs[i], q, "name", "a string"), join(q, "name"));
      if (v.name.empty()) throw FieldError{join(q, "name"), "expected a name for the view, got an empty string"};
      const json& f = require(vs[i], q, "from", "[x, y, z]: the direction toward the eye in the pelvis frame");
      if (!f.is_array() || f.size() != 3)
        throw FieldError{join(q, "from"), "expected [x, y, z] (x anterior, y superior, z right), got " + type_of(f)};
      const std::string fp = join(q, "from");
      v.from = {number(f[0], at(fp, 0), "a direction component"), number(f[1], at(fp, 1), "a direction component"),
                number(f[2], at(fp, 2), "a direction component")};
      if (glm::length(v.from) < 1e-6) throw FieldError{fp, "expected a direction, got [0, 0, 0]"};
      if (vs[i].contains("therapist")) v.therapist = boolean(vs[i]["therapist"], join(q, "therapist"));
      if (v.therapist)
        for (const motion::DrillView& other : d.views)
          if (other.therapist)
            throw FieldError{join(q, "therapist"), "expected at most one therapist's view, \"" + other.name + "\" is one already"};
      d.views.push_back(v);
    }
  }
  if (j.contains("whole_body")) d.whole_body = boolean(j["whole_body"], "whole_body");
  if (j.contains("highlight")) {
    d.highlight = string(j["highlight"], "highlight");
    if (d.highlight != "working" && d.highlight != "stretched")
      throw FieldError{"highlight", "expected \"working\" or \"stretched\", got \"" + d.highlight + "\""};
  }
  if (j.contains("handout")) {
    // What a printed handout needs (docs/drills.md, "handout"); the phase names and counts are
    // checked by motion::validate, which sees the whole drill.
    const json& h = object(j["handout"], "handout");
    only_known(h, "handout", {"how_often", "feel", "stop_if", "key_moments"});
    if (h.contains("how_often")) d.handout.how_often = string(h["how_often"], "handout.how_often");
    if (h.contains("feel")) d.handout.feel = string(h["feel"], "handout.feel");
    if (h.contains("stop_if")) d.handout.stop_if = strings(h["stop_if"], "handout.stop_if");
    if (h.contains("key_moments")) {
      const json& km = array(h["key_moments"], "handout.key_moments");
      for (size_t i = 0; i < km.size(); ++i) {
        const std::string q = at("handout.key_moments", i);
        object(km[i], q);
        only_known(km[i], q, {"phase", "at", "caption"});
        motion::HandoutMoment m;
        m.phase = string(require(km[i], q, "phase", "a phase name"), join(q, "phase"));
        if (km[i].contains("at")) m.at = number(km[i]["at"], join(q, "at"), "a fraction of the phase, 0 to 1");
        m.caption = string(require(km[i], q, "caption", "a caption in plain words"), join(q, "caption"));
        d.handout.key_moments.push_back(std::move(m));
      }
    }
  }
  return d;
}

std::string located(const std::string& file, int line, const std::string& field, const std::string& msg) {
  // Appends only: GCC 12 at -O2 warns falsely (-Wrestrict) on ":" + std::to_string(line).
  std::string s = file;
  if (line > 0) s.append(":").append(std::to_string(line));
  s.append(": ");
  if (!field.empty()) s.append(field).append(": ");
  return s.append(msg);
}

// First byte that makes the text not JSON-able text: a NUL or other control byte, or invalid UTF-8.
std::optional<size_t> binary_byte(std::string_view t) {
  for (size_t i = 0; i < t.size();) {
    const auto c = static_cast<unsigned char>(t[i]);
    if (c < 0x80) {
      if (c < 0x20 && c != '\n' && c != '\r' && c != '\t') return i;
      ++i;
      continue;
    }
    int n = (c & 0xE0) == 0xC0 ? 1 : (c & 0xF0) == 0xE0 ? 2 : (c & 0xF8) == 0xF0 ? 3 : -1;
    if (n < 0) return i;
    for (int k = 1; k <= n; ++k)
      if (i + k >= t.size() || (static_cast<unsigned char>(t[i + k]) & 0xC0) != 0x80) return i;
    i += n + 1;
  }
  return std::nullopt;
}

// Text -> JSON, with the loader's messages for empty, binary and broken files.
Result<json> parse_json(std::string_view text, const std::string& file) {
  if (text.find_first_not_of(" \t\r\n") == std::string_view::npos)
    return make_error(file + ": empty file (expected a JSON object describing a drill; see docs/drills.md)");
  if (auto b = binary_byte(text))
    return make_error(file + ": not a text file (binary data at byte " + std::to_string(*b) +
                      "; expected a UTF-8 JSON drill file)");
  json j;
  try {
    j = json::parse(text.begin(), text.end());
  } catch (const json::parse_error& e) {
    std::string what = e.what();
    if (auto p = what.find("] "); p != std::string::npos) what = what.substr(p + 2);
    int line = 1;
    for (size_t i = 0; i < std::min<size_t>(e.byte, text.size()); ++i) line += text[i] == '\n';
    return make_error(file + ":" + std::to_string(line) + ": not valid JSON: " + what);
  } catch (const json::out_of_range& e) {  // a number too large for a double: 1e999
    const std::string what = e.what();
    const size_t q = what.find('\'');
    const std::string token = q == std::string::npos ? "" : what.substr(q + 1, what.find('\'', q + 1) - q - 1);
    int line = 0;
    if (const size_t at = token.empty() ? std::string_view::npos : text.find(token); at != std::string_view::npos) {
      line = 1;
      for (size_t i = 0; i < at; ++i) line += text[i] == '\n';
    }
    return make_error(located(file, line, "", "number " + token + " is too large (expected a finite number)"));
  } catch (const std::exception& e) {
    return make_error(file + ": not valid JSON: " + e.what());
  }
  return j;
}

}  // namespace

Result<motion::Drill> parse_drill(std::string_view text, const std::string& file, const std::string& id) {
  auto parsed = parse_json(text, file);
  if (!parsed) return parsed.error();
  json& j = parsed.value();
  const LineMap lines(text);
  motion::Drill d;
  try {
    const int version = schema_version(j);
    if (version == 1) upgrade_v1(j);
    d = read_drill(j);
    d.format_version = version;
  } catch (const FieldError& fe) {
    return make_error(located(file, lines.line(fe.path), fe.path, fe.message));
  } catch (const std::exception& e) {  // a reader missed a type check: still one line, never a crash
    return make_error(file + ": unexpected content: " + e.what());
  }
  d.id = id;
  const std::vector<std::string> errors = motion::validate(d);
  if (!errors.empty()) {
    const std::string& first = errors.front();
    const std::string path = first.substr(0, first.find_first_of(": "));
    std::string msg = located(file, lines.line(path), "", first);
    if (errors.size() > 1) msg += " (and " + std::to_string(errors.size() - 1) + " more)";
    return make_error(msg);
  }
  return d;
}

namespace {
Result<std::string> read_text(const std::string& path) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_regular_file(path, ec)) return make_error(path + ": no such file (expected a drill .json file)");
  const auto size = fs::file_size(path, ec);
  if (ec) return make_error(path + ": cannot read (" + ec.message() + ")");
  if (size > 4u * 1024 * 1024) return make_error(path + ": too large (" + std::to_string(size) + " bytes; a drill file is at most 4 MiB)");
  std::ifstream in(path, std::ios::binary);
  if (!in) return make_error(path + ": cannot open for reading");
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}
}  // namespace

Result<motion::Drill> load_drill_file(const std::string& path) {
  auto text = read_text(path);
  if (!text) return text.error();
  return parse_drill(text.value(), path, std::filesystem::path(path).stem().string());
}

std::string upgrade_notice(const std::string& file) {
  return file + ": a hiplab-drill/1 file, converted on loading (floor_contacts and supports became contacts); "
                "`hiplab check-drill --upgrade " + file + "` rewrites it as hiplab-drill/2";
}

Result<std::string> upgrade_drill_text(std::string_view text, const std::string& file) {
  auto d = parse_drill(text, file, "upgrade");  // the whole v1 file must be good first
  if (!d) return d.error();
  if (d->format_version == 2) return make_error(file + ": already hiplab-drill/2 (nothing to upgrade)");
  auto parsed = parse_json(text, file);
  if (!parsed) return parsed.error();
  json& j = parsed.value();
  try {
    upgrade_v1(j);
  } catch (const FieldError& fe) {
    return make_error(located(file, 0, fe.path, fe.message));
  }
  std::string out;
  pretty(j, 0, out);
  out += "\n";
  auto check = parse_drill(out, file + " (upgraded)", "upgrade");
  if (!check) return check.error();
  return out;
}

Result<std::string> upgrade_drill_file(const std::string& path) {
  namespace fs = std::filesystem;
  auto text = read_text(path);
  if (!text) return text.error();
  auto upgraded = upgrade_drill_text(text.value(), path);
  if (!upgraded) return upgraded.error();
  // The backup never replaces an older one: FILE.v1.bak, else FILE.v1.bak.2, .3, ...
  std::string backup = path + ".v1.bak";
  std::error_code ec;
  for (int k = 2; fs::exists(backup, ec) || ec; ++k) {
    if (k > 999) return make_error(path + ": cannot choose a backup name (" + path + ".v1.bak.2 .. .999 all exist)");
    backup = path + ".v1.bak." + std::to_string(k);
  }
  if (Status s = write_file_atomic(backup, text.value()); !s) return s.error();
  if (Status s = write_file_atomic(path, upgraded.value()); !s) return s.error();
  return backup;
}

DrillFolder load_drill_folder(const std::string& dir) {
  namespace fs = std::filesystem;
  DrillFolder out;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return out;
  std::vector<fs::path> files;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
    if (it->path().extension() == ".json") files.push_back(it->path());
  if (ec) out.errors.push_back(dir + ": cannot list the folder (" + ec.message() + ")");
  std::sort(files.begin(), files.end());
  for (const fs::path& f : files) {
    auto d = load_drill_file(f.string());
    if (d) {
      if (d->format_version == 1) out.notices.push_back(upgrade_notice(f.string()));
      out.drills.push_back(std::move(d.value()));
      out.files.push_back(f.string());
    } else {
      out.errors.push_back(d.error().message);
    }
  }
  return out;
}

}  // namespace hiplab
