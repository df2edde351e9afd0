# SPDX-License-Identifier: MIT
# ctest script: cpack -G DEB into a temp dir, then check the package's files, control fields, and that
# the packaged scstudio-cli (extracted outside the build tree) finds and runs the packaged plugin.
# Inputs: CPACK_COMMAND, CPACK_CONFIG, EXPECT_GUI (ON/OFF), EXPECT_VERSION.
cmake_minimum_required(VERSION 3.25)

function(fail message)
  message(FATAL_ERROR "installer check: ${message}")
endfunction()

find_program(DPKG_DEB dpkg-deb)
if(NOT DPKG_DEB)
  fail("dpkg-deb not found (install the Debian package 'dpkg')")
endif()

execute_process(COMMAND mktemp -d /tmp/scs-deb-check-XXXXXX OUTPUT_VARIABLE work OUTPUT_STRIP_TRAILING_WHITESPACE)
if(NOT IS_DIRECTORY "${work}")
  fail("could not create a temporary directory")
endif()

execute_process(COMMAND ${CPACK_COMMAND} -G DEB --config ${CPACK_CONFIG} -B ${work}/out
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err TIMEOUT 150)
if(NOT rc EQUAL 0)
  file(REMOVE_RECURSE ${work})
  fail("cpack failed (${rc}):\n${out}\n${err}")
endif()
file(GLOB debs ${work}/out/*.deb)
list(LENGTH debs count)
if(NOT count EQUAL 1)
  file(REMOVE_RECURSE ${work})
  fail("expected one .deb in ${work}/out, found ${count}: ${debs}")
endif()

execute_process(COMMAND ${DPKG_DEB} -c ${debs} OUTPUT_VARIABLE listing RESULT_VARIABLE rc)
execute_process(COMMAND ${DPKG_DEB} -f ${debs} Package Version Maintainer Depends Section
                OUTPUT_VARIABLE control RESULT_VARIABLE rc2)
set(problems "")
if(NOT rc EQUAL 0 OR NOT rc2 EQUAL 0)
  string(APPEND problems "\n  dpkg-deb could not read the package")
endif()

set(expected
  ./usr/bin/scstudio-cli
  ./usr/lib/scstudio/plugins/libtemplate.so
  ./usr/lib/scstudio/plugins/template.scsplugin.json
  ./usr/share/applications/scstudio.desktop
  ./usr/share/mime/packages/scstudio.xml
  ./usr/share/icons/hicolor/scalable/apps/scstudio.svg
  ./usr/share/icons/hicolor/scalable/mimetypes/application-x-scstudio.svg
  ./usr/share/scstudio/icons/scstudio.svg)
if(EXPECT_GUI)
  list(APPEND expected ./usr/bin/scstudio)
endif()
foreach(path ${expected})
  string(FIND "${listing}" " ${path}\n" at)
  if(at EQUAL -1)
    string(APPEND problems "\n  missing from the package: ${path}")
  endif()
endforeach()
# Test-only fixture plugins must never ship.
if(listing MATCHES "fixture_")
  string(APPEND problems "\n  test fixture plugins were packaged")
endif()
if(NOT control MATCHES "Package: scstudio\n")
  string(APPEND problems "\n  Package field is not 'scstudio'")
endif()
if(NOT control MATCHES "Version: ${EXPECT_VERSION}")
  string(APPEND problems "\n  Version field is not ${EXPECT_VERSION}")
endif()
if(NOT control MATCHES "Maintainer: [^\n]+<[^>]+@[^>]+>")
  string(APPEND problems "\n  Maintainer field lacks a name and address")
endif()
if(NOT control MATCHES "Depends: [^\n]*libc6")
  string(APPEND problems "\n  Depends field does not name libc6")
endif()
if(EXPECT_GUI AND NOT control MATCHES "Depends: [^\n]*libqt6widgets6")
  string(APPEND problems "\n  Depends field does not name libqt6widgets6")
endif()

# Installed layout: extract outside the build tree and let the packaged CLI find its plugin.
execute_process(COMMAND ${DPKG_DEB} -x ${debs} ${work}/root RESULT_VARIABLE rc)
set(desktop_file ${work}/root/usr/share/applications/scstudio.desktop)
if(EXISTS ${desktop_file})
  file(READ ${desktop_file} desktop)
  foreach(key "Type=Application" "Exec=scstudio" "Icon=scstudio" "MimeType=application/x-scstudio;")
    string(FIND "${desktop}" "${key}" at)
    if(at EQUAL -1)
      string(APPEND problems "\n  desktop entry lacks ${key}")
    endif()
  endforeach()
endif()
set(cli ${work}/root/usr/bin/scstudio-cli)
if(EXISTS ${cli})
  execute_process(COMMAND ${CMAKE_COMMAND} -E env --unset=SCS_PLUGIN_PATH
                          ${cli} plugins run template_sum --params "{\"values\": [2, 3, 5]}" --json
                  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err TIMEOUT 30)
  if(NOT rc EQUAL 0 OR NOT out MATCHES "\"sum\":10.0")
    string(APPEND problems "\n  packaged scstudio-cli could not run the packaged template plugin "
                           "(exit ${rc}): ${out}${err}")
  endif()
endif()

file(REMOVE_RECURSE ${work})
if(problems)
  fail("${debs}:${problems}\n--- dpkg-deb -c ---\n${listing}--- control ---\n${control}")
endif()
get_filename_component(name ${debs} NAME)
message(STATUS "installer check: ${name} is complete")
