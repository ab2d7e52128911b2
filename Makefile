# `make run` takes a fresh machine to the chat; `make test` to a passing suite.
VENV ?= .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
STAMP := $(VENV)/.installed

.PHONY: install browser run test lint eval calibrate screenshots clean

$(PY):
	python3 -m venv $(VENV)

# torch first: the local CPU wheel. Letting pip resolve torch itself pulls a CUDA build.
$(STAMP): pyproject.toml | $(PY)
	$(PIP) install --upgrade pip
	$(PIP) install torch==2.13.0
	$(PIP) install -e '.[test]'
	# One question builds what every start then reuses (the int8 embedder re-quantised,
	# both models' optimised copies, the bundled article's index): ~20 s once, not on
	# the chat's first question.
	$(VENV)/bin/article-qa ask "What was targeted on November 23?" > /dev/null
	touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	$(VENV)/bin/article-qa serve

# The browser tests drive Debian's Chromium (Playwright's own browser download cannot work
# offline); install it when missing.
browser:
	@command -v chromium >/dev/null || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -q && $$SUDO apt-get install -y -q chromium; }

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy index qa ui tools
	$(VENV)/bin/lint-imports --no-logo
	$(VENV)/bin/deptry .

test: lint browser
	$(VENV)/bin/pytest

eval: $(STAMP)
	$(VENV)/bin/article-qa eval ../shared/eval/article_dev.jsonl
	$(VENV)/bin/article-qa eval ../shared/eval/squad2_dev_normans_rhine.json

calibrate: $(STAMP)
	$(PY) -m tools.calibrate --split --limit 4000

# The README's screenshots are taken on request only, so the suite never dirties the checkout.
screenshots: $(STAMP) browser
	ARTICLE_QA_SCREENSHOTS=1 $(VENV)/bin/pytest tests/ui/test_browser.py tests/ui/test_browser_phone.py

clean:
	rm -rf $(VENV) build *.egg-info
