# One runner for daily work; CI runs `make test` (see .ci/run), the README's two commands are `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
FRONTEND := app/frontend
DIST := app/static/dist/index.html

ENGINES := .engines
FUSEKI_STAMP := $(ENGINES)/fuseki/.fetched

.PHONY: run test lint fix bench install frontend browser compose fuseki virtuoso neo4j clean

run: install frontend  ## build the graph from the demo corpus and serve it on http://127.0.0.1:8000
	$(BIN)/citykg build demo/corpus
	$(BIN)/citykg serve

test: install frontend browser compose fuseki virtuoso neo4j  ## run the whole test suite (real Oxigraph, FalkorDB, Neo4j, Fuseki, Virtuoso, uvicorn, headless Chromium)
	$(BIN)/pytest

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy app graphstore loaders

fix: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

bench: install fuseki neo4j
	$(BIN)/python bench/extraction.py
	$(BIN)/python bench/ingest.py
	$(BIN)/python bench/query.py
	$(BIN)/python bench/pages.py
	$(BIN)/python bench/load.py
	$(BIN)/python bench/remote.py
	$(BIN)/python bench/analytics.py
	$(BIN)/python bench/mirror.py

install: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[test]"
	touch $(STAMP)

frontend:  ## bundle the web front end from npm packages (skipped when there is no front end yet)
	@if [ -f $(FRONTEND)/package.json ]; then \
		npm ci --prefix $(FRONTEND) --no-audit --no-fund && npm run build --prefix $(FRONTEND); \
	fi

browser:  ## Debian's Chromium for the browser tests (Playwright's own download does not work offline)
	@command -v chromium >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq chromium fonts-wqy-microhei >/dev/null; }

compose:  ## Debian's docker-compose, which checks docker-compose.yml without a Docker engine (tests/test_compose.py)
	@command -v docker-compose >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq docker-compose >/dev/null; }

virtuoso:  ## Debian's OpenLink Virtuoso 7, the second remote SPARQL store the tests start (tests/virtuoso.py)
	@command -v virtuoso-t >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq --no-install-recommends virtuoso-opensource-7-bin >/dev/null; }

fuseki: $(FUSEKI_STAMP)  ## Apache Jena Fuseki's jars from Maven Central into .engines/fuseki (the remote-store tests start it)

$(FUSEKI_STAMP): engines/fuseki.pom.xml
	@command -v mvn >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq maven openjdk-17-jdk-headless >/dev/null; }
	rm -rf $(ENGINES)/fuseki
	mvn -q -B -f engines/fuseki.pom.xml dependency:copy-dependencies -DoutputDirectory=$(CURDIR)/$(ENGINES)/fuseki/lib
	touch $@

# Neo4j 5 for the tests and bench/: its embedded jars from Maven Central plus our launcher,
# cached in .engines/neo4j (a no-op once built; remade when the pom or the launcher changes).
NEO4J := .engines/neo4j
NEO4J_SRC := engines/neo4j

neo4j: $(NEO4J)/.built

$(NEO4J)/.built: $(NEO4J_SRC)/pom.xml $(NEO4J_SRC)/Neo4jLauncher.java
	@command -v mvn >/dev/null 2>&1 && command -v javac >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq maven openjdk-17-jdk-headless >/dev/null; }
	rm -rf $(NEO4J) && mkdir -p $(NEO4J)/classes
	mvn -q -B -Dstyle.color=never -f $(NEO4J_SRC)/pom.xml dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory=$(CURDIR)/$(NEO4J)/lib
	javac -d $(NEO4J)/classes -cp '$(NEO4J)/lib/*' $(NEO4J_SRC)/Neo4jLauncher.java
	touch $@

clean:
	rm -rf $(VENV) $(FRONTEND)/node_modules app/static/dist data .engines
