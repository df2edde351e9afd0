# SPDX-License-Identifier: MIT
# Warnings on for our own targets only; system headers (Qt, QCustomPlot) stay quiet.
function(scs_enable_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow=local
                                           -Wnon-virtual-dtor -Woverloaded-virtual)
endfunction()
