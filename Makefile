# Two commands: `make run` and `make test`. Everything else is a helper.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
QM := resources/i18n/reflectdesk_es.qm resources/i18n/reflectdesk_en.qm resources/i18n/qt_extra_es.qm

.PHONY: run test lint typecheck pytest system-deps translations lupdate screenshots bench clean \
	wheel dist install-desktop

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

# The .qm are committed (the wheel ships them as they are); a test checks they match the .ts.
resources/i18n/%.qm: resources/i18n/%.ts | $(STAMP)
	$(VENV)/bin/pyside6-lrelease -silent $< -qm $@

translations: $(QM)

run: $(STAMP) translations
	$(VENV)/bin/reflectdesk

lint: $(STAMP)
	$(VENV)/bin/ruff check src tests benchmarks tools packaging
	$(VENV)/bin/ruff format --check src tests benchmarks tools packaging

typecheck: $(STAMP)
	$(VENV)/bin/mypy

# The Debian tools the tests drive for real; installs them when it may, else says what.
system-deps:
	tools/system-deps.sh

pytest: $(STAMP) translations system-deps
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q

test: lint typecheck pytest

# What users get: a wheel (and the sdist it must also build from).
wheel: $(STAMP) translations
	# build/lib may hold files a previous build left behind: never let them into the wheel.
	rm -rf dist/wheel build/lib build/bdist.* && $(PY) -m pip wheel --quiet --no-deps -w dist/wheel .

# The app folder people run (packaging/README.md): PyInstaller on the wheel installed in a
# throwaway venv (never the checkout), then the tarball and its SHA-256 (`sha256sum -c`).
DIST_VENV := build/dist-venv
dist: wheel
	rm -rf $(DIST_VENV) dist/ReflectDesk dist/ReflectDesk-*.tar.gz dist/ReflectDesk-*.tar.gz.sha256
	$(PYTHON) -m venv $(DIST_VENV)
	$(DIST_VENV)/bin/python -m pip install --quiet "$$(ls dist/wheel/reflectdesk-*.whl)[dist]"
	$(DIST_VENV)/bin/pyinstaller --noconfirm --log-level WARN --distpath dist \
		--workpath build/pyinstaller packaging/reflectdesk-linux.spec
	cd dist && version=$$(../$(DIST_VENV)/bin/python -I -c \
		'import reflectdesk; print(reflectdesk.__version__)') && \
		name=ReflectDesk-$$version-linux-$$(uname -m).tar.gz && \
		tar --sort=name --owner=0 --group=0 --numeric-owner -cf - ReflectDesk | gzip -n >$$name && \
		sha256sum $$name >$$name.sha256 && du -sh ReflectDesk $$name

# Per user, no root: desktop entry, icons, AppStream metainfo, .rdbundle/.rdcard types.
install-desktop: $(STAMP) translations
	$(VENV)/bin/reflectdesk-cli desktop install

# Re-extract every tr()/QT_TRANSLATE_NOOP string into the .ts sources. No line numbers
# in the .ts (-locations none): parallel branches then merge without conflicts.
lupdate: $(STAMP)
	$(VENV)/bin/pyside6-lupdate $$(find src/reflectdesk -name '*.py' | sort) \
		-ts resources/i18n/reflectdesk_es.ts resources/i18n/reflectdesk_en.ts -no-obsolete -locations none

screenshots: $(STAMP) translations
	QT_QPA_PLATFORM=offscreen $(PY) tools/screenshots.py docs/screenshots

bench: $(STAMP)
	$(PY) benchmarks/run_all.py

clean:
	rm -rf $(VENV) build dist .mypy_cache .pytest_cache .ruff_cache
