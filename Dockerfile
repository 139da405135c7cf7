# syntax=docker/dockerfile:1
# CPU image: the jar bundles the CPU LibTorch (pytorch-native-cpu); no network is needed at run time.
#   docker build -t yolotrain:cpu .
# CUDA image: see Dockerfile.cuda.

FROM maven:3.9-eclipse-temurin-17 AS build
# gcc + libjpeg-turbo headers: the loader's native JPEG decoder (src/main/native) is built with the jar.
RUN apt-get update && apt-get install -y --no-install-recommends gcc libc6-dev libjpeg-turbo8-dev \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY src src
COPY config_document config_document
RUN mvn -B -q -DskipTests package

FROM eclipse-temurin:17-jre-jammy
# curl for the health check; setpriv (util-linux, already in the base) ties training children to the worker.
# libjpeg-turbo8: what the loader's native JPEG decoder links to (without it the loader falls back to OpenCV).
RUN apt-get update && apt-get install -y --no-install-recommends curl libjpeg-turbo8 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system --gid 10001 yolotrain \
 && useradd --system --uid 10001 --gid yolotrain --home-dir /app --shell /usr/sbin/nologin yolotrain \
 && mkdir -p /app /data /opt/djl && chown yolotrain:yolotrain /data /opt/djl
WORKDIR /app
COPY --from=build /src/target/yolotrain.jar /app/yolotrain.jar
# DJL_CACHE_DIR: where DJL extracts LibTorch (~430 MB); done once here so that a container starts fast.
# JAVA_OPTS: the server JVM keeps a small heap; LibTorch memory is native (outside the heap), and each training
# child gets its own heap from YOLOTRAIN_CHILD_JVM_OPTIONS (-Xmx2g by default).
ENV YOLOTRAIN_STORAGE_ROOT=/data \
    DJL_CACHE_DIR=/opt/djl \
    DJL_OFFLINE=true \
    OPT_OUT_TRACKING=true \
    JAVA_OPTS="-XX:MaxRAMPercentage=25 -XX:+ExitOnOutOfMemoryError"
USER 10001:10001
# Start the engine once: extracts the bundled CPU LibTorch into DJL_CACHE_DIR (no download).
RUN java -Dai.djl.offline=true -jar /app/yolotrain.jar model-info --cfg yolov5n --img 64 >/dev/null \
 && ls -d /opt/djl/pytorch/*cpu*
VOLUME /data
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=120s --retries=3 \
  CMD curl -fsS http://localhost:${PORT:-8080}/actuator/health/liveness || exit 1
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -jar /app/yolotrain.jar \"$@\"", "yolotrain"]
