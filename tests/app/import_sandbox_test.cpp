// Tests src/app/import_sandbox.h: a model file from outside is parsed in a child process, and what
// goes wrong there — Assimp 5.2 crashing on a COLLADA skin with an index out of range, a hang, a
// spin, a memory hog, a malformed answer, an attempt to write a file — is one message naming the
// file while this process carries on; a good file comes back exactly as it loads in process; the
// shipped body loads in process; a running load can be cancelled. (This test executable answers as
// the import child itself: tests/test_main.cpp.)
#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <thread>

#include <sys/stat.h>
#if defined(__linux__)
#include <linux/landlock.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

#include "app/import_sandbox.h"
#include "app/model_load_job.h"
#include "app/paths.h"
#include "assets/display_prep.h"
#include "assets/gltf_writer.h"
#include "assets/model_loader.h"
#include "assets/synthetic_model.h"
#include "test_support.h"

using namespace hiplab;
namespace fs = std::filesystem;

namespace {

// A one-triangle COLLADA skin; `weights` is its <v> list (joint index, weight index per vertex).
// Written by hand from the COLLADA 1.4.1 schema. With an index out of range Assimp 5.2 itself
// fails: a weight index past the weights trips an assertion (abort, ColladaLoader.cpp:1743), a
// joint index past the joints reads out of bounds (segmentation fault).
std::string collada_skin(const std::string& weights) {
  return R"(<?xml version="1.0" encoding="utf-8"?>
<COLLADA xmlns="http://www.collada.org/2005/11/COLLADASchema" version="1.4.1">
  <asset><unit name="meter" meter="1"/><up_axis>Y_UP</up_axis></asset>
  <library_geometries>
    <geometry id="tri" name="tri"><mesh>
      <source id="tri-pos"><float_array id="tri-pos-array" count="9">0 0 0 1 0 0 0 1 0</float_array>
        <technique_common><accessor source="#tri-pos-array" count="3" stride="3"><param name="X" type="float"/><param name="Y" type="float"/><param name="Z" type="float"/></accessor></technique_common></source>
      <vertices id="tri-verts"><input semantic="POSITION" source="#tri-pos"/></vertices>
      <triangles count="1"><input semantic="VERTEX" source="#tri-verts" offset="0"/><p>0 1 2</p></triangles>
    </mesh></geometry>
  </library_geometries>
  <library_controllers>
    <controller id="skin"><skin source="#tri">
      <bind_shape_matrix>1 0 0 0 0 1 0 0 0 0 1 0 0 0 0 1</bind_shape_matrix>
      <source id="skin-joints"><Name_array id="skin-joints-array" count="1">bone</Name_array><technique_common><accessor source="#skin-joints-array" count="1" stride="1"><param name="JOINT" type="name"/></accessor></technique_common></source>
      <source id="skin-bind"><float_array id="skin-bind-array" count="16">1 0 0 0 0 1 0 0 0 0 1 0 0 0 0 1</float_array><technique_common><accessor source="#skin-bind-array" count="1" stride="16"><param name="TRANSFORM" type="float4x4"/></accessor></technique_common></source>
      <source id="skin-weights"><float_array id="skin-weights-array" count="1">1</float_array><technique_common><accessor source="#skin-weights-array" count="1" stride="1"><param name="WEIGHT" type="float"/></accessor></technique_common></source>
      <joints><input semantic="JOINT" source="#skin-joints"/><input semantic="INV_BIND_MATRIX" source="#skin-bind"/></joints>
      <vertex_weights count="3"><input semantic="JOINT" source="#skin-joints" offset="0"/><input semantic="WEIGHT" source="#skin-weights" offset="1"/>
        <vcount>1 1 1</vcount><v>)" + weights + R"(</v></vertex_weights>
    </skin></controller>
  </library_controllers>
  <library_visual_scenes>
    <visual_scene id="scene">
      <node id="bone" name="bone" sid="bone" type="JOINT"><matrix sid="transform">1 0 0 0 0 1 0 0 0 0 1 0 0 0 0 1</matrix></node>
      <node id="obj" name="obj"><instance_controller url="#skin"><skeleton>#bone</skeleton></instance_controller></node>
    </visual_scene>
  </library_visual_scenes>
  <scene><instance_visual_scene url="#scene"/></scene>
</COLLADA>
)";
}

std::string write_text(const fs::path& dir, const std::string& name, const std::string& text) {
  const auto path = (dir / name).string();
  std::ofstream(path, std::ios::binary) << text;
  return path;
}

std::string two_bone_file(const std::string& tag) {
  const auto path = (test::scratch_dir(tag) / "two_bone.gltf").string();
  REQUIRE(write_gltf(make_two_bone_model(), path).ok());
  return path;
}

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

// Sets HIPLAB_IMPORT_TEST_HOOK for one scope (the child inherits it; this process never reads it).
struct Hook {
  explicit Hook(const char* what) { ::setenv("HIPLAB_IMPORT_TEST_HOOK", what, 1); }
  ~Hook() { ::unsetenv("HIPLAB_IMPORT_TEST_HOOK"); }
};

app::ImportLimits quick_limits() {
  app::ImportLimits l;
  l.timeout_s = 60;  // generous: the machine may be busy; the tests that need a short one set it
  l.cpu_s = 20;
  l.memory_mib = 1024;
  return l;
}

}  // namespace

TEST_CASE("a well-formed COLLADA skin loads through the sandbox") {
  const auto dir = test::scratch_dir("sandbox_good_dae");
  auto r = app::import_in_child(write_text(dir, "ok.dae", collada_skin("0 0 0 0 0 0")), Prep::kNone, quick_limits());
  REQUIRE_MESSAGE(r.ok(), (r.ok() ? "" : r.error().message));
  CHECK(r->model.triangle_count() == 1);
  CHECK(r->model.bone_count() >= 1);
}

TEST_CASE("COLLADA skins that crash Assimp 5.2 give one message naming the file, and this process goes on") {
  const auto dir = test::scratch_dir("sandbox_bad_dae");
  const std::string weight_past = write_text(dir, "weight_past.dae", collada_skin("0 0 0 0 0 7000000"));
  const std::string joint_past = write_text(dir, "joint_past.dae", collada_skin("0 0 0 0 7000000 0"));
  for (const std::string& file : {weight_past, joint_past}) {
    INFO(file);
    auto r = app::load_user_model(file, Prep::kFull);
    REQUIRE_FALSE(r.ok());
    CHECK(contains(r.error().message, "the importer crashed reading " + file + " ("));
    CHECK(contains(r.error().message, "); nothing was loaded"));
  }
  // What kind of crash: an assertion aborts; the out-of-bounds joint is a segmentation fault
  // (under AddressSanitizer, its report and exit status 1 instead).
  auto r = app::import_in_child(weight_past, Prep::kNone, quick_limits());
  REQUIRE_FALSE(r.ok());
  CHECK(contains(r.error().message, "(abort)"));
}

TEST_CASE("a good file loads through the sandbox exactly as in process, occlusion and levels included") {
  const std::string file = two_bone_file("sandbox_same");
  auto direct = load_model(file);
  REQUIRE(direct.ok());
  prepare_for_display(direct.value());
  auto child = app::load_user_model(file, Prep::kFull);
  REQUIRE_MESSAGE(child.ok(), (child.ok() ? "" : child.error().message));
  const Model &a = direct.value(), &b = child.value();
  CHECK(b.source == file);
  REQUIRE(a.meshes.size() == b.meshes.size());
  for (std::size_t i = 0; i < a.meshes.size(); ++i) {
    REQUIRE(a.meshes[i].vertices.size() == b.meshes[i].vertices.size());
    CHECK(std::memcmp(a.meshes[i].vertices.data(), b.meshes[i].vertices.data(), a.meshes[i].vertices.size() * sizeof(Vertex)) == 0);
    CHECK(a.meshes[i].indices == b.meshes[i].indices);
    CHECK(a.meshes[i].lods.size() == b.meshes[i].lods.size());
  }
  CHECK(a.nodes.size() == b.nodes.size());
  CHECK(a.bind_bounds.min == b.bind_bounds.min);
  CHECK(a.bind_bounds.max == b.bind_bounds.max);
}

TEST_CASE("only the shipped body counts as shipped and loads in process") {
  CHECK(app::is_shipped_model(app::default_model_path()));
  const auto dir = test::scratch_dir("sandbox_copy");
  const auto copy = dir / "hiplab_body.glb";
  fs::copy_file(app::default_model_path(), copy);
  CHECK_FALSE(app::is_shipped_model(copy.string()));
  CHECK_FALSE(app::is_shipped_model((fs::path(app::asset_dir()) / "models" / ".." / ".." / "x.glb").string()));
  // The shipped body never meets the test hook: it is not parsed in a child.
  Hook crash("crash");
  auto body = app::load_user_model(app::default_model_path(), Prep::kNone);
  CHECK(body.ok());
  auto copied = app::load_user_model(copy.string(), Prep::kNone);
  REQUIRE_FALSE(copied.ok());
  CHECK(contains(copied.error().message, "the importer crashed reading " + copy.string()));
}

TEST_CASE("a hanging, spinning or memory-hungry importer is stopped at its limit and named") {
  const std::string file = two_bone_file("sandbox_limits");
  {
    Hook h("hang");
    app::ImportLimits l = quick_limits();
    l.timeout_s = 1.5;
    const auto t0 = std::chrono::steady_clock::now();
    auto r = app::import_in_child(file, Prep::kNone, l);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().message == "the importer did not finish within 1.5 s reading " + file + "; nothing was loaded");
    CHECK(std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count() < 10.0);
  }
  {
    Hook h("spin");
    app::ImportLimits l = quick_limits();
    l.cpu_s = 1;
    auto r = app::import_in_child(file, Prep::kNone, l);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().message == "the importer used up its 1 s of CPU time reading " + file + "; nothing was loaded");
  }
  {
    Hook h("hog");
    app::ImportLimits l = quick_limits();
    l.memory_mib = 256;
    auto r = app::import_in_child(file, Prep::kNone, l);
    REQUIRE_FALSE(r.ok());
    // The parent's watchdog or (outside AddressSanitizer) the child's own data limit: either names it.
    CHECK(contains(r.error().message, "memory"));
    CHECK(contains(r.error().message, "256 MiB"));
    CHECK(contains(r.error().message, file));
  }
}

TEST_CASE("a malformed answer from the importer is refused, and the importer cannot write files") {
  const auto dir = test::scratch_dir("sandbox_answer");
  const std::string file = write_text(dir, "ok.dae", collada_skin("0 0 0 0 0 0"));
  {
    Hook h("garbage");
    auto r = app::import_in_child(file, Prep::kNone, quick_limits());
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().message.rfind(file + ": the importer's answer is cut short or malformed", 0) == 0);
  }
  {
    Hook h("write");
    auto r = app::import_in_child(file, Prep::kNone, quick_limits());
    REQUIRE_FALSE(r.ok());
#if defined(__linux__) && (defined(__x86_64__) || defined(__aarch64__))
    CHECK(r.error().message == "the import child could not write a file (Operation not permitted)");
    CHECK_FALSE(fs::exists(dir / "hiplab_import_hook_wrote_this"));  // it works in the file's folder
#endif
  }
}

TEST_CASE("the importer cannot read outside the model's folder (Landlock), and still reads inside it") {
  const auto dir = test::scratch_dir("sandbox_landlock");
  fs::create_directories(dir / "models");
  write_text(dir, "hiplab_outside_the_model_folder.txt", "a record the model must not see\n");
  const std::string file = write_text(dir / "models", "ok.dae", collada_skin("0 0 0 0 0 0"));
  auto plain = app::import_in_child(file, Prep::kNone, quick_limits());
  REQUIRE(plain.ok());  // the model itself, in the allowed folder, still loads
  Hook h("read-outside");
  auto r = app::import_in_child(file, Prep::kNone, quick_limits());
  REQUIRE_FALSE(r.ok());
#if defined(__linux__)
  const long abi = ::syscall(SYS_landlock_create_ruleset, nullptr, 0, LANDLOCK_CREATE_RULESET_VERSION);
  if (abi < 1) HIPLAB_SKIP("this kernel has no Landlock, so reads outside the model's folder cannot be blocked here");
  CHECK(r.error().message == "the import child could not read outside its folder (Permission denied)");
#endif
}

TEST_CASE("a pipe, a folder or a missing file is refused before any child starts") {
  const auto dir = test::scratch_dir("sandbox_pipe");
  const auto fifo = (dir / "pipe.glb").string();
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  auto r = app::load_user_model(fifo, Prep::kFull);
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().message == fifo + ": not a regular file (expected a model file)");
  CHECK(app::load_user_model(dir.string(), Prep::kFull).error().message == dir.string() + ": is a directory (expected a model file)");
  CHECK(app::load_user_model((dir / "none.glb").string(), Prep::kFull).error().message == (dir / "none.glb").string() + ": file not found");
}

TEST_CASE("a node tree nested 200000 deep ends in a model or a message, never in a crash of this process") {
  // glTF from the 2.0 specification: node i has node i+1 as its only child; the last holds the mesh.
  const auto dir = test::scratch_dir("sandbox_deep");
  const int depth = 200000;
  std::string nodes;
  nodes.reserve(static_cast<std::size_t>(depth) * 20);
  for (int i = 0; i < depth; ++i) nodes += "{\"children\":[" + std::to_string(i + 1) + "]},";
  nodes += "{\"mesh\":0}";
  const std::string gltf = R"({"asset":{"version":"2.0"},"scene":0,"scenes":[{"nodes":[0]}],"nodes":[)" + nodes + R"(],
    "meshes":[{"primitives":[{"attributes":{"POSITION":0}}]}],
    "buffers":[{"byteLength":36,"uri":"data:application/octet-stream;base64,AAAAAAAAAAAAAAAAAACAPwAAAAAAAAAAAAAAAAAAgD8AAAAA"}],
    "bufferViews":[{"buffer":0,"byteLength":36}],
    "accessors":[{"bufferView":0,"componentType":5126,"count":3,"type":"VEC3","min":[0,0,0],"max":[1,1,0]}]})";
  const std::string file = write_text(dir, "deep.gltf", gltf);
  auto r = app::import_in_child(file, Prep::kFull, quick_limits());
  if (r.ok()) {
    CHECK(r->model.nodes.size() > static_cast<std::size_t>(depth));
  } else {
    INFO(r.error().message);
    CHECK(contains(r.error().message, file));
  }
}

TEST_CASE("a load on the worker thread can be cancelled, and one that finishes hands its model over") {
  const std::string file = two_bone_file("sandbox_job");
  {
    Hook h("hang");
    app::ModelLoadJob job;
    job.start(file);
    CHECK(job.active());
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    CHECK_FALSE(job.done());  // the child hangs; this thread does not
    job.cancel();
    for (int i = 0; i < 400 && !job.done(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(25));
    REQUIRE(job.done());
    auto got = job.take();
    REQUIRE_FALSE(got.model.ok());
    CHECK(got.model.error().message == file + ": loading was cancelled; nothing was loaded");
    CHECK_FALSE(job.active());
  }
  app::ModelLoadJob job;
  job.start(file);
  for (int i = 0; i < 2400 && !job.done(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(25));
  REQUIRE(job.done());
  auto got = job.take();
  REQUIRE_MESSAGE(got.model.ok(), (got.model.ok() ? "" : got.model.error().message));
  CHECK(got.model.value().triangle_count() == make_two_bone_model().triangle_count());
}
