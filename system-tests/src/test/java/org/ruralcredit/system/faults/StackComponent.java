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
        Assumptions.assumeTrue(
                run("stop") == 0, name + " was not started by ./stack: this fault cannot be injected here");
    }

    void start() throws IOException, InterruptedException {
        int exit = run("start");
        if (exit != 0) {
            throw new IllegalStateException(
                    "./stack start " + name + " failed with " + exit + "; see target/stack-" + name + ".log");
        }
    }

    /** Stops it and starts it again after {@code downSeconds}; exit 3 (not manageable here) skips the test. */
    void restart(int downSeconds) throws IOException, InterruptedException {
        int exit = run("restart", downSeconds);
        Assumptions.assumeTrue(exit != 3, name + " cannot be restarted here: this fault cannot be injected");
        if (exit != 0) {
            throw new IllegalStateException(
                    "./stack restart " + name + " failed with " + exit + "; see target/stack-" + name + ".log");
        }
    }

    private int run(String action) throws IOException, InterruptedException {
        return run(action, 0);
    }

    private int run(String action, int downSeconds) throws IOException, InterruptedException {
        Path root = Path.of(System.getProperty("services.root", "..")).toAbsolutePath();
        ProcessBuilder builder = new ProcessBuilder(root.resolve("stack").toString(), action, name);
        builder.environment().put("PG_DOWN_SECONDS", Integer.toString(downSeconds));
        Process process = builder.directory(root.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        Path.of("target", "stack-" + name + ".log").toFile()))
                .start();
        if (!process.waitFor(180, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return -1;
        }
        return process.exitValue();
    }
}
