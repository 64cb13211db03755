"""Assessing a journey record: its shape, and every message checked against PECR."""

from __future__ import annotations

from coursework_kit.journeys.automation.assess import assess, journey_steps, step_work
from coursework_kit.journeys.automation.check import JourneyStep
from coursework_kit.journeys.automation.record import AutomationRecord, AutomationWork, StepWork

AT = "2026-11-02T10:00:00+00:00"


def _record(*steps) -> AutomationRecord:
    return AutomationRecord.new("").with_work(AutomationWork(steps=steps), at=AT)


def trigger(name):
    return StepWork("trigger", trigger=name)


def message(name, channel="email"):
    return StepWork("message", message=name, channel=channel)


def test_no_journey_yet():
    """Does a record with no journey say so, without a crash?"""
    assert "No journey" in assess(AutomationRecord.new("")).summary


def test_every_message_allowed_is_good():
    """A basket reminder under the soft opt-in: is it good, with the rule's source?"""
    feedback = assess(_record(trigger("basket-abandoned"), message("basket-reminder")))
    (good,) = feedback.of("good")
    assert "may be sent" in good.message
    assert "PECR" in good.source
    assert feedback.ready
    assert "Every message" in feedback.summary


def test_a_message_pecr_forbids_must_be_fixed():
    """Is a partner's offer to the same people a must fix, saying why?"""
    feedback = assess(_record(trigger("basket-abandoned"), message("partner-offer", "sms")))
    (refused,) = feedback.of("must fix")
    assert "must not be sent" in refused.message
    assert refused.why
    assert refused.where == "step 2"
    assert "1 of 1 message may not be sent" in feedback.summary


def test_a_badly_shaped_journey_must_be_fixed():
    """Does a journey with no message name what to fix?"""
    feedback = assess(_record(trigger("first-order")))
    assert any("Add at least one message" in f.message for f in feedback.of("must fix"))


def test_an_edited_journey_naming_unknown_steps_is_reported():
    """Is a saved step the builder does not have reported, not a crash?"""
    feedback = assess(_record(trigger("birthday"), message("new-range")))
    assert not feedback.ready
    assert "no trigger 'birthday'" in feedback.findings[0].message
    bad_wait = assess(_record(trigger("first-order"), StepWork("wait", days=0)))
    assert "1 to 365" in bad_wait.findings[0].message


def test_steps_go_to_the_record_and_back_unchanged():
    """Does a journey step survive being saved and read back?"""
    steps = [
        JourneyStep("trigger", trigger="first-order"),
        JourneyStep("wait", days=2),
        JourneyStep("message", message="new-range", channel="sms"),
    ]
    work = AutomationWork(steps=tuple(step_work(s) for s in steps))
    assert journey_steps(work) == steps
