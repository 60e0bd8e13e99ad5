#!/usr/bin/env python3
"""Every fix `torchcompat check` prints is run as printed, and the environment
is checked again (issue 15): real virtual environments, real pip, a wheel
index on 127.0.0.1 (no network), Debian's real python3-torch and
python3-torchvision.

    fixes_run.py <bin/torchcompat> <work dir> <probe>

The index serves small wheels that carry the real wheels' dependency
metadata: Requires-Python and Requires-Dist of PyPI's cp311 manylinux wheels
(tests/cli/wheel-metadata.json, read from PyPI), under their real tags, so
pip resolves each fix as it would against PyPI; every distribution they
require is served as a stand-in of the version they pin. A +cuXYZ build that
is not PyPI's own (2.5.1+cu118) carries PyPI's metadata of its release
without the nvidia-* pins (its own nvidia-*-cu11 pins are published only on
download.pytorch.org, out of reach here). torch/version.py records the
build's CUDA, where the command reads it. The tables the command reads are
the project's, with the wheel index base pointed at that server, so a printed
--index-url names it; a fix without one is run with PIP_INDEX_URL pointing
pip's default index at the server's PyPI stand-in (no network).
"""
import functools
import http.server
import json
import os
import re
import shutil
import subprocess
import sys
import threading
import zipfile

CLI, WORK, PROBE = sys.argv[1], sys.argv[2], sys.argv[3]
SOURCE_DATA = os.path.join(os.path.dirname(os.path.abspath(CLI)), "..", "data")
SYSTEM_PYTHON = "/usr/bin/python3"
OLD_DRIVER = {"TORCHCOMPAT_OVERRIDE_DRIVER": "470.82.01", "TORCHCOMPAT_OVERRIDE_CUDA": "11.4",
              "TORCHCOMPAT_OVERRIDE_GPU_ARCHS": "8.6"}
GPU_MACHINE = {"TORCHCOMPAT_OVERRIDE_DRIVER": "550.54.14", "TORCHCOMPAT_OVERRIDE_CUDA": "12.4",
               "TORCHCOMPAT_OVERRIDE_GPU_ARCHS": "8.6"}
# A driver new enough for PyPI's own CUDA 13.2 build of torch 2.15.0.
NEW_DRIVER = {"TORCHCOMPAT_OVERRIDE_DRIVER": "595.45.04", "TORCHCOMPAT_OVERRIDE_CUDA": "13.2",
              "TORCHCOMPAT_OVERRIDE_GPU_ARCHS": "8.6"}
failures = []


def fail(message):
    failures.append(message)
    print("FAIL: " + message, file=sys.stderr)


METADATA = json.load(open(os.path.join(os.path.dirname(os.path.abspath(__file__)),
                             "wheel-metadata.json"), encoding="utf-8"))["wheels"]
def wheel(index, name, version, requires=(), cuda=None, requires_python=None,
          tag="py3-none-any", extras=()):
    """A wheel of <name> <version> in <index>/<name>/, as pip finds it in a
    directory listing (PEP 503 by way of http.server)."""
    project = re.sub(r"[-_.]+", "-", name).lower()
    folder = os.path.join(index, project)
    os.makedirs(folder, exist_ok=True)
    stem = f"{re.sub(r'[-.]+', '_', name)}-{version}"
    path = os.path.join(folder, f"{stem}-{tag}.whl")
    files = {f"{stem}.dist-info/METADATA":
             f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n"
             + (f"Requires-Python: {requires_python}\n" if requires_python else "")
             + "".join(f"Requires-Dist: {r}\n" for r in requires)
             + "".join(f"Provides-Extra: {e}\n" for e in extras),
             f"{stem}.dist-info/WHEEL":
             "Wheel-Version: 1.0\nGenerator: torchcompat-tests\n"
             f"Root-Is-Purelib: {'true' if tag == 'py3-none-any' else 'false'}\nTag: {tag}\n"}
    if cuda is not None:
        files[f"{name}/__init__.py"] = ""
        files[f"{name}/version.py"] = (
            "from typing import Optional\n" f"__version__ = '{version}'\n"
            f"cuda: Optional[str] = \"{cuda}\"\nhip = None\n")
    record = "".join(f"{f},,\n" for f in files) + f"{stem}.dist-info/RECORD,,\n"
    files[f"{stem}.dist-info/RECORD"] = record
    with zipfile.ZipFile(path, "w") as archive:
        for member, text in files.items():
            archive.writestr(member, text)


def real_wheel(index, name, version, cuda=None, pypi_build=True):
    """A wheel of <name> <version> with the real wheel's tag, Requires-Python,
    Requires-Dist and Provides-Extra (wheel-metadata.json), and a stand-in of
    each distribution it requires, at the version it pins (the lowest it
    allows): the real metadata's own where the table has it (cuda-toolkit,
    whose extras name the nvidia-* wheels), else an empty wheel. A build that
    is not PyPI's own (+cu118, +cu126) drops PyPI's CUDA pins: its own are
    published only on download.pytorch.org, out of reach here."""
    public = version.split("+")[0]
    meta = METADATA[f"{name}=={public}"]
    requires = meta["requires_dist"]
    if not pypi_build:
        requires = [r for r in requires if not r.startswith(CUDA_DISTRIBUTIONS)]
    tag = "-".join(meta["file"][:-len(".whl")].split("-")[2:])
    wheel(index, name, version, requires, cuda, meta["requires_python"], tag,
          meta.get("provides_extra", ()))
    for requirement in requires:
        dependency = re.match(r"[A-Za-z0-9_.-]+", requirement).group(0)
        if dependency in ("torch", "torchvision", "torchaudio"):
            continue
        pins = re.findall(r"(?:==|>=|~=)\s*([0-9][0-9A-Za-z.]*)", requirement.split(";")[0])
        # nvidia-cublas==13.4.1.3.* pins 13.4.1.3.
        stand_in = pins[0].rstrip(".") if pins else "1.0"
        if (index, dependency, stand_in) in STAND_INS:
            continue
        STAND_INS.add((index, dependency, stand_in))
        if f"{dependency}=={stand_in}" in METADATA:
            real_wheel(index, dependency, stand_in)
        else:
            wheel(index, dependency, stand_in)


CUDA_DISTRIBUTIONS = ("nvidia-", "cuda-toolkit", "cuda-bindings")
STAND_INS = set()


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(root):
    handler = functools.partial(QuietHandler, directory=root)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def run(command, env=None, shell=False):
    full_env = dict(os.environ)
    for name in list(full_env):
        if name.startswith("TORCHCOMPAT_OVERRIDE_") or name in ("VIRTUAL_ENV", "CONDA_PREFIX"):
            del full_env[name]
    full_env.update(env or {})
    full_env["PIP_NO_INPUT"] = "1"
    full_env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    return subprocess.run(command, env=full_env, shell=shell, capture_output=True, text=True,
                          timeout=300)


def check(python, machine, data, versions=()):
    """`check [VERSIONS] --python PYTHON` (what <python> has installed when no
    versions are given) on <machine>: its exit status and JSON answer."""
    env = dict(machine, TORCHCOMPAT_DATA_DIR=data, TORCHCOMPAT_PROBE_EXECUTABLE=PROBE)
    result = run([CLI, "--format", "json", "check", *versions, "--python", python], env)
    try:
        return result.returncode, json.loads(result.stdout)
    except ValueError:
        fail(f"check {' '.join(versions)} --python {python}: not JSON:\n{result.stdout}"
             f"{result.stderr}")
        return result.returncode, {}


def venv(path, system_site=False):
    shutil.rmtree(path, ignore_errors=True)
    args = [SYSTEM_PYTHON, "-m", "venv"] + (["--system-site-packages"] if system_site else [])
    result = run(args + [path])
    if result.returncode != 0:
        sys.exit(f"python3 -m venv failed: {result.stderr}")
    return os.path.join(path, "bin", "python")


def run_and_recheck(name, installs, printed, would_install, base_url, data, asked=(),
                    machine=GPU_MACHINE, pulled_in=()):
    """A venv with <installs> from the PyPI stand-in; the first fix of
    `check <asked> --python VENV` on <machine> must be "<python> <printed>"
    (<printed> may name the index as {index}), pip --dry-run of it must
    install <would_install>, and after running it as printed the check of
    what the venv has must say works (and the distributions <pulled_in> be
    installed: what the fix's requirements bring in, as from PyPI)."""
    python = venv(os.path.join(WORK, name))
    printed = printed.format(index=base_url)
    pypi = {"PIP_INDEX_URL": base_url + "pypi"}
    for requirement, options in installs:
        setup = run([python, "-m", "pip", "install"] + options + [requirement], pypi)
        if setup.returncode != 0:
            sys.exit(f"setting up the {name} venv failed: {setup.stdout}{setup.stderr}")
    status, answer = check(python, machine, data, asked)
    fixes = answer.get("fixes", [])
    if status != 1 or not fixes or fixes[0] != f"{python} {printed}":
        fail(f"{name}: expected the first fix '{python} {printed}', got {status} {fixes}")
        return
    # The one command printed is the one run here: the others are words
    # (another Python), never a command that would not resolve (a build of
    # a release without wheels for this Python).
    commands = [f for f in fixes if f.startswith(python)]
    if commands != fixes[:1]:
        fail(f"{name}: expected one command among the fixes, got {fixes}")
    fix = fixes[0]
    dry = run(fix + " --dry-run", pypi, shell=True)
    if dry.returncode != 0 or would_install not in dry.stdout:
        fail(f"{name}: the fix, --dry-run, would not install {would_install}:\n{dry.stdout}"
             f"{dry.stderr}")
        return
    ran = run(fix, pypi, shell=True)
    if ran.returncode != 0:
        fail(f"{name}: the fix as printed failed:\n{fix}\n{ran.stdout}{ran.stderr}")
        return
    for distribution in pulled_in:
        shown = run([python, "-m", "pip", "show", distribution])
        if shown.returncode != 0:
            fail(f"{name}: the fix did not bring in {distribution}:\n{ran.stdout}")
    status, answer = check(python, machine, data)
    if status != 0 or answer.get("verdict") != "works":
        fail(f"{name}: after the fix, expected works: {status} {answer.get('verdict')} "
             f"{answer.get('problems')}")
    else:
        print(f"ok: ran '{fix}', the check now says works")


def main():
    shutil.rmtree(WORK, ignore_errors=True)
    os.makedirs(WORK)
    index_root = os.path.join(WORK, "index")
    whl = os.path.join(index_root, "whl")
    # download.pytorch.org's indexes of 2.5.1 (PyPI's own build is cu124) and
    # a PyPI stand-in with the releases the fixes below install.
    # download.pytorch.org's index of 2.14.0 cu126, for a driver that cannot
    # run PyPI's 2.14.0 (cu130).
    for variant, cuda, versions in (("cu124", "12.4", ("2.5.1", "0.20.1", "2.5.1")),
                                    ("cu118", "11.8", ("2.5.1", "0.20.1", "2.5.1")),
                                    ("cu126", "12.6", ("2.14.0", "0.29.0", "2.11.0"))):
        base = os.path.join(whl, variant)
        for name, version in zip(("torch", "torchvision", "torchaudio"), versions):
            real_wheel(base, name, f"{version}+{variant}", cuda if name == "torch" else None,
                       pypi_build=variant == "cu124")
    pypi = os.path.join(whl, "pypi")
    for name, version, cuda in (("torch", "2.4.0", "12.1"), ("torch", "2.5.1", "12.4"),
                                ("torch", "2.15.0", "13.2"),
                                ("torchvision", "0.18.0", None), ("torchvision", "0.19.0", None),
                                ("torchvision", "0.20.1", None), ("torchvision", "0.29.2", None),
                                ("torchaudio", "2.4.0", None), ("torchaudio", "2.5.1", None),
                                ("torchaudio", "2.11.1", None)):
        real_wheel(pypi, name, version, cuda)
    server = serve(index_root)
    base_url = f"http://127.0.0.1:{server.server_address[1]}/whl/"

    data = os.path.join(WORK, "data")
    shutil.copytree(SOURCE_DATA, data)
    variants_file = os.path.join(data, "torch-variants.json")
    with open(variants_file, encoding="utf-8") as handle:
        variants = json.load(handle)
    variants["wheel_index_base"] = base_url
    with open(variants_file, "w", encoding="utf-8") as handle:
        json.dump(variants, handle, indent=2)

    # 1. PyPI-style torch 2.5.1+cu124 on a driver that cannot run cu124.
    python = venv(os.path.join(WORK, "cu124"))
    setup = run([python, "-m", "pip", "install", "--index-url", base_url + "cu124",
                 "torch==2.5.1+cu124", "torchvision==0.20.1+cu124", "torchaudio==2.5.1+cu124"])
    if setup.returncode != 0:
        sys.exit(f"setting up the cu124 venv failed: {setup.stdout}{setup.stderr}")
    status, answer = check(python, OLD_DRIVER, data)
    fixes = answer.get("fixes", [])
    if status != 1 or answer.get("verdict") != "problem" or not fixes:
        fail(f"cu124 on driver 470: expected a problem with fixes, got {status} {answer}")
    else:
        fix = fixes[0]
        if not fix.startswith(python + " -m pip install torch==2.5.1+cu118 "):
            fail(f"the first fix names neither the interpreter nor the local version: {fix}")
        # The fix without its local versions is what pip would keep as it is.
        unpinned = fix.replace("+cu118", "") + " --dry-run"
        kept = run(unpinned, shell=True)
        if "Would install" in kept.stdout or kept.returncode != 0:
            fail(f"expected pip to keep 2.5.1+cu124 for ==2.5.1:\n{kept.stdout}{kept.stderr}")
        dry = run(fix + " --dry-run", shell=True)
        if dry.returncode != 0 or "torch-2.5.1+cu118" not in dry.stdout:
            fail(f"the fix, --dry-run, would not install torch 2.5.1+cu118:\n{dry.stdout}"
                 f"{dry.stderr}")
        ran = run(fix, shell=True)
        if ran.returncode != 0:
            fail(f"the fix as printed failed:\n{fix}\n{ran.stdout}{ran.stderr}")
        status, answer = check(python, OLD_DRIVER, data)
        if status != 0 or answer.get("verdict") != "works":
            fail(f"after the fix, expected works: {status} {answer.get('verdict')} "
                 f"{answer.get('problems')}")
        else:
            print(f"ok: ran '{fix}', the check now says works")

    # 2. Debian's python3-torch 1.13.1 under a --system-site-packages venv
    #    where pip put torchvision 0.20.1 on top.
    python = venv(os.path.join(WORK, "debian-mix"), system_site=True)
    setup = run([python, "-m", "pip", "install", "--no-deps", "--index-url", base_url + "pypi",
                 "torchvision==0.20.1"])
    if setup.returncode != 0:
        sys.exit(f"setting up the debian-mix venv failed: {setup.stdout}{setup.stderr}")
    status, answer = check(python, GPU_MACHINE, data)
    fixes = answer.get("fixes", [])
    if status != 1 or fixes != [python + " -m pip uninstall -y torchvision"]:
        fail(f"Debian mix: expected the one fix 'uninstall torchvision', got {status} {fixes}")
    else:
        ran = run(fixes[0], shell=True)
        if ran.returncode != 0:
            fail(f"the fix as printed failed:\n{fixes[0]}\n{ran.stdout}{ran.stderr}")
        status, answer = check(python, GPU_MACHINE, data)
        if status != 0 or answer.get("verdict") != "works":
            fail(f"after the uninstall, expected works (Debian's pair): {status} {answer}")
        else:
            print(f"ok: ran '{fixes[0]}', the check now says works")

    # 3. A companion that does not pair: the printed install of the one that
    #    does, from PyPI (its stand-in), dry run first, then for real.
    run_and_recheck("mismatch", [("torch==2.4.0", []), ("torchvision==0.18.0", ["--no-deps"])],
                    "-m pip install torchvision==0.19.0", "torchvision-0.19.0", base_url, data)
    # 4. A companion without torch: the printed install of the torch it needs
    #    (with its real dependencies: nvidia-*, triton, sympy, ...).
    run_and_recheck("vision-only", [("torchvision==0.20.1", ["--no-deps"])],
                    "-m pip install torch==2.5.1", "torch-2.5.1", base_url, data)

    # 5. A release without wheels for the venv's Python (torch 1.12.1 has
    #    none for 3.11): the newest release that has them and runs here,
    #    from the index of the build that runs on this driver ...
    run_and_recheck("python-version", [],
                    "-m pip install torch==2.14.0 torchvision==0.29.0 torchaudio==2.11.0 "
                    "--index-url {index}cu126", "torch-2.14.0+cu126", base_url, data,
                    asked=("1.12.1",))
    #    ... and PyPI's own build where the driver runs it: torch 2.15.0,
    #    whose CUDA libraries come through cuda-toolkit's extras.
    run_and_recheck("python-version-pypi", [],
                    "-m pip install torch==2.15.0 torchvision==0.29.2 torchaudio==2.11.1",
                    "torch-2.15.0", base_url, data, asked=("1.12.1",), machine=NEW_DRIVER,
                    pulled_in=("cuda-toolkit", "nvidia-cublas", "nvidia-cuda-nvrtc",
                               "nvidia-cudnn-cu13", "triton"))

    # 6. Debian's own pair passes as it is.
    status, answer = check(SYSTEM_PYTHON, GPU_MACHINE, data)
    if status != 0 or answer.get("verdict") != "works":
        fail(f"Debian's python3-torch + python3-torchvision: expected works, got {status} {answer}")
    server.shutdown()
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
