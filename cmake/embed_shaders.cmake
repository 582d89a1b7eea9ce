# Turns every shaders/*.glsl into one C++ source with a name → text table, so the binary carries
# its shaders and runs from any directory. Invoked at build time: cmake -DSHADER_DIR= -DOUT= -P.
file(GLOB _shaders ${SHADER_DIR}/*.glsl)
list(SORT _shaders)
set(_out "// Generated from shaders/*.glsl by cmake/embed_shaders.cmake. Do not edit.\n")
string(APPEND _out "#include \"render/shader_sources.h\"\nnamespace hiplab {\nconst ShaderSource kShaderSources[] = {\n")
foreach(f ${_shaders})
  get_filename_component(_name ${f} NAME)
  file(READ ${f} _text)
  string(APPEND _out "  {\"${_name}\", R\"HIPLAB_GLSL(${_text})HIPLAB_GLSL\"},\n")
endforeach()
string(APPEND _out "  {nullptr, nullptr}};\n}  // namespace hiplab\n")
file(WRITE ${OUT}.tmp "${_out}")
file(COPY_FILE ${OUT}.tmp ${OUT} ONLY_IF_DIFFERENT)
