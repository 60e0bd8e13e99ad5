#!/usr/bin/env python3
"""How the data scripts read PyPI wheel filenames: tags, build numbers, free-threaded ABIs,
platform names and which versions count as releases."""

import os
import sys
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "scripts", "data"))

import pypi_facts  # noqa: E402
import pypi_index  # noqa: E402
import torch_releases  # noqa: E402


def entry(filename, upload="2026-01-21T10:00:00Z"):
    return {"filename": filename, "upload-time": upload, "requires-python": ">=3.10", "yanked": False,
            "url": "https://example.invalid/" + filename, "size": 1}


class WheelFilenames(unittest.TestCase):
    def test_build_tag_and_free_threaded_abi(self):
        wheel = pypi_index.parse_wheel_filename("torch-2.10.0-3-cp313-cp313t-manylinux_2_28_x86_64.whl")
        self.assertEqual((wheel["version"], wheel["build"], wheel["abi"]), ("2.10.0", "3", "cp313t"))
        self.assertEqual(pypi_index.cpython_minor(wheel["python"], wheel["abi"]), ("3.13", True))
        self.assertEqual(pypi_index.cpython_minor("cp27", "cp27mu"), ("2.7", False))
        self.assertEqual(pypi_index.cpython_minor("py3", "none"), (None, False))

    def test_sdist_is_not_a_wheel(self):
        self.assertIsNone(pypi_index.parse_wheel_filename("torchvision-0.1.6.tar.gz"))

    def test_platform_names(self):
        cases = {"manylinux1_x86_64": "linux-x86_64", "manylinux_2_28_aarch64": "linux-aarch64",
                 "manylinux2014_aarch64": "linux-aarch64", "win_amd64": "windows-x86_64",
                 "macosx_10_9_x86_64": "macos-x86_64", "macosx_11_0_arm64": "macos-arm64", "any": None}
        for tag, name in cases.items():
            self.assertEqual(pypi_index.platform_name(tag), name, tag)
        with self.assertRaises(ValueError):
            pypi_index.platform_name("macosx_10_9_x86_64.win_amd64")

    def test_final_releases_only(self):
        for version in ("2.4.0", "0.2.2.post3", "1.10.2"):
            self.assertTrue(pypi_index.is_final_release(version), version)
        for version in ("2.1.0rc1", "2.1.0.dev20230101", "2.1.0+cpu", "2.0.0a0"):
            self.assertFalse(pypi_index.is_final_release(version), version)

    def test_version_order_is_numeric(self):
        ordered = sorted(["2.10.0", "2.9.1", "0.2.2.post3", "0.2.2", "0.10.0"], key=pypi_index.version_key)
        self.assertEqual(ordered, ["0.2.2", "0.2.2.post3", "0.10.0", "2.9.1", "2.10.0"])


class ReleaseFacts(unittest.TestCase):
    FILES = [entry("torch-2.10.0-cp312-cp312-manylinux_2_28_x86_64.whl", "2026-01-21T18:00:00Z"),
             entry("torch-2.10.0-3-cp312-cp312-manylinux_2_28_x86_64.whl", "2026-02-02T09:00:00Z"),
             entry("torch-2.10.0-cp313-cp313t-manylinux_2_28_x86_64.whl"),
             entry("torch-2.10.0-2-cp310-none-macosx_11_0_arm64.whl"),
             entry("torch-2.10.0-cp311-cp311-win_amd64.whl")]

    def test_python_support_per_platform(self):
        regular, free = pypi_facts.python_support(self.FILES)
        self.assertEqual({p: sorted(v) for p, v in regular.items()},
                         {"linux-x86_64": ["3.12"], "macos-arm64": ["3.10"], "windows-x86_64": ["3.11"]})
        self.assertEqual({p: sorted(v) for p, v in free.items()}, {"linux-x86_64": ["3.13"]})

    def test_date_is_first_upload(self):
        self.assertEqual(pypi_facts.upload_date(self.FILES), "2026-01-21")

    def test_newest_build_is_read(self):
        chosen = pypi_facts.representative_wheels(self.FILES)["linux-x86_64"]
        self.assertEqual(chosen["filename"], "torch-2.10.0-3-cp312-cp312-manylinux_2_28_x86_64.whl")


class TorchRequirements(unittest.TestCase):
    def test_exact_pins_and_ranges(self):
        self.assertEqual(torch_releases.exact_pin("==1.3.0"), "1.3.0")
        self.assertEqual(torch_releases.exact_pin("==1.3.0.*"), "1.3.0")
        self.assertEqual(torch_releases.exact_pin("==1.10.0+cu102"), "1.10.0")
        self.assertIsNone(torch_releases.exact_pin(">=2.14.0"))
        self.assertIsNone(torch_releases.exact_pin(""))
        self.assertEqual(torch_releases.minimum_only(">=2.14.0"), (2, 14, 0))
        self.assertIsNone(torch_releases.minimum_only(">=2.14.0,<3"))

    def test_requirement_forms(self):
        pins = pypi_facts.torch_pin(["numpy", "torch (==1.4.0)", "pillow>=5.3.0"])
        self.assertEqual(pins, {"torch_requirements": ["==1.4.0"], "torch_pin": "1.4.0"})
        self.assertEqual(pypi_facts.torch_pin(["torch"])["torch_pin"], None)
        self.assertEqual(pypi_facts.torch_pin(["torch>=2.14.0"])["torch_requirements"], [">=2.14.0"])

    def test_variant_from_version_py(self):
        self.assertEqual(torch_releases.variant_of_build({"version_py_cuda": "10.1.243"}), "cu101")
        self.assertEqual(torch_releases.variant_of_build({"version_py_cuda": "13.2"}), "cu132")
        self.assertEqual(torch_releases.variant_of_build({"version_py_cuda": None, "version_py_hip": "6.1.40091"}),
                         "rocm6.1")
        self.assertEqual(torch_releases.variant_of_build({"version_py_cuda": None}), "cpu")
        self.assertIsNone(torch_releases.variant_of_build(None))


if __name__ == "__main__":
    unittest.main(verbosity=1)
