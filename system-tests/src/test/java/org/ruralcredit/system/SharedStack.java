package org.ruralcredit.system;

import java.io.IOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The platform at the system tests' ports (services 18081–18084, gateway 18080, web console 18085,
 * each with its test profile and the settings of {@link ServiceProcess}), started once for every
 * suite that needs it as it is, rather than once per suite: starting six services took longer than
 * many of the suites' own work. Suites marked {@link Uses} run first ({@link SharedStackFirst}); a
 * suite that needs the ports or the infrastructure for itself (the fault and backup suites) calls
 * {@link #stop()} first. A suite may stop or kill one of the services to see what happens then;
 * the next {@link #start()} starts again whatever is not running.
 */
public final class SharedStack {

    /** Marks a suite that runs on the shared platform: such suites run before all others. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    public @interface Uses {}

    public static final String REGISTRY = "farmer-registry";
    public static final String RATING = "credit-rating";
    public static final String MORALITY = "morality-score";
    public static final String SME = "sme-archive";
    public static final String GATEWAY = "gateway";
    public static final String CONSOLE = "web-console";

    private static final Duration READY_WITHIN = Duration.ofSeconds(150);
    private static final Map<String, ServiceProcess> SERVICES = new LinkedHashMap<>();

    static {
        SERVICES.put(REGISTRY, new ServiceProcess(REGISTRY, 18081));
        SERVICES.put(RATING, new ServiceProcess(RATING, 18082));
        SERVICES.put(MORALITY, new ServiceProcess(MORALITY, 18083));
        SERVICES.put(SME, new ServiceProcess(SME, 18084));
        SERVICES.put(GATEWAY, new ServiceProcess(GATEWAY, 18080, ServiceProcess.GATEWAY_SETTINGS));
        SERVICES.put(CONSOLE, new ServiceProcess(CONSOLE, 18085, ServiceProcess.CONSOLE_SETTINGS));
        // the forked test JVM ends after the last suite: the services end with it
        Runtime.getRuntime().addShutdownHook(new Thread(SharedStack::stopQuietly, "shared-stack-stop"));
    }

    private SharedStack() {}

    /**
     * Starts every service that is not running, side by side, and waits until all are ready. The
     * first start fails when another process (another run of the system tests?) holds a port:
     * its services would answer in place of this run's.
     */
    public static synchronized void start() throws IOException, InterruptedException {
        List<ServiceProcess> starting = new ArrayList<>();
        for (ServiceProcess service : SERVICES.values()) {
            if (!service.isAlive()) {
                requireFree(service);
                starting.add(service.launch());
            }
        }
        for (ServiceProcess service : starting) {
            service.awaitReady(READY_WITHIN);
        }
    }

    /** One service of the shared platform (started by {@link #start()}). */
    public static synchronized ServiceProcess service(String module) {
        ServiceProcess service = SERVICES.get(module);
        if (service == null) {
            throw new IllegalArgumentException("no service " + module + " in the shared platform");
        }
        return service;
    }

    /** Stops every service of the shared platform (nothing happens when none runs). */
    public static synchronized void stop() throws InterruptedException {
        List<ServiceProcess> reverse = new ArrayList<>(SERVICES.values());
        Collections.reverse(reverse);
        ServiceProcess.closeAll(reverse.toArray(ServiceProcess[]::new));
    }

    private static void stopQuietly() {
        try {
            stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void requireFree(ServiceProcess service) {
        for (String url : List.of(service.baseUrl(), service.managementUrl())) {
            int port = Integer.parseInt(url.substring(url.lastIndexOf(':') + 1));
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
                throw new IllegalStateException("port " + port + " is in use, by another run of the system tests?");
            } catch (IOException free) {
                // nothing listens there
            }
        }
    }
}
