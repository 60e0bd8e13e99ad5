# No driver, and the project declares it needs the GPU: a failure whose advice
# is to install a driver, never to upgrade one, and no cpu build.
torchcompat_require(TORCH 2.4.0 VARIANT cu124 REQUIRE_GPU)
