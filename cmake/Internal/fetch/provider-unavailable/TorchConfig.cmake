# What find_package(Torch) finds through the TorchCompat dependency provider when no libtorch can
# be had for an optional call: "not found", with the provider's reason, so that CMake's own search
# (which runs after a provider that found nothing) finds no other libtorch.
set(Torch_FOUND FALSE)
set(Torch_NOT_FOUND_MESSAGE "${_TORCHCOMPAT_TORCH_UNAVAILABLE}")
