# Apertium APY with the English–Spanish pair, from Debian's packages.
FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends apertium apertium-apy apertium-eng-spa \
    && rm -rf /var/lib/apt/lists/*
EXPOSE 2737
USER nobody
CMD ["apertium-apy", "-p", "2737", "/usr/share/apertium/modes"]
