"""One router per feature; `api.app.create_app` includes them all."""
