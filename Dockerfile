# Build stage: Maven with JDK 17 and Node/npm for the web client.
FROM maven:3.9-eclipse-temurin-17 AS build
RUN apt-get update && apt-get install -y --no-install-recommends nodejs npm && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY pom.xml .
COPY web-client/ web-client/
COPY server/ server/
RUN mvn -B -q -DskipTests package

# Run stage: a JRE only.
FROM eclipse-temurin:17-jre
# fontconfig: Java 2D (the report's tally chart) looks fonts up through it even when the font is shipped in the jar.
RUN apt-get update && apt-get install -y --no-install-recommends curl fontconfig && rm -rf /var/lib/apt/lists/*
RUN useradd --system --home /var/lib/hoinghi hoinghi && mkdir -p /var/lib/hoinghi && chown hoinghi /var/lib/hoinghi
COPY --from=build /src/server/target/hoinghi-server.jar /opt/hoinghi/hoinghi-server.jar
USER hoinghi
WORKDIR /var/lib/hoinghi
ENV HOINGHI_DATA_DIR=/var/lib/hoinghi/data
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD curl -fsS -o /dev/null http://127.0.0.1:8080/health/ready || exit 1
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/opt/hoinghi/hoinghi-server.jar"]
