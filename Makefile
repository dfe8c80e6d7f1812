# azchina — the commands a developer and CI need. `make test` is what CI runs.

GO       ?= go
BIN      ?= bin/azchina
SCORE    ?= ../shared/eval/score.py
FUZZTIME ?= 30s

.PHONY: all build test bench eval run fuzz clean wordnet

all: build

build:
	$(GO) build -o $(BIN) ./cmd/azchina

# vet, formatting, and every test (with the fuzz targets' seed corpora) under the race
# detector. Modules are downloaded by the go command itself.
test:
	@unformatted=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$unformatted" ]; then echo "gofmt would change: $$unformatted"; exit 1; fi
	$(GO) vet ./...
	$(GO) test -race -count=1 ./...

bench:
	$(GO) test -run '^$$' -bench . -benchmem ./...

# The dev questions through the real binary and the shared scorer.
eval: build
	@test -f $(SCORE) || { echo "no scorer at $(SCORE): set SCORE=path/to/score.py"; exit 1; }
	python3 $(SCORE) --questions knowledge/testdata/dev.jsonl -- $(BIN) ask --json -

run:
	$(GO) run ./cmd/azchina

fuzz:
	$(GO) test -run '^$$' -fuzz FuzzAnswer -fuzztime $(FUZZTIME) ./knowledge

clean:
	rm -rf bin

# Regenerate knowledge/data/english.txt and irregular.txt from WordNet (Debian: apt-get
# install wordnet). The output is committed; builds and tests do not need WordNet.
wordnet:
	$(GO) run ./knowledge/internal/wordnetgen -dict /usr/share/wordnet -out knowledge/data
