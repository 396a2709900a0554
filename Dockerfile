# Build stage: Maven + JDK 17 builds the fat jar (tests run in CI, not in the image build).
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY conf conf
COPY src src
RUN mvn -B -q package -DskipTests

# Runtime stage: JRE only, non-root.
FROM eclipse-temurin:17-jre
RUN groupadd --system pulse && useradd --system --gid pulse --home-dir /app pulse
WORKDIR /app
COPY --from=build /src/target/pulse.jar /app/pulse.jar
COPY conf /app/conf
USER pulse
EXPOSE 8080
# Liveness through bash's /dev/tcp: no curl or wget needed in the runtime image.
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s --retries=3 \
  CMD bash -c 'exec 3<>/dev/tcp/127.0.0.1/${PULSE_HTTP_PORT:-8080} && printf "GET /health/live HTTP/1.0\r\n\r\n" >&3 && head -n1 <&3 | grep -q " 200 "' || exit 1
ENTRYPOINT ["java", "-XX:+ExitOnOutOfMemoryError", "-jar", "/app/pulse.jar"]
