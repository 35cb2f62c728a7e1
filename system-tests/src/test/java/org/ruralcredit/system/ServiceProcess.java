package org.ruralcredit.system;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One packaged service run as its own operating-system process, the way the stack runs it, so a
 * test can stop it, kill it with SIGKILL and start it again. It runs the test profile (test
 * databases, {@code test.} topics) on a port of its own, and its management interface ({@code /q/*}:
 * health, metrics, OpenAPI) on that port plus {@value #MANAGEMENT_OFFSET}.
 */
public final class ServiceProcess implements AutoCloseable {

    /**
     * The gateway's settings beside the other services at their test ports (registry 18081,
     * rating 18082, morality 18083, archive 18084), with queries allowed at any hour: the system
     * tests run when they run.
     */
    public static final List<String> GATEWAY_SETTINGS = List.of(
            "ruralcredit.services.registry.url=http://127.0.0.1:18081",
            "ruralcredit.services.rating.url=http://127.0.0.1:18082",
            "ruralcredit.services.morality.url=http://127.0.0.1:18083",
            "ruralcredit.services.sme.url=http://127.0.0.1:18084",
            "ruralcredit.services.registry.timeout=3s",
            "ruralcredit.services.rating.timeout=3s",
            "ruralcredit.services.morality.timeout=3s",
            "ruralcredit.services.sme.timeout=3s",
            "ruralcredit.queries.working-days=MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY,SATURDAY,SUNDAY",
            "ruralcredit.queries.working-hours-start=00:00",
            "ruralcredit.queries.working-hours-end=23:59:59");

    /** The web console's settings: the gateway and the services at their test ports (above). */
    public static final List<String> CONSOLE_SETTINGS = List.of(
            "ruralcredit.console.gateway-url=http://127.0.0.1:18080",
            "ruralcredit.console.registry-url=http://127.0.0.1:18081",
            "ruralcredit.console.rating-url=http://127.0.0.1:18082",
            "ruralcredit.console.morality-url=http://127.0.0.1:18083",
            "ruralcredit.console.sme-url=http://127.0.0.1:18084");

    /** The management port is the HTTP port plus this (18081: 19081): below the kernel's ephemeral ports (32768 and up), so no outgoing connection can hold it. */
    public static final int MANAGEMENT_OFFSET = 1000;

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String module;
    private final int port;
    private final Path log;
    private final List<String> properties;
    private Process process;

    public ServiceProcess(String module, int port) {
        this(module, port, List.of());
    }

    /** {@code properties}: extra {@code -Dkey=value} settings, e.g. the URLs of the services this one calls. */
    public ServiceProcess(String module, int port, List<String> properties) {
        this.module = module;
        this.port = port;
        this.log = Path.of("target", "service-logs", module + ".log");
        this.properties = List.copyOf(properties);
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** Quarkus' management interface: {@code /q/health/*}, {@code /q/metrics}, {@code /q/openapi}. */
    public String managementUrl() {
        return "http://127.0.0.1:" + (port + MANAGEMENT_OFFSET);
    }

    public ServiceProcess start() throws IOException, InterruptedException {
        launch();
        awaitReady(Duration.ofSeconds(90));
        return this;
    }

    /** Starts the process without waiting for it (several can then start side by side; see {@link #awaitReady}). */
    public ServiceProcess launch() throws IOException {
        Path root = Path.of(System.getProperty("services.root", ".."));
        Path jar = root.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(module + " is not packaged: " + jar + " is missing");
        }
        Files.createDirectories(log.getParent());
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(
                java,
                "-Xmx256m",
                "-Dquarkus.profile=test",
                "-Dquarkus.http.port=" + port,
                "-Dquarkus.management.port=" + (port + MANAGEMENT_OFFSET)));
        properties.forEach(p -> command.add("-D" + p));
        command.addAll(List.of("-jar", jar.toString()));
        process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        return this;
    }

    /** Whether the process was started and has not ended. */
    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** Waits until the service answers ready; fails when it exits or the time is up. */
    public void awaitReady(Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        HttpRequest ready = HttpRequest.newBuilder(URI.create(managementUrl() + "/q/health/ready"))
                .build();
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        module + " exited with " + process.exitValue() + "; see " + log.toAbsolutePath());
            }
            try {
                if (HTTP.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(module + " was not ready within " + timeout + "; see " + log.toAbsolutePath());
    }

    /** SIGKILL: no shutdown hook, no graceful close of consumers or transactions. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** Stops each that was started, in the order given (nulls: a start that failed). */
    public static void closeAll(ServiceProcess... services) throws InterruptedException {
        for (ServiceProcess service : services) {
            if (service != null) {
                service.close();
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
