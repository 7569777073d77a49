"""The error answers every API operation may give, written into the OpenAPI schema.

drf-spectacular documents only the success of each operation; a client (and the
schemathesis run of ``tests/test_api_fuzz.py``) must also know the shapes of the refusals
that the gates and the validation give: 401 without a valid token, 403 for a refused
action, 404 for an object the caller may not see (hidden and missing alike), 400 with
the reasons per field, 429 past the rate limit.
"""

ERROR_DETAIL = {
    "type": "object",
    "description": "Lý do từ chối.",
    "properties": {"detail": {"type": "string"}},
    "required": ["detail"],
}

# DRF's validation answer: a list of messages per field ("non_field_errors" for the
# whole request), or a single "detail" when the body is not JSON at all.
VALIDATION_ERRORS = {
    "type": "object",
    "description": "Lỗi theo từng trường.",
    "additionalProperties": {
        "anyOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}]
    },
}


def _answer(description: str, component: str) -> dict:
    return {
        "description": description,
        "content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{component}"}}},
    }


def add_error_responses(result, generator, request, public):
    """drf-spectacular post-processing hook (``SPECTACULAR_SETTINGS``)."""
    schemas = result.setdefault("components", {}).setdefault("schemas", {})
    schemas["ErrorDetail"] = ERROR_DETAIL
    schemas["ValidationErrors"] = VALIDATION_ERRORS
    for path, operations in result.get("paths", {}).items():
        for operation in operations.values():
            for parameter in operation.get("parameters", []):
                if parameter["name"] == "page":  # empty: the first page, as DRF reads it
                    parameter["allowEmptyValue"] = True
            responses = operation.setdefault("responses", {})
            takes_input = "requestBody" in operation or any(
                parameter.get("in") == "query" for parameter in operation.get("parameters", [])
            )
            if takes_input:
                responses.setdefault("400", _answer("Dữ liệu không hợp lệ.", "ValidationErrors"))
            responses.setdefault("401", _answer("Chưa xác thực.", "ErrorDetail"))
            responses.setdefault("403", _answer("Không có quyền.", "ErrorDetail"))
            pages = any(
                parameter.get("name") == "page" for parameter in operation.get("parameters", [])
            )
            if "{" in path or pages:  # a page past the last one is a 404 too
                responses.setdefault("404", _answer("Không tìm thấy.", "ErrorDetail"))
            responses.setdefault("429", _answer("Quá nhiều yêu cầu.", "ErrorDetail"))
    return result
