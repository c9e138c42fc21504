# danvan: the Spring Boot application with the embedded Camunda engine, REST API and webapps.
# Built and run by docker-compose.yml (PostgreSQL + this image); see README, "Production with docker-compose".

# ---- build: the fat jar, with the project's own Maven wrapper ----
FROM eclipse-temurin:17-jdk-noble AS build
WORKDIR /build
# Dependencies first: this layer is reused as long as pom.xml and the wrapper do not change.
COPY mvnw pom.xml ./
COPY .mvn .mvn
RUN ./mvnw -B -q dependency:go-offline
COPY . .
RUN ./mvnw -B -DskipTests package \
 && cp target/danvan-*.jar /build/danvan.jar

# ---- runtime ----
FROM eclipse-temurin:17-jre-noble
# The application runs as the fixed user and group 10001 (danvan), whatever the host: key files
# mounted into /app/config/signing must be readable by UID/GID 10001
# (chown -R 10001:10001 config/signing && chmod -R go-rwx config/signing).
# The health check below uses curl, which the Temurin Ubuntu images ship; fail the build if that ever changes.
RUN curl --version > /dev/null \
 && groupadd --system --gid 10001 danvan \
 && useradd --system --uid 10001 --gid danvan --home-dir /app --no-create-home --shell /usr/sbin/nologin danvan \
 && mkdir -p /app/config/holidays /app/config/signing \
 && chown -R danvan:danvan /app
WORKDIR /app
COPY --from=build /build/danvan.jar /app/danvan.jar

# Camunda captures the JVM default zone when its classes load: pin it (docs/engine-notes.md). TZ is for the logs.
ENV TZ=Asia/Ho_Chi_Minh \
    DANVAN_HOLIDAYS_DIR=/app/config/holidays \
    DANVAN_SIGNING_KEYSTORE_DIR=/app/config/signing \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75"

# Numeric, so that the runtime (and Kubernetes' runAsNonRoot) can check it is not root.
USER 10001:10001
EXPOSE 8080
# /engine-rest/engine is public by design and answers 200 once the engine is up (startup takes 10-60 s).
HEALTHCHECK --interval=15s --timeout=5s --start-period=120s --retries=5 \
  CMD curl -fsS -o /dev/null "http://localhost:${PORT:-8080}/engine-rest/engine" || exit 1
# No profile: production mode. The demo profile is never active in the image.
ENTRYPOINT ["java", "-Duser.timezone=Asia/Ho_Chi_Minh", "-Dfile.encoding=UTF-8", "-jar", "/app/danvan.jar"]
