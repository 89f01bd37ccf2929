# syntax=docker/dockerfile:1
# The Connect widget server as a container image. Build: docker build -t connect-widget .
# README "Deploy" → "Container image" gives the run command and the environment it needs.
# scripts/smoke-prod.mjs (a phase of `npm test`) performs this file's run stage in a temporary
# directory, so a COPY of a missing path or a failing install is caught where no engine runs.
# The parser directive above (the first line, before any other comment) asks for BuildKit's current
# Dockerfile frontend: RUN --mount=type=cache below needs BuildKit (Docker 23+ builds with it by default;
# older engines: DOCKER_BUILDKIT=1 docker build …).

# Node 20, the major the repository is developed and tested on (the patch pinned: a rebuild is the same)
FROM node:20.20.2-bookworm-slim AS build
WORKDIR /app
# the lock file first: the dependency layer is reused until package*.json change; no install scripts
# (the WebDriver packages would download browser drivers the build does not use)
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY . .
RUN npm run build

# The run stage: production dependencies and the build output only (no sources, no devDependencies)
FROM node:20.20.2-bookworm-slim AS run
ENV NODE_ENV=production
# inside a container every interface is the container's own; the port is the server's default
ENV HOST=0.0.0.0 PORT=4173
WORKDIR /app
COPY --from=build /app/package.json /app/package-lock.json ./
# the npm cache stays in BuildKit's cache, out of the image; no install scripts run
RUN --mount=type=cache,target=/root/.npm npm ci --omit=dev --ignore-scripts --no-audit --no-fund
# the widget's static files and the compiled server (its source map too, for stack traces)
COPY --from=build /app/dist ./dist
COPY --from=build /app/dist-server ./dist-server
# the files stay root's: the server cannot rewrite its own code
USER node
EXPOSE 4173
# liveness, with Node (a slim image has no curl); a load balancer asks /readyz instead
HEALTHCHECK --interval=30s --timeout=5s --start-period=10s --retries=3 CMD ["node", "-e", "fetch(`http://127.0.0.1:${process.env.PORT}/healthz`, { signal: AbortSignal.timeout(4000) }).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# what `npm run start:prod` runs, without npm or a shell: node is PID 1 and gets SIGTERM itself
CMD ["node", "dist-server/main.js"]
