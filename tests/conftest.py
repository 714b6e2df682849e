"""Shared test settings: Hypothesis profiles.

``HYPOTHESIS_PROFILE=ci`` (what ``.ci/run`` sets) runs few examples so that the suite stays
fast; ``HYPOTHESIS_PROFILE=thorough python -m pytest tests/test_properties.py`` runs many, by
hand. Without the variable, ``dev``: a middle ground for a local ``python -m pytest``.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

settings.register_profile(
    "ci",
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
settings.register_profile(
    "thorough",
    max_examples=2000,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
settings.register_profile(
    "dev",
    max_examples=50,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE") or "dev")
