#include "assets/scene_export.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstring>
#include <filesystem>
#include <limits>

#include <nlohmann/json.hpp>

#include "core/atomic_file.h"

namespace hiplab {
namespace {

using nlohmann::json;

constexpr int kFloat = 5126, kUInt = 5125, kArrayBuffer = 34962, kElementArrayBuffer = 34963, kTriangles = 4;

bool has_triangles(const ExportObject& o) { return o.indices.size() >= 3 && !o.positions.empty(); }

glm::vec4 clamped(const glm::vec4& c) { return glm::clamp(c, glm::vec4(0.0f), glm::vec4(1.0f)); }

void append_u32(std::string& out, std::uint32_t v) {
  char b[4];
  std::memcpy(b, &v, 4);  // glTF is little-endian, as every platform HipLab builds on
  out.append(b, 4);
}

// OBJ and MTL names are single words.
std::string obj_word(const std::string& name) {
  std::string w = name.empty() ? std::string("object") : name;
  for (char& c : w)
    if (std::isspace(static_cast<unsigned char>(c)) || c == '#') c = '_';
  return w;
}

void append_fixed(std::string& out, float v, int decimals) {
  char buf[64];
  const auto r = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, decimals);
  out.append(buf, r.ptr);
}

}  // namespace

std::optional<ExportFormat> export_format_for(const std::string& path) {
  std::string ext = std::filesystem::path(path).extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (ext == ".glb") return ExportFormat::kGlb;
  if (ext == ".obj") return ExportFormat::kObj;
  return std::nullopt;
}

std::string mtl_path_for(const std::string& obj_path) {
  return std::filesystem::path(obj_path).replace_extension(".mtl").string();
}

std::string export_glb_bytes(const ExportScene& scene) {
  std::string bin;
  json views = json::array(), accessors = json::array(), meshes = json::array(), nodes = json::array(),
       materials = json::array(), roots = json::array();
  // One buffer view and accessor per attribute; all data is 4-byte aligned (floats and uint32).
  auto add = [&](const void* data, std::size_t bytes, int target, json accessor) {
    views.push_back({{"buffer", 0}, {"byteOffset", bin.size()}, {"byteLength", bytes}, {"target", target}});
    bin.append(static_cast<const char*>(data), bytes);
    accessor["bufferView"] = views.size() - 1;
    accessors.push_back(std::move(accessor));
    return accessors.size() - 1;
  };
  for (const ExportObject& o : scene.objects) {
    if (!has_triangles(o)) continue;
    glm::vec3 lo(std::numeric_limits<float>::max()), hi(-std::numeric_limits<float>::max());
    for (const glm::vec3& p : o.positions) {
      lo = glm::min(lo, p);
      hi = glm::max(hi, p);
    }
    const std::size_t n = o.positions.size();
    // glTF requires min and max on POSITION (exactly the data's: the validator checks them).
    const auto pos = add(o.positions.data(), n * sizeof(glm::vec3), kArrayBuffer,
                         {{"componentType", kFloat}, {"count", n}, {"type", "VEC3"},
                          {"min", json::array({lo.x, lo.y, lo.z})}, {"max", json::array({hi.x, hi.y, hi.z})}});
    const auto nrm = add(o.normals.data(), n * sizeof(glm::vec3), kArrayBuffer,
                         {{"componentType", kFloat}, {"count", n}, {"type", "VEC3"}});
    const auto idx = add(o.indices.data(), o.indices.size() * sizeof(std::uint32_t), kElementArrayBuffer,
                         {{"componentType", kUInt}, {"count", o.indices.size()}, {"type", "SCALAR"}});
    const glm::vec4 c = clamped(o.colour);
    json material = {{"name", o.name},
                     {"pbrMetallicRoughness",
                      {{"baseColorFactor", {c.r, c.g, c.b, c.a}}, {"metallicFactor", 0.0}, {"roughnessFactor", 0.6}}}};
    if (c.a < 1.0f) material["alphaMode"] = "BLEND";
    materials.push_back(std::move(material));
    meshes.push_back({{"name", o.name},
                      {"primitives", json::array({{{"attributes", {{"POSITION", pos}, {"NORMAL", nrm}}},
                                                   {"indices", idx},
                                                   {"material", materials.size() - 1},
                                                   {"mode", kTriangles}}})}});
    nodes.push_back({{"name", o.name}, {"mesh", meshes.size() - 1}});
    roots.push_back(nodes.size() - 1);
  }
  json doc = {{"asset", {{"version", "2.0"}, {"generator", "HipLab export"}}}, {"scene", 0},
              {"scenes", json::array({{{"name", "HipLab"}, {"nodes", roots}}})}};
  if (!nodes.empty()) {
    doc["nodes"] = nodes;
    doc["meshes"] = meshes;
    doc["materials"] = materials;
    doc["accessors"] = accessors;
    doc["bufferViews"] = views;
    doc["buffers"] = json::array({{{"byteLength", bin.size()}}});
  }
  std::string text = doc.dump();
  while (text.size() % 4) text.push_back(' ');  // the JSON chunk is padded with spaces
  while (bin.size() % 4) bin.push_back('\0');   // ... and the binary chunk with zeros
  const bool with_bin = !bin.empty();
  const std::size_t total = 12 + 8 + text.size() + (with_bin ? 8 + bin.size() : 0);
  std::string out;
  out.reserve(total);
  append_u32(out, 0x46546C67u);  // "glTF"
  append_u32(out, 2u);
  append_u32(out, static_cast<std::uint32_t>(total));
  append_u32(out, static_cast<std::uint32_t>(text.size()));
  append_u32(out, 0x4E4F534Au);  // "JSON"
  out += text;
  if (with_bin) {
    append_u32(out, static_cast<std::uint32_t>(bin.size()));
    append_u32(out, 0x004E4942u);  // "BIN\0"
    out += bin;
  }
  return out;
}

ObjFiles export_obj_text(const ExportScene& scene, const std::string& mtl_name) {
  ObjFiles f;
  std::size_t vertices = 0, triangles = 0;
  for (const ExportObject& o : scene.objects) {
    vertices += o.positions.size();
    triangles += o.indices.size() / 3;
  }
  f.obj.reserve(vertices * 64 + triangles * 40 + 4096);
  f.obj += "# HipLab export: world space, metres, +Y up\n";
  f.obj += "mtllib " + mtl_name + "\n";
  f.mtl += "# HipLab export: colours in linear RGB\n";
  std::size_t base = 1;  // OBJ indices are 1-based and global over the file
  for (const ExportObject& o : scene.objects) {
    if (!has_triangles(o)) continue;
    const std::string name = obj_word(o.name);
    const glm::vec4 c = clamped(o.colour);
    f.mtl += "\nnewmtl " + name + "\n";
    f.mtl += "Ka 0 0 0\nKd ";
    for (int k = 0; k < 3; ++k) {
      append_fixed(f.mtl, c[k], 4);
      f.mtl += k < 2 ? " " : "\n";
    }
    f.mtl += "Ks 0.05 0.05 0.05\nNs 20\nd ";
    append_fixed(f.mtl, c.a, 4);
    f.mtl += "\nillum 2\n";

    f.obj += "o " + name + "\n";
    for (const glm::vec3& p : o.positions) {
      f.obj += "v ";
      append_fixed(f.obj, p.x, 6);  // micrometres
      f.obj += ' ';
      append_fixed(f.obj, p.y, 6);
      f.obj += ' ';
      append_fixed(f.obj, p.z, 6);
      f.obj += '\n';
    }
    for (const glm::vec3& n : o.normals) {
      f.obj += "vn ";
      append_fixed(f.obj, n.x, 4);
      f.obj += ' ';
      append_fixed(f.obj, n.y, 4);
      f.obj += ' ';
      append_fixed(f.obj, n.z, 4);
      f.obj += '\n';
    }
    f.obj += "usemtl " + name + "\n";
    char buf[32];
    for (std::size_t t = 0; t + 2 < o.indices.size(); t += 3) {
      f.obj += 'f';
      for (int k = 0; k < 3; ++k) {
        const auto r = std::to_chars(buf, buf + sizeof buf, base + o.indices[t + static_cast<std::size_t>(k)]);
        const std::string_view i(buf, static_cast<std::size_t>(r.ptr - buf));
        f.obj += ' ';
        f.obj += i;
        f.obj += "//";
        f.obj += i;
      }
      f.obj += '\n';
    }
    base += o.positions.size();
  }
  return f;
}

Status write_export(const ExportScene& scene, const std::string& path) {
  const auto format = export_format_for(path);
  if (!format) return make_error(path + ": unknown export format (expected a file name ending in .glb or .obj)");
  if (*format == ExportFormat::kGlb) return write_file_atomic(path, export_glb_bytes(scene));
  const std::string mtl = mtl_path_for(path);
  const ObjFiles files = export_obj_text(scene, std::filesystem::path(mtl).filename().string());
  // The materials first: an OBJ that exists always finds its MTL.
  if (Status s = write_file_atomic(mtl, files.mtl); !s) return s;
  return write_file_atomic(path, files.obj);
}

}  // namespace hiplab
