# The package's own version: one place, read by the project() call, the
# package version file and the probe's build.
set(_TORCHCOMPAT_VERSION 0.1.0)
