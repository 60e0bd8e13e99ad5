# A glibc override that is no version is misuse: a clear error, not a guess.
torchcompat_require(TORCH 2.7.0 VARIANT cpu)
