# azchina — the commands a developer and CI need. `make test` is what CI runs.

GO       ?= go
GOFMT    ?= $(shell $(GO) env GOROOT)/bin/gofmt
BIN      ?= bin/azchina
SCORE    ?= ../shared/eval/score.py
FUZZTIME ?= 30s
FUZZ     ?= .

# The race detector needs cgo, and so a C compiler; the go command turns cgo off where it
# finds none (a machine with only Go and make). There the tests run without -race, and
# say so. RACE=-race or RACE= forces either way.
RACE     ?= $(if $(filter 1,$(shell $(GO) env CGO_ENABLED)),-race,)

.PHONY: all build test bench eval run fuzz clean wordnet

all: build

build:
	$(GO) build -o $(BIN) ./cmd/azchina

# vet, formatting, and every test (with the fuzz targets' seed corpora) under the race
# detector. Modules are downloaded by the go command itself; the tests need nothing else
# (time zones are built in; the tests that run the binary build it).
test:
	@unformatted=$$($(GOFMT) -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$unformatted" ]; then echo "gofmt would change: $$unformatted"; exit 1; fi
	$(GO) vet ./...
	@[ -n "$(RACE)" ] || echo "note: cgo is off (no C compiler?), so the tests run without the race detector; install gcc to run them with it"
	$(GO) test $(RACE) -count=1 ./...

bench:
	$(GO) test -run '^$$' -bench . -benchmem ./...

# The dev questions through the real binary and the shared scorer.
eval: build
	@test -f $(SCORE) || { echo "no scorer at $(SCORE): set SCORE=path/to/score.py"; exit 1; }
	python3 $(SCORE) --questions knowledge/testdata/dev.jsonl -- $(BIN) ask --json -

run:
	$(GO) run ./cmd/azchina

# Every fuzz target whose name matches FUZZ (all by default), FUZZTIME each. make test
# runs their seed corpora; this searches beyond them.
fuzz:
	@for pkg in $$($(GO) list ./...); do \
		for target in $$($(GO) test -list '^Fuzz' $$pkg | grep '^Fuzz' | grep -E '$(FUZZ)'); do \
			echo "== $$target ($$pkg)"; \
			$(GO) test -run '^$$' -fuzz "^$$target$$" -fuzztime $(FUZZTIME) $$pkg || exit 1; \
		done; \
	done

clean:
	rm -rf bin

# Regenerate knowledge/data/english.txt and irregular.txt from WordNet (Debian: apt-get
# install wordnet). The output is committed; builds and tests do not need WordNet.
wordnet:
	$(GO) run ./knowledge/internal/wordnetgen -dict /usr/share/wordnet -out knowledge/data
