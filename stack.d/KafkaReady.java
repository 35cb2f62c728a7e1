import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * Readiness probe used by ./stack: exits 0 once the broker at args[0] answers a real
 * metadata round trip (cluster description and topic listing), 1 otherwise.
 * Run with the broker's jars: java -cp '.stack/kafka/libs/*' stack.d/KafkaReady.java 127.0.0.1:9092
 */
public class KafkaReady {
    public static void main(String[] args) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, args.length > 0 ? args[0] : "127.0.0.1:9092");
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000);
        try (Admin admin = Admin.create(props)) {
            var nodes = admin.describeCluster().nodes().get(5, TimeUnit.SECONDS);
            var controller = admin.describeCluster().controller().get(5, TimeUnit.SECONDS);
            admin.listTopics().names().get(5, TimeUnit.SECONDS);
            if (nodes.isEmpty() || controller == null) {
                System.err.println("not ready: no broker or no controller yet");
                System.exit(1);
            }
            System.out.println("ready: " + nodes.size() + " broker(s)");
        } catch (Exception e) {
            System.err.println("not ready: " + e);
            System.exit(1);
        }
    }
}
