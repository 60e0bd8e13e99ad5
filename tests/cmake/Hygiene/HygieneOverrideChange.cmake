# A remembered pass is keyed on the call's inputs, sorted, and on the machine
# actually checked: the same check written in another order, with other output
# variables, is served from memory; after the target machine changes within the
# same configure it is checked again, not served the earlier pass.
set(TORCHCOMPAT_OVERRIDE_DRIVER 550.54.14)
set(TORCHCOMPAT_OVERRIDE_CUDA 12.4)
set(TORCHCOMPAT_OVERRIDE_GPU_ARCHS 8.6)
torchcompat_require(TORCH 2.4.0 VARIANT cu121 RESULT_VARIABLE first MESSAGE_VARIABLE first_text)
torchcompat_require(VARIANT cu121 TORCH 2.4.0 RESULT_VARIABLE again MESSAGE_VARIABLE again_text)
if(NOT first OR NOT again OR NOT again_text MATCHES "\\(cached\\)$")
  message(FATAL_ERROR "the same check in another order was not remembered: ${first} ${again} "
                      "'${again_text}'")
endif()

# The driver of a machine that cannot run cu121.
set(TORCHCOMPAT_OVERRIDE_DRIVER 470.82.01)
set(TORCHCOMPAT_OVERRIDE_CUDA 11.4)
torchcompat_require(TORCH 2.4.0 VARIANT cu121 RESULT_VARIABLE older MESSAGE_VARIABLE older_text)
if(older OR NOT older_text MATCHES "needs a driver >= 525\\.60\\.13")
  message(FATAL_ERROR "a changed machine was served a stale answer: ${older} '${older_text}'")
endif()

# Back to the first machine: its pass is remembered again.
set(TORCHCOMPAT_OVERRIDE_DRIVER 550.54.14)
set(TORCHCOMPAT_OVERRIDE_CUDA 12.4)
torchcompat_require(TORCH 2.4.0 VARIANT cu121 RESULT_VARIABLE back MESSAGE_VARIABLE back_text)
if(NOT back OR NOT back_text MATCHES "\\(cached\\)$")
  message(FATAL_ERROR "the first machine's pass was not remembered: ${back} '${back_text}'")
endif()
message(STATUS "remembered answers follow the machine")
