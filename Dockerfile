# syntax=docker/dockerfile:1
# paperbot's image: compiled with the dev dependencies, run with the production ones only, as an
# unprivileged user. Secrets come from the environment at run time, never from the build.
#   docker build -t paperbot .
#   docker run -d --env-file .env -v paperbot-state:/app/state -p 8080:8080 --stop-timeout 15 paperbot

# --- build: install everything, compile the TypeScript, then drop the dev dependencies ---
FROM node:20-bookworm-slim AS build
# better-sqlite3 is a native addon: when no prebuilt binary can be downloaded for the platform it
# compiles from source, which needs a toolchain (build stage only; the runtime image stays slim).
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
# The lock file first, so a change to the code does not reinstall the dependencies.
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY adapters ./adapters
RUN npm run build
RUN npm prune --omit=dev --no-audit --no-fund

# --- runtime: the compiled code, production dependencies and the bundled corpus ---
FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production \
    PAPERBOT_STATE=/app/state/paperbot.db
WORKDIR /app
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# The bundled papers; mount another folder over it to serve your own: -v ./papers:/app/data:ro
COPY data ./data
# State (digest subscriptions) on a volume the unprivileged user can write; the code stays read-only to it.
RUN mkdir -p /app/state && chown node:node /app/state
VOLUME ["/app/state"]
USER node
# /healthz, /readyz and /metrics (HEALTH_PORT).
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 CMD ["node", "dist/src/cli/main.js", "healthcheck"]
CMD ["node", "dist/src/cli/main.js", "start"]
