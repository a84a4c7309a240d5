# Production image: compiled api and sandbox, production dependencies only.
FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev

FROM node:24-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
# Owned by the user the api runs as: without DATABASE_URL the embedded Postgres keeps its data
# in /app/.data.
COPY --from=build --chown=node:node /app/package.json ./
COPY --from=build --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/dist ./dist
RUN chown node:node /app
USER node
EXPOSE 3000
CMD ["node", "dist/apps/api/src/main.js"]
