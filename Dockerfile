# trailguard as a container: docker build -t trailguard . && docker run --rm -e AWS_PROFILE -v ~/.aws:/home/node/.aws:ro trailguard scan
# Build stage: compile with the dev dependencies and pack the package as npm would publish it.
FROM node:20-slim AS build
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY . .
RUN npm run -s build \
 && npm pack --ignore-scripts --pack-destination /tmp \
 && mkdir /package \
 && tar -xzf /tmp/trailguard-*.tgz -C /package --strip-components=1 \
 && cp package-lock.json /package/

# Runtime stage: the packed package with its production dependencies only, run as a non-root user.
FROM node:20-slim
ENV NODE_ENV=production
WORKDIR /opt/trailguard
COPY --from=build /package ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund \
 && npm cache clean --force \
 && chmod +x dist/cli/main.js \
 && ln -s /opt/trailguard/dist/cli/main.js /usr/local/bin/trailguard
USER node
WORKDIR /work
ENTRYPOINT ["trailguard"]
CMD ["--help"]
