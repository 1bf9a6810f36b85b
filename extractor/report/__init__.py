"""The report contract: what chiso gives, and nothing that makes it.

`model` is the report as pydantic models (../shared/spec/OUTPUT.md), with its JSON that
keeps exact digits; `errors` the error classes and the codes of a report's `errors`
entries (E001–E015); `schema/` the JSON Schema written from the model. It imports nothing
of chiso: every layer may use it, and the report is built from the pipeline's working
state in pipeline.build."""
