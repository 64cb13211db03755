"""Every graded cell names the assessment criteria it evidences, from the catalogue."""

from __future__ import annotations

from pathlib import Path

import nbformat

from coursework_kit.tutor.criteria import catalogue, cell_criteria

ROOT = Path(__file__).resolve().parents[2]
SOURCES = sorted(ROOT.glob("assignments/source/*/*.ipynb"))


def graded_cells():
    for path in SOURCES:
        for cell in nbformat.read(path, as_version=4).cells:
            if cell.metadata.get("nbgrader", {}).get("grade"):
                yield path, cell


def test_catalogue_codes_are_unique_and_cover_five_units():
    """Does the catalogue hold criteria for all five units, each code once?"""
    codes = catalogue()
    assert {c.unit for c in codes.values()} == {1, 2, 3, 4, 5}
    assert all(code.startswith(f"U{c.unit}-AC") for code, c in codes.items())


def test_every_graded_cell_names_known_criteria():
    """Does every graded cell name at least one criterion, and only codes the catalogue has?"""
    known = set(catalogue())
    cells = list(graded_cells())
    assert cells, "no graded cells found"
    for path, cell in cells:
        codes = cell_criteria(cell.metadata)
        grade_id = cell.metadata["nbgrader"]["grade_id"]
        assert codes, f"{path.name}:{grade_id} names no criteria"
        assert set(codes) <= known, f"{path.name}:{grade_id} names unknown {set(codes) - known}"


def test_every_criterion_has_a_graded_cell():
    """Is every criterion in the catalogue evidenced by at least one graded cell?"""
    evidenced = {code for _, cell in graded_cells() for code in cell_criteria(cell.metadata)}
    assert set(catalogue()) <= evidenced, sorted(set(catalogue()) - evidenced)
