# SPDX-License-Identifier: MIT
# Every dependency is a Debian 12 package. A missing one stops configure with the package to install.
# scripts/setup-deps.sh installs all of them.

macro(scs_require found_var package what)
  if(NOT ${found_var})
    message(FATAL_ERROR "${what} not found: install the Debian package '${package}' "
                        "(or run scripts/setup-deps.sh, which installs everything).")
  endif()
endmacro()

find_package(Threads REQUIRED)

find_package(Eigen3 3.4 QUIET NO_MODULE)
scs_require(Eigen3_FOUND libeigen3-dev "Eigen3")

find_package(nlohmann_json 3.10 QUIET)
scs_require(nlohmann_json_FOUND nlohmann-json3-dev "nlohmann-json")

find_package(SQLite3 QUIET)
scs_require(SQLite3_FOUND libsqlite3-dev "SQLite3")

find_package(OpenSSL QUIET COMPONENTS Crypto)
scs_require(OpenSSL_FOUND libssl-dev "OpenSSL libcrypto (SHA-256 of run manifests)")

if(SCS_BUILD_TESTS)
  find_package(GTest QUIET)
  scs_require(GTest_FOUND libgtest-dev "GoogleTest")
endif()

if(SCS_BUILD_BENCHMARKS)
  find_package(benchmark QUIET)
  scs_require(benchmark_FOUND libbenchmark-dev "Google Benchmark")
endif()

if(SCS_BUILD_GUI)
  find_package(Qt6 6.2 QUIET COMPONENTS Core Gui Widgets Svg PrintSupport Concurrent Test)
  scs_require(Qt6_FOUND "qt6-base-dev qt6-svg-dev" "Qt 6 (Core, Gui, Widgets, Svg, PrintSupport, Test)")
  find_package(QCustomPlotQt6 QUIET)
  scs_require(QCustomPlotQt6_FOUND libqcustomplot-dev "QCustomPlot (Qt 6 build)")
endif()

# libgccjit compiles a neuron's step to machine code at run time (core/ode/NativeStep). Its header
# sits in GCC's private include directory, so every installed GCC's is searched.
file(GLOB SCS_GCC_LIB_DIRS LIST_DIRECTORIES true /usr/lib/gcc/*/*)
find_path(SCS_GCCJIT_INCLUDE_DIR libgccjit.h PATHS ${SCS_GCC_LIB_DIRS} PATH_SUFFIXES include NO_DEFAULT_PATH)
find_library(SCS_GCCJIT_LIBRARY NAMES gccjit PATHS ${SCS_GCC_LIB_DIRS} NO_DEFAULT_PATH)
if(SCS_GCCJIT_INCLUDE_DIR AND SCS_GCCJIT_LIBRARY)
  set(SCS_GCCJIT_FOUND TRUE)
endif()
scs_require(SCS_GCCJIT_FOUND libgccjit-12-dev "libgccjit (native code for neuron models)")
add_library(scs_gccjit INTERFACE)
target_include_directories(scs_gccjit SYSTEM INTERFACE ${SCS_GCCJIT_INCLUDE_DIR})
target_link_libraries(scs_gccjit INTERFACE ${SCS_GCCJIT_LIBRARY})
