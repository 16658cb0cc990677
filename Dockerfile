# IPMI Monitor: one image, one binary. Build: the server and the wasm bundle in the Rust image;
# run: the binary, the site assets and VERSION on debian-slim as a non-root user.

FROM rust:1.95-bookworm AS builder
ARG GIT_COMMIT=unknown
ARG GIT_BRANCH=unknown
ARG BUILD_TIME=unknown
ARG APP_VERSION=
# Node runs wasm-opt from npm's binaryen (Debian's binaryen 108 writes a broken wasm).
RUN apt-get update \
 && apt-get install -y --no-install-recommends nodejs npm \
 && rm -rf /var/lib/apt/lists/*
RUN rustup target add wasm32-unknown-unknown
WORKDIR /src
COPY Cargo.lock ./
RUN version=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/[^0-9.]/, ""); print; exit}' Cargo.lock) \
 && cargo install --quiet "wasm-bindgen-cli@$version"
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund --loglevel=error
COPY . .
ENV GIT_COMMIT=$GIT_COMMIT GIT_BRANCH=$GIT_BRANCH BUILD_TIME=$BUILD_TIME APP_VERSION=$APP_VERSION
RUN scripts/build-site.sh release \
 && cargo build --locked --release -p server \
 && strip target/release/ipmi-monitor

FROM debian:bookworm-slim
ARG GIT_COMMIT=unknown
ARG GIT_BRANCH=unknown
ARG BUILD_TIME=unknown
ARG APP_VERSION=
ENV GIT_COMMIT=$GIT_COMMIT GIT_BRANCH=$GIT_BRANCH BUILD_TIME=$BUILD_TIME APP_VERSION=$APP_VERSION \
    IPMI_MONITOR_LISTEN=0.0.0.0:5001 \
    IPMI_MONITOR_DATA_DIR=/app/data \
    IPMI_MONITOR_SITE_ROOT=/app/site
RUN apt-get update \
 && apt-get install -y --no-install-recommends ca-certificates curl \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 --home-dir /app --shell /usr/sbin/nologin ipmi \
 && mkdir -p /app/data \
 && chown ipmi:ipmi /app/data
COPY --from=builder /src/target/release/ipmi-monitor /app/ipmi-monitor
COPY --from=builder /src/target/site /app/site
COPY VERSION /app/VERSION
USER ipmi
WORKDIR /app
VOLUME /app/data
EXPOSE 5001
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD curl -fsS "http://127.0.0.1:5001${IPMI_MONITOR_BASE_PATH%/}/health" >/dev/null || exit 1
ENTRYPOINT ["/app/ipmi-monitor"]
CMD ["serve"]
