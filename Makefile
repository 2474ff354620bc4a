# Mektep — the two set-up commands and their parts.
#   make run    install what is missing, build, create var/demo.db if absent, serve it
#   make test   install what is missing, build, run every test (gcc, then clang with
#               AddressSanitizer + UndefinedBehaviorSanitizer)
#   make        build build/mektep and the web app, start nothing
PORT ?= 8080
DB ?= var/demo.db
JOBS ?= $(shell nproc)

.PHONY: all build web deps run test bench fuzz clean

all: build web

deps:
	@./scripts/install-deps

build:
	@cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
	@cmake --build build -j $(JOBS)

web:
	@if [ -f web/package.json ]; then ./scripts/build-web; fi

run: deps all
	@mkdir -p var
	@if [ ! -f $(DB) ]; then ./build/mektep demo --db $(DB); fi
	./build/mektep migrate --db $(DB)
	./build/mektep serve --db $(DB) --port $(PORT)

test: deps all
	@./scripts/run-tests

bench: all
	@./bench/run

fuzz: build
	@./scripts/fuzz

clean:
	rm -rf build build-asan build-clang build-fuzz
