torchcompat_require(TORCH 2.4.0 TORCHAUDIO 2.3.0 VARIANT cpu)
