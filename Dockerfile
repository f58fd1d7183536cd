# One image per service, built after `./mvnw package`:
#   docker build --build-arg MODULE=fetcher-service -t ghcr.io/patternscope/fetcher-service:0.1.0 .
# The classifier image carries the pattern model; build it from a -Pgpu package for the -gpu tag.
# Built for Java 17, run on 25: its Arrays.sort uses AVX-512 where the CPU has it (the KS screening sorts every window).
FROM eclipse-temurin:25-jre
ARG MODULE
WORKDIR /deployments
COPY ${MODULE}/target/quarkus-app/ /deployments/
COPY models/ /deployments/models/
ENV JAVA_OPTS="-XX:MaxRAMPercentage=75 --enable-native-access=ALL-UNNAMED -Dorg.bytedeco.javacpp.cachedir=/tmp/javacpp"
USER 185
EXPOSE 8080 8081 8082 8083 8084
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -jar /deployments/quarkus-run.jar"]
