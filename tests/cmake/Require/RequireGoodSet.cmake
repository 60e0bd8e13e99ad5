torchcompat_require(
  TORCH 2.4.0
  TORCHVISION 0.19.0
  TORCHAUDIO 2.4.0
  PYTHON 3.11
  VARIANT cpu)
