"""The built wheel carries the datasets, and finds them from any folder."""

from __future__ import annotations

import subprocess
import sys
import sysconfig
import textwrap
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_wheel_installs_and_loads_datasets_from_another_folder(tmp_path, built_wheel):
    """Does a wheel installed in a fresh venv load a dataset, run from an unrelated folder?"""
    wheel = built_wheel
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=False)
    python = env_dir / "bin" / "python"
    site = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-deps",
            "--no-index",
            "--target",
            site,
            str(wheel),
        ],
        check=True,
        capture_output=True,
    )
    # The dependencies come from the test environment's site-packages, added as a plain path
    # (so its editable install of the checkout is not picked up).
    (Path(site) / "_test_deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    script = textwrap.dedent(
        f"""
        import coursework_kit
        from coursework_kit.datasets import data_dir, load_campaigns
        from coursework_kit.metrics.calculation import metric_specs
        assert str(data_dir()).startswith({site!r}), data_dir()
        assert data_dir().name == "_datasets"
        assert len(load_campaigns()) == 72
        assert len(metric_specs()) == 20
        from pathlib import Path
        from coursework_kit.quiz import QuizRecord
        from coursework_kit.records import RecordFile
        assert (Path(coursework_kit.__file__).parent / "py.typed").is_file()
        store = RecordFile(QuizRecord, "demo", Path("evidence"))
        store.save(QuizRecord.new("demo"))  # the shipped schema is found and used
        assert store.load() == QuizRecord.new("demo")
        print("ok", coursework_kit.__file__)
        """
    )
    result = subprocess.run(
        [str(python), "-c", script], cwd=elsewhere, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("ok " + site)


@pytest.mark.slow
def test_wheel_ships_its_lab_settings_in_overrides_d(built_wheel):
    """Does the wheel put its JupyterLab settings in overrides.d/ under its own name, leaving
    overrides.json (an administrator's file) alone?"""
    import json
    import zipfile

    with zipfile.ZipFile(built_wheel) as wheel:
        names = wheel.namelist()
        settings = [n for n in names if "/share/jupyter/lab/settings/" in n]
        assert [n.split(".data/data/", 1)[1] for n in settings] == [
            "share/jupyter/lab/settings/overrides.d/coursework-kit.json"
        ]
        shipped = json.loads(wheel.read(settings[0]))
    assert not [n for n in names if n.endswith("settings/overrides.json")]
    notification = shipped["@jupyterlab/apputils-extension:notification"]
    assert notification == {"checkForUpdates": False, "fetchNews": "false"}
