"""Where people and programs meet chiso: the command line (cli/), batch runs (batch,
batch_input), the HTTP API (server, limits, api_errors, uploads, workers, views, logs)
and its web page (page, web/), the static HTML report, CSV export (export), the spaCy
component, and the words they print in both languages (messages). Takes what a user
gives; calls the pipeline; gives reports, tables and pages."""
