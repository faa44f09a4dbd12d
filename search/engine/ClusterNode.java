// One OpenSearch node of a multi-process (one JVM per node) dev/test cluster.
//
// The codelibs OpenSearchRunner main class forces `discovery.type: single-node`
// when started with -numOfNode 1, and settings passed in code override
// opensearch.yml, so separate JVMs cannot join one cluster through its CLI.
// This launcher uses the runner's API (onBuild) to give each JVM its own node
// name, fixed HTTP/transport ports and zen discovery seeded with all nodes.
//
// Compiled by opensearch.sh into target/classes and run by start-cluster / start-node:
//   java -cp "lib/*:target/classes" ClusterNode BASE_PATH NODE_ID NODE_COUNT HTTP_BASE TRANSPORT_BASE CLUSTER_NAME
// Node k listens on HTTP_BASE+k (http) and TRANSPORT_BASE+k (transport), all on 127.0.0.1.
import java.util.ArrayList;
import java.util.List;

import org.codelibs.opensearch.runner.OpenSearchRunner;

public class ClusterNode {
    public static void main(final String[] args) throws Exception {
        if (args.length != 6) {
            System.err.println("usage: ClusterNode BASE_PATH NODE_ID NODE_COUNT HTTP_BASE TRANSPORT_BASE CLUSTER_NAME");
            System.exit(2);
        }
        final String basePath = args[0];
        final int id = Integer.parseInt(args[1]);
        final int count = Integer.parseInt(args[2]);
        final int httpBase = Integer.parseInt(args[3]);
        final int transportBase = Integer.parseInt(args[4]);
        final String clusterName = args[5];

        final List<String> seeds = new ArrayList<>();
        final List<String> names = new ArrayList<>();
        for (int k = 1; k <= count; k++) {
            seeds.add("127.0.0.1:" + (transportBase + k));
            names.add("node-" + k);
        }

        final OpenSearchRunner runner = new OpenSearchRunner();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                runner.close();
            } catch (final Exception e) {
                System.err.println("close failed: " + e);
            }
        }));
        runner.onBuild((index, b) -> {
            b.put("node.name", "node-" + id);
            b.put("network.host", "127.0.0.1");
            b.put("http.port", String.valueOf(httpBase + id));
            b.put("transport.port", String.valueOf(transportBase + id));
            // anything but single-node: the runner only sets single-node if absent
            b.put("discovery.type", "zen");
            b.putList("discovery.seed_hosts", seeds);
            b.putList("cluster.initial_cluster_manager_nodes", names);
        });
        try {
            runner.build("-basePath", basePath, "-numOfNode", "1",
                    "-baseHttpPort", String.valueOf(httpBase + id - 1),
                    "-clusterName", clusterName);
        } catch (final Exception e) {
            e.printStackTrace();
            System.exit(1);
        }
        while (!runner.isClosed()) {
            Thread.sleep(5000);
        }
    }
}
