"""Hostile and broken learner submissions, and a runner that puts them through nbgrader.

``cases.CASES`` is the corpus; ``harness.run_corpus`` builds throwaway courses, submits every
case alongside honest control learners, autogrades each unit in one batch and judges each case.
"""
