# man_page.cmake — runs `EXE man` (the manual page written from the program's own command-line
# definition) into OUT (compressed by gzip_file.cmake next). The per-user folders in the text
# are replaced by their variables inside `hiplab man` itself.
execute_process(COMMAND "${EXE}" man OUTPUT_FILE "${OUT}" RESULT_VARIABLE _rc)
if(NOT _rc EQUAL 0)
  message(FATAL_ERROR "'${EXE} man' failed (${_rc})")
endif()
