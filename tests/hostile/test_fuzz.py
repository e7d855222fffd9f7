"""Property-based fuzzing: random bytes, token soup, grammar-generated
programs and random calls of every standard-library function never get
anything but a ``mani.ManiError`` to the host, and every run ends within its
budget. The example counts keep the suite fast; ``tools/fuzz.py`` runs the
same generators for as long as it is given."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings

import fuzzgen  # tests/hostile/fuzzgen.py (pytest puts this folder on sys.path)

FAST = settings(max_examples=150, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@FAST
@given(fuzzgen.random_source)
def test_random_bytes(source):
    fuzzgen.run_one(source)


@FAST
@given(fuzzgen.token_soup)
def test_token_soup(source):
    fuzzgen.run_one(source)


@FAST
@given(fuzzgen.program)
def test_grammar_programs(source):
    fuzzgen.run_one(source)


@settings(FAST, max_examples=400)
@given(fuzzgen.library_call)
def test_library_calls_with_random_arguments(source):
    fuzzgen.run_one(source)


@settings(FAST, max_examples=60)
@given(fuzzgen.disruption)
def test_interrupt_close_and_cancel_from_other_threads(case):
    body, action, delay = case
    fuzzgen.run_disrupted(body, action, delay)
