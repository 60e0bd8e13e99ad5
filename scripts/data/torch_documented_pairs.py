"""Pairings that PyPI metadata cannot give, each with the document that states it.

torchvision 0.2.x wheels declare no torch requirement and 0.3.0 only 'torch>=1.1.0',
so for torch 1.0.0-1.1.0 the pairing comes from pytorch.org's previous-versions page.
torchaudio 2.11.0 declares no torch requirement at all: its installation docs say it
is built against PyTorch's stable ABI and supports torch 2.11 and every later release.
"""

SOURCES = {
    "pytorch-previous-versions": {
        "title": "PyTorch - Previous PyTorch Versions (pytorch.org/get-started/previous-versions)",
        "url": "https://pytorch.org/get-started/previous-versions/",
        "retrieved": "2026-11-25",
        "notes": "Source file _get_started/previous-versions.md of pytorch/pytorch.github.io at commits "
                 "04862e376ea686ba351674864400db1d93113979 and e3f009bbc0d7509ed5c85b633313ec72aa2d1a40 "
                 "(stored copies): the 'pip install torch==X torchvision==Y torchaudio==Z' lines of each "
                 "'### vX.Y.Z' section, v1.0.0 to v2.3.1 (v1.3.x has no section).",
    },
    "vision-readme": {
        "title": "pytorch/vision README.md - torch/torchvision/Python table",
        "url": "https://github.com/pytorch/vision/blob/main/README.md",
        "retrieved": "2026-11-25",
        "notes": "README.md at commit 0a12c0708810ae6a9a64b584fb8e412412c22b9d: the table of 'torch', "
                 "'torchvision', 'Python' rows (main/nightly, 2.3 down to <=1.0). Minor-version "
                 "granularity only; used as a cross-check, not as the primary pairing.",
    },
    "audio-installation-docs": {
        "title": "pytorch/audio docs/source/installation.rst - Compatibility Matrix",
        "url": "https://github.com/pytorch/audio/blob/main/docs/source/installation.rst",
        "retrieved": "2026-11-25",
        "notes": "Revision of docs/source/installation.rst stored as file id 59373674866 (commit not "
                 "recorded by the store): 'TorchAudio 2.11 works with PyTorch 2.11 and with every future "
                 "PyTorch release (2.12, 2.13, ...)'; 'TorchAudio 2.11 is built against PyTorch's stable "
                 "ABI and therefore supports PyTorch 2.11 and all later versions'; matrix row "
                 "'2.11 and above | 2.11.0 | >=3.10, <=3.14'.",
    },
}

# torch version -> (torchvision, source id, what the source says)
TORCHVISION = {
    "1.0.0": ("0.2.1", "pytorch-previous-versions",
              "v1.0.0 section: 'pip install torch==1.0.0 torchvision==0.2.1'."),
    "1.0.1": ("0.2.2", "pytorch-previous-versions",
              "v1.0.1 section: 'pip install torch==1.0.1 torchvision==0.2.2'."),
    "1.1.0": ("0.3.0", "pytorch-previous-versions",
              "v1.1.0 section: 'pip install torch==1.1.0 torchvision==0.3.0'; torchvision 0.3.0's "
              "wheels declare only 'torch>=1.1.0'."),
}

# First torch release covered by torchaudio 2.11.0's stable-ABI support statement.
TORCHAUDIO_STABLE_ABI = {"torchaudio": "2.11.0", "first_torch": "2.11.0",
                         "source": "audio-installation-docs"}

# Real releases served only from download.pytorch.org, never uploaded to PyPI.
NOT_ON_PYPI = {
    "1.8.2": {
        "torchvision": "0.9.2",
        "torchaudio": "0.8.2",
        "source": "pytorch-previous-versions",
        "notes": "LTS release served only from download.pytorch.org (whl/lts/1.8/<variant>), not on "
                 "PyPI. Previous-versions page, 'v1.8.2 with LTS support': 'pip3 install torch==1.8.2 "
                 "torchvision==0.9.2 torchaudio==0.8.2 --extra-index-url "
                 "https://download.pytorch.org/whl/lts/1.8/cu102' (also cu111, cpu), 'PyTorch LTS "
                 "version 1.8.2 is only supported for Python <= 3.8', macOS not supported. No release "
                 "date or per-Python wheel list is sourced here.",
    },
}

# Where another document disagrees with the PyPI pins (kept visible in the record's notes).
DISAGREEMENTS = {
    "1.2.0": "pytorch/vision README pairs torch 1.2 with torchvision 0.4.1, but torchvision 0.4.1 "
             "pins torch==1.3.0 and 0.4.0 pins torch==1.2.0 (the previous-versions page also "
             "says 0.4.0).",
    "1.3.0": "pytorch/vision README pairs torch 1.3 with '0.4.2 / 0.4.3'; PyPI has no torchvision "
             "0.4.3, 0.4.1 pins torch==1.3.0 and 0.4.2 pins torch==1.3.1. 0.4.1.post2 (macOS "
             "wheel only) pins torch==1.3.0.*.",
    "1.3.1": "pytorch/vision README pairs torch 1.3 with '0.4.2 / 0.4.3'; PyPI has no torchvision 0.4.3.",
    "1.7.0": "torchvision 0.8.0 and 0.8.1 both pin torch==1.7.0; the previous-versions page names "
             "0.8.0, this table names the newer 0.8.1; both are listed in torchvision_pinned_by.",
    "1.10.0": "The previous-versions page names torchvision 0.11.0, which PyPI has yanked "
              "('Dependency issue, depends on a version of torch that does not exist on pypi': its "
              "Linux wheel pins torch==1.10.0+cu102).",
    "2.0.0": "The previous-versions page's pip lines name torchvision 0.15.1 / torchaudio 2.0.1; "
             "0.15.0 / 2.0.0 (its conda lines) are yanked on PyPI ('Contains an incorrect torch "
             "dependency').",
}
