#include "app/cmd_complete.h"

#include <algorithm>
#include <cstdio>

#include "anatomy/muscle_data.h"
#include "anatomy/rom_norms.h"
#include "anatomy/skeleton.h"
#include "app/cmd_drill_moment.h"
#include "biomech/posture.h"

namespace hiplab::app {

namespace {

const CLI::Option* find_option(const CLI::App& app, const std::string& word) {
  for (const CLI::Option* o : app.get_options()) {
    for (const std::string& l : o->get_lnames())
      if (word == "--" + l) return o;
    for (const std::string& s : o->get_snames())
      if (word == "-" + s) return o;
  }
  return nullptr;
}

// A muscle's plain name as one shell word: find_muscles ignores spaces, '_' and parentheses, so
// "gluteus medius (anterior)" is offered as gluteus_medius_anterior.
std::string one_word(std::string_view label) {
  std::string w;
  for (char c : label) {
    if (c == '(' || c == ')') continue;
    w += c == ' ' ? '_' : c;
  }
  return w;
}

std::vector<std::string> muscle_names() {
  std::vector<std::string> v;
  for (int i = 0; i < anatomy::kMuscleCount; ++i) {
    v.push_back(anatomy::muscle_name(i, anatomy::Side::kRight));
    v.push_back(anatomy::muscle_name(i, anatomy::Side::kLeft));
    const std::string plain = one_word(anatomy::muscle(i).label);
    v.push_back(plain);
    // Without its part: "gluteus_medius" names all three parts.
    if (const auto paren = anatomy::muscle(i).label.find(" ("); paren != std::string_view::npos)
      v.push_back(one_word(anatomy::muscle(i).label.substr(0, paren)));
    v.push_back(one_word(anatomy::muscle_group_name(anatomy::muscle(i).group)));
  }
  return v;
}

// The values an option takes, or {kCompleteFiles}; empty when they cannot be listed (numbers).
std::vector<std::string> option_values(const std::string& command, const std::string& option) {
  if (option == "--model" || option == "--out" || option == "--screenshot" || option == "--logo") return {kCompleteFiles};
  if (option == "--paper") return {"a4", "letter"};
  if (option == "--records") return {"off", "default"};
  if (option == "--position") return {"supine", "prone", "seated"};
  if (option == "--method") return {"goniometer", "inclinometer", "visual_estimate", "photo"};
  if (option == "--sex") return {"female", "male", "other", "unstated"};
  if (option == "--drill") {
    std::vector<std::string> v;
    for (const KnownDrill& k : load_known_drills().drills) v.push_back(k.drill.id);
    return v;
  }
  if (option == "--muscle" || option == "--select") {
    std::vector<std::string> v = muscle_names();
    if (option == "--muscle") v.push_back("all");
    if (option == "--select")
      for (const anatomy::BodyInfo& b : anatomy::bodies()) v.emplace_back(b.name);
    return v;
  }
  if (option == "--side") {
    if (command == "activations") return {"left", "right", "both"};
    return {"left", "right"};
  }
  if (option == "--working-side") return {"left", "right"};
  if (option == "--view") return {"front", "back", "left", "right", "side", "top", "drill"};
  if (option == "--highlight") return {"working", "stretched", "none"};
  if (option == "--skin") return {"faint", "outline", "off"};
  if (option == "--contacts" || option == "--names" || option == "--overlay" || option == "--captions") return {"on", "off"};
  if (option == "--framing") return {"pose", "drill"};
  if (option == "--dof") return {"hip_rotation", "hip_flexion", "hip_adduction", "knee", "ankle", "subtalar"};
  if (option == "--without") return {"skin", "muscles", "bones", "floor", "overlay", "labels"};
  if (option == "--age-group") {
    std::vector<std::string> v;
    for (const anatomy::RomNorm& n : anatomy::rom_norms()) v.emplace_back(n.id);
    return v;
  }
  if (option == "--posture") {
    std::vector<std::string> v;
    for (biomech::Posture p : biomech::all_postures()) v.emplace_back(biomech::posture_name(p));
    return v;
  }
  return {};
}

std::vector<std::string> option_names(const CLI::App& app) {
  std::vector<std::string> v;
  for (const CLI::Option* o : app.get_options()) {
    if (o->get_group().empty()) continue;
    for (const std::string& l : o->get_lnames()) v.push_back("--" + l);
  }
  return v;
}

}  // namespace

std::vector<std::string> completions(const CLI::App& root, const std::vector<std::string>& words) {
  const std::string cur = words.empty() ? "" : words.back();
  const CLI::App* context = &root;
  std::string command;
  // Down the commands typed so far: "patients" then "list", and so on (command names the leaf).
  for (std::size_t i = 0; i + 1 < words.size(); ++i)
    for (const CLI::App* sub : context->get_subcommands(visible_subcommand))
      if (sub->get_name() == words[i]) {
        context = sub;
        command = words[i];
        break;
      }
  std::vector<std::string> all;
  const std::string prev = words.size() >= 2 ? words[words.size() - 2] : "";
  const CLI::Option* prev_opt = prev.rfind("-", 0) == 0 ? find_option(*context, prev) : nullptr;
  if (prev_opt && prev == "--drills") {
    // A comma-separated list: the drill ids after what is typed up to the last comma.
    const std::size_t comma = cur.rfind(',');
    const std::string head = comma == std::string::npos ? "" : cur.substr(0, comma + 1);
    for (const std::string& id : option_values(command, "--drill")) all.push_back(head + id);
  } else if (prev_opt && prev_opt->get_type_size() != 0) {
    all = option_values(command, prev);
  } else if (cur.rfind("-", 0) == 0) {
    all = option_names(*context);
  } else if (!context->get_subcommands(visible_subcommand).empty()) {
    for (const CLI::App* sub : context->get_subcommands(visible_subcommand))
      all.push_back(sub->get_name());
  } else {
    bool positional = false;
    for (const CLI::Option* o : context->get_options())
      positional = positional || (o->get_lnames().empty() && o->get_snames().empty());
    all = positional ? std::vector<std::string>{kCompleteFiles} : option_names(*context);
  }
  if (all.size() == 1 && all[0] == kCompleteFiles) return all;
  std::vector<std::string> out;
  for (const std::string& a : all)
    if (a.rfind(cur, 0) == 0 && std::find(out.begin(), out.end(), a) == out.end()) out.push_back(a);
  return out;
}

int run_complete(const CLI::App& root, std::vector<std::string> words) {
  if (words.empty()) words.emplace_back();
  for (const std::string& c : completions(root, words)) std::printf("%s\n", c.c_str());
  return 0;
}

}  // namespace hiplab::app
