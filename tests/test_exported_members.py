"""Each package's __all__ is exactly what it exposes, and every name in it exists."""

from __future__ import annotations

import importlib

import pytest

PACKAGES = {
    "coursework_kit": {
        "CourseworkError",
        "DatasetError",
        "EvidenceError",
        "MetricInputError",
        "MetricTypeError",
        "QuizError",
        "__version__",
    },
    "coursework_kit.metrics": {
        "ABTestResult",
        "ChannelDashboard",
        "MetricCalculator",
        "ab_test",
        "aht",
        "aov",
        "bounce_rate",
        "cac",
        "calculate",
        "check_answer",
        "click_to_open_rate",
        "clv",
        "conversion_rate",
        "cpa",
        "cpc",
        "cpm",
        "csat",
        "ctr",
        "engagement_rate",
        "fcr",
        "nps",
        "open_rate",
        "roas",
        "roi",
        "unsubscribe_rate",
    },
    "coursework_kit.quiz": {
        "Option",
        "Question",
        "QuestionResult",
        "Quiz",
        "QuizBank",
        "load_bank",
    },
    "coursework_kit.datasets": {
        "data_dir",
        "data_path",
        "load_campaigns",
        "load_contacts",
        "load_email_sends",
        "load_rows",
        "load_yaml",
        "table_schema",
        "validate",
    },
    "coursework_kit.chat": {
        "FLAGS",
        "CRMCheck",
        "CRMRecord",
        "ChatPicker",
        "ChatWidget",
        "Conversation",
        "CriterionResult",
        "ReplyAssessment",
        "Scenario",
        "TranscriptReport",
        "Turn",
        "assess_reply",
        "assess_transcript",
        "check_crm",
        "list_scenarios",
        "load_scenario",
    },
    "coursework_kit.gdpr": {
        "AccessDeadlineCalculator",
        "BreachDecision",
        "BreachHelper",
        "CookieRule",
        "GdprInputError",
        "GdprTypeError",
        "MarketingPermissionChecker",
        "MarketingVerdict",
        "ScenarioQuiz",
        "breach_notification",
        "check_electronic_marketing",
        "cookie_needs_consent",
        "cookie_purposes",
        "cookie_rule",
        "dsar_deadline",
    },
    "coursework_kit.grading": {
        "current_learner",
        "score_choice",
        "score_numeric",
        "score_transcript",
    },
    "coursework_kit.criteria": {"Criterion", "catalogue", "cell_criteria"},
    "coursework_kit.reports": {"CriteriaMatrix", "CriterionStatus", "criteria_matrix"},
    "coursework_kit.report_pages": {"write_criteria_report"},
    "coursework_kit.evidence": {"Attempt", "Evidence", "SaveOutcome", "content_size"},
    "coursework_kit.learner": {"learner_id", "variant_seed"},
}


@pytest.mark.parametrize(("name", "expected"), PACKAGES.items())
def test_all_is_the_public_surface(name, expected):
    """Is __all__ the agreed public surface, and does every name in it resolve?"""
    module = importlib.import_module(name)
    assert set(module.__all__) == expected
    for member in module.__all__:
        assert getattr(module, member) is not None
    defined_here = {
        n
        for n in dir(module)
        if not n.startswith("_") and getattr(getattr(module, n), "__module__", None) == name
    }
    assert defined_here <= set(module.__all__), "public but not in __all__ (make it _private?)"


def test_no_production_class_is_named_like_a_test():
    """Do no classes start with 'Test' (pytest would try to collect them)?"""
    for name in PACKAGES:
        module = importlib.import_module(name)
        assert not [m for m in module.__all__ if m.startswith("Test")]
