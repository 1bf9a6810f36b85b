"""schemathesis over the API's own OpenAPI schema: generated requests (a bounded number,
a fixed seed) must never give a 5xx, and every response must match the schema."""
from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import negative_data_rejection, positive_data_acceptance

from extractor.interfaces.server import Settings, create_app

# /v1/batch takes JSON Lines: sent as text, like text/plain.
schemathesis.serializer.alias("application/x-ndjson", "text/plain")

APP = create_app(Settings(workers=2, timeout=30, max_body=200_000, max_batch_body=400_000))
schema = schemathesis.openapi.from_asgi("/openapi.json", APP)


@pytest.fixture(scope="module", autouse=True)
def _workers():
    yield
    if getattr(APP.state, "workers", None) is not None:
        APP.state.workers.close()


@schema.parametrize()
@settings(max_examples=25, derandomize=True, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
def test_the_api_keeps_its_schema(case):
    response = case.call()
    assert response.status_code < 500, response.text[:500]
    # A schema-valid body may still be refused as documented: a PNG is a valid binary
    # body but not text (415), and a generated body may pass the size limit (413).
    # A batch answers a bad line with an error line and goes on (as `chiso batch` does),
    # so a batch of bad lines is not a 4xx.
    excluded = [positive_data_acceptance]
    if case.operation.path == "/v1/batch":
        excluded.append(negative_data_rejection)
    case.validate_response(response, excluded_checks=excluded)
    if case.meta is not None and case.meta.generation.mode.is_positive:
        assert response.status_code < 300 or response.status_code in (413, 415), response.text[:500]
