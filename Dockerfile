# Polywire's one binary; docker-compose.yml runs it once per stage.
FROM golang:1.26-bookworm AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -trimpath -o /out/polywire ./cmd/polywire

FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates tzdata \
    && rm -rf /var/lib/apt/lists/*
COPY --from=build /out/polywire /usr/local/bin/polywire
USER nobody
ENTRYPOINT ["polywire"]
