// simple.frag.glsl — a cheap look for large translucent surfaces (the faint skin), computed per
// vertex (mesh.vert.glsl: brighter and more opaque toward the silhouette, so the outline reads).
#version 330 core
in vec4 v_faint;
out vec4 o_color;
void main() { o_color = v_faint; }
