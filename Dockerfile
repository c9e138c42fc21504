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
# The health check below uses curl, which the Temurin Ubuntu images ship; fail the build if that ever changes.
RUN curl --version > /dev/null \
 && groupadd --system danvan \
 && useradd --system --gid danvan --home-dir /app --no-create-home --shell /usr/sbin/nologin danvan \
 && mkdir -p /app/config/holidays /app/config/signing \
 && chown -R danvan:danvan /app
WORKDIR /app
COPY --from=build /build/danvan.jar /app/danvan.jar

# Camunda captures the JVM default zone when its classes load: pin it (PITFALLS.md). TZ is for the logs.
ENV TZ=Asia/Ho_Chi_Minh \
    DANVAN_HOLIDAYS_DIR=/app/config/holidays \
    DANVAN_SIGNING_KEYSTORE_DIR=/app/config/signing \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75"

USER danvan
EXPOSE 8080
# /engine-rest/engine is public by design and answers 200 once the engine is up (startup takes 10-60 s).
HEALTHCHECK --interval=15s --timeout=5s --start-period=120s --retries=5 \
  CMD curl -fsS -o /dev/null "http://localhost:${PORT:-8080}/engine-rest/engine" || exit 1
ENTRYPOINT ["java", "-Duser.timezone=Asia/Ho_Chi_Minh", "-Dfile.encoding=UTF-8", "-jar", "/app/danvan.jar"]
