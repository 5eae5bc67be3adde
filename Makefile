# Polywire — the two commands a fresh Debian machine needs are `make demo`
# and `make test`; see README.md.
GO ?= go
DATA ?= ./data/demo

.PHONY: demo build test test-short race vet bench-extract bench-ner fuzz clean

## demo: build and run the whole pipeline on the bundled demo corpus
demo:
	$(GO) run ./cmd/polywire run --demo --data $(DATA)

build:
	$(GO) build -o bin/polywire ./cmd/polywire

## test: every test; services (Meilisearch, Apertium APY) are started by the
## tests themselves when installed, and required when CI=true
test:
	$(GO) vet ./...
	$(GO) test -count=1 -timeout 40m ./...
	cd bench/extract && $(GO) vet ./... && $(GO) test -count=1 ./...

test-short:
	$(GO) test -count=1 -short ./...

race:
	$(GO) test -count=1 -race -timeout 40m ./pipeline/... ./workers/... ./search/... ./web/...

vet:
	$(GO) vet ./...

## bench-extract: Polywire vs go-trafilatura (with/without fallback) vs
## go-readability on ../shared/data/extraction: F1, pages per CPU-second, peak RSS
bench-extract:
	cd bench/extract && $(GO) run .

## bench-ner: the tagger on ../shared/data/ner/dev.jsonl: exact and token F1
## per type (all, held-out, tuning split), MB/CPU-s, gazetteer load time/heap
bench-ner:
	$(GO) run ./workers/tag/internal/nerbench -check

## fuzz: the extractor's fuzz target for FUZZTIME (default 10m)
FUZZTIME ?= 10m
fuzz:
	$(GO) test ./workers/extract -run '^$$' -fuzz FuzzExtract -fuzztime $(FUZZTIME)

clean:
	rm -rf bin data
