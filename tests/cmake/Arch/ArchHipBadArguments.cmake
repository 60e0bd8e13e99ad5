# An architecture that is not a gfx name is misuse.
torchcompat_hip_architectures(archs GPU_ARCHS 8.6)
