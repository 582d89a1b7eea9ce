#!/bin/sh
# A model file that crashes Assimp 5.2 inside its own code (a COLLADA skin whose weight index is
# past its weights: an assertion aborts) costs one message naming the file and exit code 1, on
# the command line (info, render) and in the window (--model), which then keeps its window
# closed as for any --model that does not load (issue 14). The parse happens in the import child
# (app/import_sandbox.h), so the process that prints the message is the one that survived it.
# usage: import_crash.sh RUN_UNDER_XVFB HIPLAB SCRATCH_DIR
run="$1"
hiplab="$2"
dir="$3"
rm -rf "$dir" && mkdir -p "$dir" || exit 1
model="$dir/weight_past.dae"
cat > "$model" <<'DAE'
<?xml version="1.0" encoding="utf-8"?>
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
        <vcount>1 1 1</vcount><v>0 0 0 0 0 7000000</v></vertex_weights>
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
DAE
want="error: the importer crashed reading $model (abort); nothing was loaded"
fail=0
check() {  # label, exit status, stderr
  if [ "$2" -ne 1 ]; then echo "FAIL: $1 exited $2 (expected 1)"; fail=1; fi
  # The message is the last line; a sanitizer build also shows the child's own report above it.
  last=$(printf '%s\n' "$3" | tail -n 1)
  if [ "$last" = "$want" ]; then echo "ok: $1: $last"; else echo "FAIL: $1: stderr ends '$last', expected '$want'"; echo "$3"; fail=1; fi
}
err=$("$hiplab" info --model "$model" 2>&1 >/dev/null); check "hiplab info" $? "$err"
err=$("$hiplab" render --model "$model" --size 64x64 --out "$dir/x.png" 2>&1 >/dev/null); check "hiplab render" $? "$err"
if [ -e "$dir/x.png" ]; then echo "FAIL: render wrote a picture"; fail=1; fi
err=$(sh "$run" -s 640x480x24 "$hiplab" --model "$model" --frames 1 2>&1 >/dev/null); check "hiplab --model (window)" $? "$err"
exit $fail
