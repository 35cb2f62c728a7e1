import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Fixed-rate HTTP load in a process of its own (JDK only: {@code java bench/LoadGenerator.java}).
 * Open model: request i is due at start + i/rate whether or not earlier ones have answered, and
 * its latency counts from when it was due, so a stalled server cannot hide its queueing
 * (no coordinated omission). Prints one JSON line.
 *
 *   rate MODE:       java bench/LoadGenerator.java rate URL BODY_FILE AUTHORIZATION RATE SECONDS [WARMUP_SECONDS]
 *   sequential MODE: java bench/LoadGenerator.java sequential URL - AUTHORIZATION COUNT   (GET, one at a time)
 *
 * With the environment variable EXPECT set, a 2xx answer whose body lacks that text counts as an
 * error (e.g. EXPECT='"complete":true' for a report that came back without one of its sections).
 */
public class LoadGenerator {

    record Result(long latencyNanos, int status) {
    }

    /** The status, or 0 for a 2xx whose body lacks EXPECT. */
    private static final String EXPECT = System.getenv("EXPECT");

    private static int judged(HttpResponse<String> response) {
        int status = response.statusCode();
        return EXPECT != null && status / 100 == 2 && !response.body().contains(EXPECT) ? 0 : status;
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        URI url = URI.create(args[1]);
        String body = args[2].equals("-") ? null : Files.readString(Path.of(args[2]));
        String authorization = args[3];
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
                .executor(Executors.newVirtualThreadPerTaskExecutor()).build();
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10))
                .header("Authorization", authorization);
        HttpRequest req = body == null ? request.GET().build()
                : request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        if (mode.equals("sequential")) {
            int count = Integer.parseInt(args[4]);
            List<Result> results = new ArrayList<>();
            for (int i = 0; i < count + 20; i++) {
                long t0 = System.nanoTime();
                int status = judged(http.send(req, HttpResponse.BodyHandlers.ofString()));
                if (i >= 20) {
                    results.add(new Result(System.nanoTime() - t0, status));
                }
            }
            print(results, count, Double.NaN);
            return;
        }
        double rate = Double.parseDouble(args[4]);
        int seconds = Integer.parseInt(args[5]);
        int warmup = args.length > 6 ? Integer.parseInt(args[6]) : 5;
        run(http, req, rate, warmup);
        List<Result> results = run(http, req, rate, seconds);
        print(results, (int) (rate * seconds), rate);
    }

    private static List<Result> run(HttpClient http, HttpRequest req, double rate, int seconds) throws InterruptedException {
        int total = (int) Math.round(rate * seconds);
        ConcurrentLinkedQueue<Result> results = new ConcurrentLinkedQueue<>();
        AtomicInteger pending = new AtomicInteger(total);
        long start = System.nanoTime();
        long interval = (long) (1_000_000_000L / rate);
        for (int i = 0; i < total; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            http.sendAsync(req, HttpResponse.BodyHandlers.ofString()).whenComplete((response, failure) -> {
                results.add(new Result(System.nanoTime() - due, failure == null ? judged(response) : -1));
                pending.decrementAndGet();
            });
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (pending.get() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        return new ArrayList<>(results);
    }

    private static void print(List<Result> results, int sent, double rate) {
        long[] ms = results.stream().mapToLong(Result::latencyNanos).sorted().toArray();
        long errors = results.stream().filter(r -> r.status() < 200 || r.status() >= 300).count() + (sent - results.size());
        java.util.Map<Integer, Long> statuses = new java.util.TreeMap<>(results.stream()
                .collect(java.util.stream.Collectors.groupingBy(Result::status, java.util.stream.Collectors.counting())));
        String byStatus = statuses.entrySet().stream().map(e -> "\"" + e.getKey() + "\":" + e.getValue())
                .collect(java.util.stream.Collectors.joining(","));
        System.out.printf("{\"sent\":%d,\"answered\":%d,\"errors\":%d,\"rate\":%s,\"p50_ms\":%.1f,\"p99_ms\":%.1f,\"max_ms\":%.1f,\"statuses\":{%s}}%n",
                sent, results.size(), errors, Double.isNaN(rate) ? "null" : Double.toString(rate),
                percentile(ms, 50), percentile(ms, 99), ms.length == 0 ? 0.0 : ms[ms.length - 1] / 1e6, byStatus);
    }

    private static double percentile(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }
}
