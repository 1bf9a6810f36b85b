"""The package works as a user installs it: build the wheel from a copy of the sources,
install it into a fresh virtual environment and run it from another folder, where no
checkout is in sight. Offline: the wheel is built without build isolation (setuptools
comes with the test extras) and the new environment borrows the already installed
dependencies through a .pth line, so nothing is fetched."""
import shutil
import site
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SENTENCE = "Năm 2022, có chi ủy 1.359/1.417 = 95,91% (tăng 0,14% so với năm 2021).\n"


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    src = tmp_path_factory.mktemp("src")
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, src / name)
    shutil.copytree(ROOT / "extractor", src / "extractor", ignore=shutil.ignore_patterns("__pycache__"))
    out = tmp_path_factory.mktemp("wheel")
    build = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-build-isolation", "--no-deps",
                            "--no-index", "-w", str(out), str(src)], capture_output=True, text=True)
    assert build.returncode == 0, build.stdout + build.stderr
    assert "warning" not in (build.stdout + build.stderr).lower().replace("location", ""), build.stderr
    (whl,) = out.glob("chiso-*.whl")
    return whl


@pytest.fixture(scope="module")
def venv(wheel, tmp_path_factory) -> Path:
    env = tmp_path_factory.mktemp("venv")
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(env)], check=True)
    install = subprocess.run([sys.executable, "-m", "pip", "--python", str(env / "bin" / "python"), "install",
                              "--no-deps", "--no-index", "--quiet", str(wheel)], capture_output=True, text=True)
    assert install.returncode == 0, install.stdout + install.stderr
    # Dependencies from the test environment; its .pth files (the editable install of
    # this checkout among them) are not read from a folder added this way.
    purelib = Path(subprocess.run([str(env / "bin" / "python"), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                                  capture_output=True, text=True, check=True).stdout.strip())
    deps = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"], *site.getsitepackages()}
    (purelib / "_chiso_test_deps.pth").write_text("\n".join(sorted(deps)) + "\n")
    return env


def test_the_wheel_holds_the_rules_and_every_subpackage(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    assert "extractor/checks/rules.py" in names
    assert "extractor/report/schema/report.schema.json" in names
    assert "extractor/patterns/vi/figures.yaml" in names
    assert {Path(n).name for n in names if n.startswith("extractor/patterns/vi/")} >= {
        p.name for p in (ROOT / "extractor" / "patterns" / "vi").glob("*.yaml")}


def test_the_installed_command_runs_from_another_folder(venv, tmp_path):
    article = tmp_path / "bai.txt"
    article.write_text(SENTENCE, encoding="utf-8")
    run = subprocess.run([str(venv / "bin" / "chiso"), "extract", "bai.txt"], cwd=tmp_path,
                         capture_output=True, text=True, env={"PATH": "/usr/bin:/bin"})
    assert run.returncode == 0, run.stderr
    assert '"1.359/1.417 = 95,91%"' in run.stdout and '"id": "bai"' in run.stdout


def test_the_installed_api_is_the_wheel_not_the_checkout(venv, tmp_path):
    code = ("import extractor, sys; from extractor import extract; "
            "r = extract(sys.argv[1]); print(extractor.__file__); print(r.figures[0].value)")
    run = subprocess.run([str(venv / "bin" / "python"), "-c", code, SENTENCE], cwd=tmp_path,
                         capture_output=True, text=True, env={"PATH": "/usr/bin:/bin"})
    assert run.returncode == 0, run.stderr
    where, value = run.stdout.split()
    assert Path(where).is_relative_to(venv) and not Path(where).is_relative_to(ROOT)
    assert value == "95.91"
