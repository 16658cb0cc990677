# IPMI Monitor. `make run` serves the app on http://127.0.0.1:5001; `make test` runs every test.
# Both install what is missing first (scripts/setup.sh), so they work on a fresh Debian 12 with rustup.

SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c

# Build information compiled into the binary (/api/version). Local builds use the commit time as
# the build time, so rebuilding the same commit gives the same binary.
GIT_COMMIT ?= $(shell git rev-parse --short HEAD 2>/dev/null || echo unknown)
GIT_BRANCH ?= $(shell git rev-parse --abbrev-ref HEAD 2>/dev/null || echo unknown)
BUILD_TIME ?= $(shell git log -1 --format=%cd --date=format:'%Y-%m-%d %H:%M' 2>/dev/null || echo unknown)
export GIT_COMMIT GIT_BRANCH BUILD_TIME

.PHONY: run test demo container-check setup setup-test setup-lab release lint unit e2e bench-engine bench-dashboard bench-collector fmt clean

## run: build in release mode and serve http://127.0.0.1:5001 (SQLite in ./data)
run: setup release
	target/release/ipmi-monitor serve

## test: everything — formatting, clippy, unit, integration, BMC-lab, PostgreSQL and browser tests
test: setup-test lint unit e2e

## demo: simulated BMCs imported as servers, and the app serving them (no hardware needed)
demo: setup-lab release
	scripts/demo.sh

## container-check: build the Dockerfile with podman and check the running container
container-check:
	scripts/container/verify-image

setup:
	scripts/setup.sh

setup-test:
	scripts/setup.sh --test

setup-lab:
	scripts/setup.sh --lab

release:
	scripts/build-site.sh release
	cargo build --locked --release -p server

lint:
	cargo fmt --all -- --check
	cargo clippy --locked --all-targets -- -D warnings
	cargo clippy --locked -p frontend --target wasm32-unknown-unknown -- -D warnings

# The server's integration tests run one at a time: each starts a whole server, and several
# Leptos servers rendering at once in one test process, each on its own test runtime, now and
# then leave a page render waiting forever (1 run in 40, never one at a time).
unit:
	TEST_DATABASE_URL="$$(scripts/postgres.sh url)" cargo test --locked --workspace --exclude server --exclude frontend --features app/ssr
	TEST_DATABASE_URL="$$(scripts/postgres.sh url)" cargo test --locked -p server -- --test-threads=1

e2e:
	scripts/build-site.sh release
	cargo build --locked -p server
	node e2e/browser.mjs target/debug/ipmi-monitor
	node e2e/base_path.mjs target/debug/ipmi-monitor

## bench-engine: 200 lab BMCs polled natively and with ipmitool, figures printed
bench-engine: setup-test
	cargo run --locked --release -p engine --example bench_fleet -- --bmcs 200

## bench-dashboard: the dashboard rendered for 1,000 servers, request times printed
bench-dashboard:
	scripts/build-site.sh release
	cargo run --locked --release -p server --example bench_dashboard -- --servers 1000

## bench-collector: the server polling 1,000 lab BMCs every 60 s for 10 minutes, figures printed
bench-collector: setup-lab release
	scripts/bench-collector.sh

fmt:
	cargo fmt --all

clean:
	cargo clean
	rm -rf node_modules e2e/screenshots
