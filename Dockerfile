# The citykg API image used by docker-compose.yml; the app also runs without it (README: make run).
FROM python:3.11-slim
RUN apt-get update && apt-get install -y --no-install-recommends make nodejs npm && rm -rf /var/lib/apt/lists/*
WORKDIR /srv/citykg
COPY . .
RUN pip install --no-cache-dir -e . \
    && if [ -f app/frontend/package.json ]; then npm ci --prefix app/frontend && npm run build --prefix app/frontend; fi
ENV CITYKG_DATA_DIR=/data CITYKG_HOST=0.0.0.0 CITYKG_PORT=8000
EXPOSE 8000
CMD ["sh", "-c", "citykg build demo/corpus; exec citykg serve"]
