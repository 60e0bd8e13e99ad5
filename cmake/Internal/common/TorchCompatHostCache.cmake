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

.. command:: _torchcompat_host_user_dir

  ::

    _torchcompat_host_user_dir(<out-var> cache|state)

  The same for either kind: ``state`` is what must outlive the cache (the
  pin store): ``%LOCALAPPDATA%/torchcompat-state``,
  ``~/Library/Application Support/torchcompat``, ``$XDG_STATE_HOME/torchcompat``
  or ``~/.local/state/torchcompat``.
#]=======================================================================]

include_guard(GLOBAL)
cmake_policy(PUSH)
cmake_policy(VERSION 3.22...4.4)

function(_torchcompat_host_cache_dir out_var)
  _torchcompat_host_user_dir(dir cache)
  set(${out_var} "${dir}" PARENT_SCOPE)
endfunction()

# <kind>: cache (may be cleared at any time) or state (kept: the pin store). Each platform's own
# place for it; "" when the environment names none.
function(_torchcompat_host_user_dir out_var kind)
  if(kind STREQUAL "cache")
    set(windows torchcompat)
    set(apple "Library/Caches/torchcompat")
    set(xdg XDG_CACHE_HOME)
    set(home ".cache/torchcompat")
  else()
    set(windows torchcompat-state)
    set(apple "Library/Application Support/torchcompat")
    set(xdg XDG_STATE_HOME)
    set(home ".local/state/torchcompat")
  endif()
  set(dir "")
  if(CMAKE_HOST_WIN32 AND NOT "$ENV{LOCALAPPDATA}" STREQUAL "")
    set(dir "$ENV{LOCALAPPDATA}/${windows}")
  elseif(CMAKE_HOST_APPLE AND NOT "$ENV{HOME}" STREQUAL "")
    set(dir "$ENV{HOME}/${apple}")
  elseif(NOT "$ENV{${xdg}}" STREQUAL "")
    set(dir "$ENV{${xdg}}/torchcompat")
  elseif(NOT "$ENV{HOME}" STREQUAL "")
    set(dir "$ENV{HOME}/${home}")
  endif()
  set(${out_var} "${dir}" PARENT_SCOPE)
endfunction()

cmake_policy(POP)
