package org.ruralcredit.system.faults;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/** Stops and starts one infrastructure component through {@code ./stack stop|start NAME}. */
final class StackComponent {

    private final String name;

    StackComponent(String name) {
        this.name = name;
    }

    /** Stops it; a component ./stack did not start (a machine's own broker) skips the test. */
    void stop() throws IOException, InterruptedException {
        Assumptions.assumeTrue(run("stop") == 0, name + " was not started by ./stack: this fault cannot be injected here");
    }

    void start() throws IOException, InterruptedException {
        int exit = run("start");
        if (exit != 0) {
            throw new IllegalStateException("./stack start " + name + " failed with " + exit + "; see target/stack-" + name + ".log");
        }
    }

    private int run(String action) throws IOException, InterruptedException {
        Path root = Path.of(System.getProperty("services.root", "..")).toAbsolutePath();
        Process process = new ProcessBuilder(root.resolve("stack").toString(), action, name)
                .directory(root.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(Path.of("target", "stack-" + name + ".log").toFile()))
                .start();
        if (!process.waitFor(180, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return -1;
        }
        return process.exitValue();
    }
}
