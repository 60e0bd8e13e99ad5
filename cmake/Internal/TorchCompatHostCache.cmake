#[=======================================================================[.rst:
TorchCompatHostCache
--------------------

Internal: the host's per-user cache folder for TorchCompat, shared by the
libtorch cache and the probe's build cache so both land in one place.

.. command:: _torchcompat_host_cache_dir

  ::

    _torchcompat_host_cache_dir(<out-var>)

  ``%LOCALAPPDATA%/torchcompat`` on Windows, ``~/Library/Caches/torchcompat``
  on macOS, ``$XDG_CACHE_HOME/torchcompat`` or ``~/.cache/torchcompat``
  elsewhere; "" when the environment names none of these (the caller says
  which knob to set).
#]=======================================================================]

include_guard(GLOBAL)
cmake_policy(PUSH)
cmake_policy(VERSION 3.22...4.4)

function(_torchcompat_host_cache_dir out_var)
  set(dir "")
  if(CMAKE_HOST_WIN32 AND NOT "$ENV{LOCALAPPDATA}" STREQUAL "")
    set(dir "$ENV{LOCALAPPDATA}/torchcompat")
  elseif(CMAKE_HOST_APPLE AND NOT "$ENV{HOME}" STREQUAL "")
    set(dir "$ENV{HOME}/Library/Caches/torchcompat")
  elseif(NOT "$ENV{XDG_CACHE_HOME}" STREQUAL "")
    set(dir "$ENV{XDG_CACHE_HOME}/torchcompat")
  elseif(NOT "$ENV{HOME}" STREQUAL "")
    set(dir "$ENV{HOME}/.cache/torchcompat")
  endif()
  set(${out_var} "${dir}" PARENT_SCOPE)
endfunction()

cmake_policy(POP)
