# Production image: compiled api and sandbox, production dependencies only.
FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev

FROM node:24-bookworm-slim
WORKDIR /app
# Production mode: the api refuses to start half-configured (docs/operations/going-live.md). The demo
# (docker-compose.override.yml) sets NODE_ENV=development for its sandbox.
ENV NODE_ENV=production
# Owned by the user the api runs as: with ALLOW_EMBEDDED_DATABASE=true and no DATABASE_URL, the
# embedded Postgres keeps its data in /app/.data (mount a volume there).
COPY --from=build --chown=node:node /app/package.json ./
COPY --from=build --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/dist ./dist
RUN chown node:node /app
USER node
EXPOSE 3000
CMD ["node", "dist/apps/api/src/main.js"]
