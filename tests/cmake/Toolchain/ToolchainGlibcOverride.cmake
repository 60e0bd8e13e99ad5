# A target machine with glibc 2.17 (this host has a newer one): torch 2.7.0's
# Linux wheels are tagged manylinux_2_28, so its libraries would not load there.
torchcompat_require(TORCH 2.7.0 VARIANT cpu)
