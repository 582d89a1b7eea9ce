# gzip_file.cmake — IN compressed into OUT with gzip -9n (best compression, no name or time stamp,
# so the file and the package holding it are reproducible), as Debian policy asks of manual pages
# and changelogs.
execute_process(COMMAND gzip -9n -c "${IN}" OUTPUT_FILE "${OUT}" RESULT_VARIABLE _rc)
if(NOT _rc EQUAL 0)
  message(FATAL_ERROR "gzip of ${IN} failed (${_rc})")
endif()
