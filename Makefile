# Sluice build. `make setup` once (root), then `make` / `make test`.
SHELL := /bin/bash
export PATH := $(CURDIR)/node_modules/.bin:$(PATH)

CLANG ?= $(shell command -v clang-19 || command -v clang)
ARCH_INCLUDE := /usr/include/$(shell gcc -dumpmachine 2>/dev/null || echo x86_64-linux-gnu)
BPF_CFLAGS := -O2 -g -target bpf -Wall -Wextra -Werror -I$(ARCH_INCLUDE)
BPF_SRC := $(wildcard bpf/*.c)
BPF_OBJ := $(patsubst bpf/%.c,build/bpf/%.o,$(BPF_SRC))
BPF_HDR := $(wildcard bpf/lib/*.h)
TS_SRC := $(shell find agent cni tools test -name '*.ts' 2>/dev/null)


.PHONY: all build proto proto-check bpf ts setup test test-unit test-integration test-e2e lint typecheck clean check-kernel

all: build

build: proto-check bpf ts build/sluice-sctp build/sluice-crr build/sluice-events build/sluice-maps build/sluice-cni

# agent/api/gen is generated from agent/api/*.proto and committed: every build regenerates it
# into a temp dir and fails on drift; `make proto` rewrites it.
proto:
	scripts/gen-proto.sh

proto-check:
	scripts/gen-proto.sh --check

# The CNI executable: small C, statically linked (no runtime, no shared libraries on the host).
build/sluice-cni: cni/sluice-cni.c
	@mkdir -p build
	gcc -O2 -Wall -Wextra -Werror -static -o $@ $<

build/sluice-sctp: tools/net/sctp.c
	@mkdir -p build
	gcc -O2 -Wall -Wextra -Werror -o $@ $<

build/sluice-crr: tools/net/crr.c
	@mkdir -p build
	gcc -O2 -Wall -Wextra -Werror -o $@ $<

build/sluice-events: agent/observe/sluice-events.c
	@mkdir -p build
	gcc -O2 -Wall -Wextra -Werror -o $@ $< -lbpf

build/sluice-maps: agent/datapath/sluice-maps.c
	@mkdir -p build
	gcc -O2 -Wall -Wextra -Werror -o $@ $< -lbpf

bpf: $(BPF_OBJ)

build/bpf/%.o: bpf/%.c $(BPF_HDR)
	@mkdir -p $(dir $@)
	$(CLANG) $(BPF_CFLAGS) -c $< -o $@

ts: build/js/.stamp

build/js/.stamp: $(TS_SRC) $(wildcard agent/api/gen/*) tsconfig.json package.json
	tsc -p tsconfig.json
	@touch $@

setup:
	scripts/setup.sh

check-kernel:
	scripts/check-kernel.sh

test: build
	scripts/test.sh

test-unit: build
	scripts/test.sh test/unit

test-integration: build
	scripts/test.sh test/integration

test-e2e: build
	scripts/test.sh test/e2e

lint:
	biome check agent cni tools test

typecheck:
	tsc -p tsconfig.json --noEmit

clean:
	rm -rf build
