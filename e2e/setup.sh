#!/usr/bin/env bash
# Prepares the teaching view's browser tests (e2e/serve.test.mjs): Node.js
# 18 or newer and npm (Debian's packages when missing), then playwright-core
# exactly as e2e/package-lock.json pins it. The browser is Debian's
# chromium at /usr/bin/chromium (.ci/run installs it); nothing else is
# downloaded. The tests themselves run in the ignored Rust test
# serve::the_page_works_in_headless_chromium
# (cargo test --release --locked -- --ignored).
set -euo pipefail
cd "$(dirname "$0")"

if ! command -v npm >/dev/null 2>&1 || ! command -v node >/dev/null 2>&1; then
    if command -v apt-get >/dev/null 2>&1; then
        SUDO=""
        if [ "$(id -u)" != "0" ]; then
            SUDO="sudo"
        fi
        echo "installing nodejs and npm for the browser tests" >&2
        $SUDO apt-get update -qq >/dev/null
        $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null
    else
        echo "no node or npm and no apt-get: install Node.js 18 or newer for the browser tests" >&2
        exit 1
    fi
fi
major=$(node -p 'process.versions.node.split(".")[0]')
if [ "$major" -lt 18 ]; then
    echo "Node.js $(node --version) is too old for the browser tests: 18 or newer is needed" >&2
    exit 1
fi
npm ci --no-audit --no-fund
