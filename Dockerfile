# simauth's image: the compiled api (and the provider sandbox's code, which only development mode
# runs), production dependencies only, as a non-root user. Rules a test checks
# (test/container-image.spec.ts): see docs/operations/deploy.md.
#
#   docker build -t simauth:0.1.0 .
#
# Every base image is pinned by tag: the Node.js the project tests with (package.json's `node`).

# 1. Build: every dependency, then the TypeScript compiled to dist/.
FROM node:24.21.0-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build

# 2. Production dependencies only, installed from the lock file.
FROM node:24.21.0-bookworm-slim AS production-dependencies
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

# 3. What runs: dist/, the production node_modules, package.json (the version the api reports).
FROM node:24.21.0-bookworm-slim
WORKDIR /app
# Production mode: the api refuses to start half-configured and never starts the provider sandbox
# (docs/operations/going-live.md). The demo (docker-compose.override.yml, the Kubernetes demo
# overlay) says NODE_ENV=development itself.
ENV NODE_ENV=production
# Owned by root, so the api cannot change its own code; read-only root filesystems work.
COPY --from=production-dependencies /app/node_modules ./node_modules
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/dist ./dist
# The one place the api may write: with ALLOW_EMBEDDED_DATABASE=true and no DATABASE_URL, the
# embedded Postgres keeps its data in /app/.data (mount a volume there).
RUN mkdir /app/.data && chown node:node /app/.data
# The image's `node` user (uid 1000), as the Kubernetes manifests' runAsUser says.
USER node
EXPOSE 3000
# Node's own signal handling: the api is PID 1 and handles SIGTERM itself (its live streams end
# with a retry hint, requests in flight finish, then it exits), so no init process is needed.
STOPSIGNAL SIGTERM
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/health/ready').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# The V8 heap's limits are npm run start:prod's, word for word (a test checks): one source for the
# image, the Kubernetes manifests (which run this CMD), `npm start` and the bench. They keep the
# api's memory flat under load (docs/operations/scaling.md, "Memory").
CMD ["node", "--max-old-space-size=256", "--max-semi-space-size=8", "dist/apps/api/src/main.js"]
